/**
 * The one guild the test bot lives in: its users, roles, two text channels and Discord's
 * permission arithmetic, plus the API objects (user, member, channel, guild) built from them.
 * The guild owner is a third user, so nobody gets the owner's implicit administrator bypass.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIGuild,
  APIGuildMember,
  APIInteractionGuildMember,
  APIOverwrite,
  APIRole,
  APITextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
} from 'discord.js';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** What a fresh guild's @everyone role gets on Discord. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.Stream |
  PermissionFlagsBits.UseVAD;

/** What a typical invite link grants the bot's managed role. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory;

/**
 * Flag fields are typed as numeric enums with no member for 0; TypeScript accepts a value typed
 * `number` where it refuses the literal.
 */
const NO_FLAGS: number = 0;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, flag) => all | flag, 0n);

/** Without these, Discord also withdraws the permissions that depend on them. */
const NEEDS_SEND_MESSAGES =
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.SendTTSMessages |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.EmbedLinks;

/** Hands out snowflakes that are unique and increasing, as Discord's are. */
export function createSnowflakes(): () => string {
  let last = 0n;
  return () => {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}

export interface DiscordGuildOptions {
  /** Permissions of the @everyone role; default {@link DEFAULT_EVERYONE_PERMISSIONS}. */
  everyonePermissions?: bigint;
  /** Permissions of the bot's managed role; default {@link DEFAULT_BOT_PERMISSIONS}. */
  botPermissions?: bigint;
  /** The guild's preferred locale, sent as `guild_locale`; default `en-US`. */
  guildLocale?: Locale;
}

interface GuildChannel {
  id: string;
  name: string;
  position: number;
  overwrites: APIOverwrite[];
  lastMessageId: string | null;
}

/** A guild with a writable channel and a channel where the bot may read but not send. */
export class DiscordGuild {
  readonly nextId = createSnowflakes();
  readonly applicationId = this.nextId();
  readonly botUserId = this.applicationId;
  readonly guildId = this.nextId();
  readonly ownerId = this.nextId();
  readonly defaultUserId = this.nextId();
  readonly botRoleId = this.nextId();
  readonly channelId = this.nextId();
  readonly readOnlyChannelId = this.nextId();
  readonly joinedAt = new Date().toISOString();
  /** What a verified-free bot without privileged intents shows: limited intents, command badge. */
  readonly applicationFlags =
    ApplicationFlags.GatewayMessageContentLimited |
    ApplicationFlags.GatewayGuildMembersLimited |
    ApplicationFlags.ApplicationCommandBadge;
  readonly guildLocale: Locale;
  readonly everyonePermissions: bigint;
  readonly botPermissions: bigint;
  readonly #users = new Map<string, APIUser>();
  readonly #channels = new Map<string, GuildChannel>();

  constructor(options: DiscordGuildOptions = {}) {
    this.guildLocale = options.guildLocale ?? Locale.EnglishUS;
    this.everyonePermissions = options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS;
    this.botPermissions = options.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
    this.#users.set(this.botUserId, {
      id: this.botUserId,
      username: 'transcript-test-bot',
      discriminator: '0000',
      global_name: null,
      avatar: null,
      bot: true,
      flags: NO_FLAGS,
      verified: true,
      mfa_enabled: false,
    });
    this.#addUser(this.ownerId, 'guild-owner');
    this.#addUser(this.defaultUserId, 'tester');
    this.#channels.set(this.channelId, { id: this.channelId, name: 'general', position: 0, overwrites: [], lastMessageId: null });
    this.#channels.set(this.readOnlyChannelId, {
      id: this.readOnlyChannelId,
      name: 'announcements',
      position: 1,
      overwrites: [
        {
          id: this.botUserId,
          type: OverwriteType.Member,
          allow: '0',
          deny: String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads),
        },
      ],
      lastMessageId: null,
    });
  }

  /** A fresh token in the shape of a real bot token: base64 user id, timestamp part, HMAC part. */
  makeToken(): string {
    const part = (bytes: number): string => randomBytes(bytes).toString('base64url');
    return `${Buffer.from(this.botUserId).toString('base64url')}.${part(4)}.${part(27)}`;
  }

  get botUser(): APIUser {
    return this.user(this.botUserId);
  }

  /** The user with `id`, created on first use so a test can invent invokers freely. */
  user(id: string): APIUser {
    return this.#users.get(id) ?? this.#addUser(id, `user-${id.slice(-6)}`);
  }

  hasUser(id: string): boolean {
    return this.#users.has(id);
  }

  hasChannel(id: string): boolean {
    return this.#channels.has(id);
  }

  noteMessage(channelId: string, messageId: string): void {
    const channel = this.#channels.get(channelId);
    if (channel !== undefined) channel.lastMessageId = messageId;
  }

  /** Discord's algorithm: roles, then @everyone, role and member overwrites, then implicit denials. */
  permissionsIn(channelId: string, userId: string): bigint {
    if (userId === this.ownerId) return ALL_PERMISSIONS;
    const roleIds = userId === this.botUserId ? [this.botRoleId] : [];
    let permissions = this.everyonePermissions | (userId === this.botUserId ? this.botPermissions : 0n);
    if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
    const overwrites = this.#channels.get(channelId)?.overwrites ?? [];
    const apply = (overwrite: APIOverwrite | undefined): void => {
      if (overwrite === undefined) return;
      permissions &= ~BigInt(overwrite.deny);
      permissions |= BigInt(overwrite.allow);
    };
    apply(overwrites.find((overwrite) => overwrite.id === this.guildId));
    let roleAllow = 0n;
    let roleDeny = 0n;
    for (const overwrite of overwrites) {
      if (overwrite.type === OverwriteType.Role && roleIds.includes(overwrite.id)) {
        roleAllow |= BigInt(overwrite.allow);
        roleDeny |= BigInt(overwrite.deny);
      }
    }
    permissions = (permissions & ~roleDeny) | roleAllow;
    apply(overwrites.find((overwrite) => overwrite.type === OverwriteType.Member && overwrite.id === userId));
    if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
    if ((permissions & PermissionFlagsBits.SendMessages) === 0n) permissions &= ~NEEDS_SEND_MESSAGES;
    return permissions;
  }

  member(userId: string): APIGuildMember {
    return {
      user: this.user(userId),
      nick: null,
      avatar: null,
      roles: userId === this.botUserId ? [this.botRoleId] : [],
      joined_at: this.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: NO_FLAGS,
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** The member object an interaction carries: the member plus their permissions in the channel. */
  interactionMember(userId: string, permissions: bigint): APIInteractionGuildMember {
    return { ...this.member(userId), user: this.user(userId), permissions: String(permissions) };
  }

  channel(id: string): APITextChannel | undefined {
    const channel = this.#channels.get(id);
    if (channel === undefined) return undefined;
    return {
      id: channel.id,
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: channel.name,
      position: channel.position,
      permission_overwrites: channel.overwrites,
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: 0,
      flags: NO_FLAGS,
    };
  }

  channels(): APITextChannel[] {
    return [...this.#channels.keys()].flatMap((id) => {
      const channel = this.channel(id);
      return channel === undefined ? [] : [channel];
    });
  }

  roles(): APIRole[] {
    const role = (id: string, name: string, permissions: bigint, position: number, managed: boolean): APIRole => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: String(permissions),
      managed,
      mentionable: false,
      flags: NO_FLAGS,
      ...(managed ? { tags: { bot_id: this.botUserId } } : {}),
    });
    return [
      role(this.guildId, '@everyone', this.everyonePermissions, 0, false),
      role(this.botRoleId, this.botUser.username, this.botPermissions, 1, true),
    ];
  }

  guild(): APIGuild {
    return {
      id: this.guildId,
      name: 'Transcript Study (test)',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: this.roles(),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: NO_FLAGS,
      rules_channel_id: null,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: this.guildLocale,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** GUILD_CREATE, with the bot among the members so `guild.members.me` works from the cache. */
  guildCreate(): GatewayGuildCreateDispatchData {
    return {
      ...this.guild(),
      joined_at: this.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.#users.size,
      voice_states: [],
      members: [this.member(this.botUserId)],
      channels: this.channels(),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  #addUser(id: string, username: string): APIUser {
    const user: APIUser = { id, username, discriminator: '0', global_name: username, avatar: null, public_flags: NO_FLAGS };
    this.#users.set(id, user);
    return user;
  }
}
