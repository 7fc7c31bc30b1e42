/**
 * Every message the bot made visible (channel posts, interaction replies, follow-ups), with
 * channel history and the fields Discord derives on the way: mentions as filtered by
 * `allowed_mentions`, the Loading flag of a deferred reply, attachments from uploads.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { APIAllowedMentions, APIAttachment, APIMessage, APIMessageInteractionMetadata, MessageType } from 'discord.js';
import { DiscordApiError } from './discord-api-error.ts';
import type { DiscordGuild } from './discord-guild.ts';
import type { ReplyMessage } from './interaction-record.ts';
import type { MessagePayload } from './message-payload.ts';

export interface StoredMessage {
  message: APIMessage;
  allowedMentions: APIAllowedMentions | undefined;
  ephemeral: boolean;
}

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface NewMessage {
  channelId: string;
  payload: MessagePayload;
  files: readonly UploadedFile[];
  type: MessageType;
  flags: number;
  /** For interaction responses: Discord marks them as sent by the application's webhook. */
  interaction?: APIMessageInteractionMetadata;
}

/** Discord's message objects carry no `allowed_mentions`; this keeps the wire format exact. */
export function wireMessage(message: APIMessage | ReplyMessage): APIMessage {
  if (!('allowed_mentions' in message)) return message;
  const { allowed_mentions: _notOnTheWire, ...rest } = message;
  return rest;
}

function assertNotEmpty(message: APIMessage): void {
  const empty =
    message.content.length === 0 &&
    message.embeds.length === 0 &&
    (message.components?.length ?? 0) === 0 &&
    message.attachments.length === 0;
  if (empty) throw new DiscordApiError('emptyMessage');
}

export class MessageStore {
  readonly #guild: DiscordGuild;
  readonly #attachmentBaseUrl: string;
  readonly #messages = new Map<string, StoredMessage>();
  readonly #history = new Map<string, string[]>();

  /** @example new MessageStore(guild, 'http://127.0.0.1:1234/attachments') */
  constructor(guild: DiscordGuild, attachmentBaseUrl: string) {
    this.#guild = guild;
    this.#attachmentBaseUrl = attachmentBaseUrl;
  }

  get(id: string): StoredMessage | undefined {
    return this.#messages.get(id);
  }

  /** A copy a test may keep: later edits do not change it. */
  snapshot(id: string): ReplyMessage | undefined {
    const stored = this.#messages.get(id);
    if (stored === undefined) return undefined;
    const snapshot: ReplyMessage = structuredClone(stored.message);
    if (stored.allowedMentions !== undefined) snapshot.allowed_mentions = structuredClone(stored.allowedMentions);
    return snapshot;
  }

  /** Non-ephemeral messages of a channel, oldest first. */
  channelMessages(channelId: string): ReplyMessage[] {
    return (this.#history.get(channelId) ?? []).flatMap((id) => {
      const snapshot = this.snapshot(id);
      return snapshot === undefined ? [] : [snapshot];
    });
  }

  /** Keeps a message the test made up (e.g. to click a button on), as if Discord had it. */
  adopt(message: APIMessage): StoredMessage {
    return this.#store(structuredClone(message), undefined, ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0);
  }

  /** Creates a message; refuses an empty one with 50006 unless it is a deferred reply's placeholder. */
  create(input: NewMessage): StoredMessage {
    const guild = this.#guild;
    const message: APIMessage = {
      id: guild.nextId(),
      channel_id: input.channelId,
      author: guild.botUser,
      content: input.payload.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.#attachments(input.files, []),
      embeds: input.payload.embeds ?? [],
      components: input.payload.components ?? [],
      pinned: false,
      type: input.type,
      flags: input.flags,
    };
    if (input.interaction !== undefined) {
      message.webhook_id = guild.applicationId;
      message.application_id = guild.applicationId;
      message.interaction_metadata = input.interaction;
    }
    if ((input.flags & MessageFlags.Loading) === 0) assertNotEmpty(message);
    this.#applyMentions(message, input.payload.allowed_mentions);
    return this.#store(message, input.payload.allowed_mentions, (input.flags & MessageFlags.Ephemeral) !== 0);
  }

  /** Applies the fields present in `payload`; an edit also ends a deferred reply's Loading state. */
  edit(stored: StoredMessage, payload: MessagePayload, files: readonly UploadedFile[]): void {
    const message = structuredClone(stored.message);
    if (payload.content !== undefined) message.content = payload.content;
    if (payload.embeds !== undefined) message.embeds = payload.embeds;
    if (payload.components !== undefined) message.components = payload.components;
    if (payload.keptAttachmentIds !== undefined || files.length > 0) {
      const kept = message.attachments.filter((attachment) => payload.keptAttachmentIds?.includes(attachment.id) ?? true);
      message.attachments = this.#attachments(files, kept);
    }
    // Only SUPPRESS_EMBEDS may change on an edit; ephemerality is fixed at creation.
    const previousFlags = message.flags ?? 0;
    const suppress = (payload.flags ?? previousFlags) & MessageFlags.SuppressEmbeds;
    message.flags = (previousFlags & ~MessageFlags.SuppressEmbeds & ~MessageFlags.Loading) | suppress;
    message.edited_timestamp = new Date().toISOString();
    assertNotEmpty(message);
    const allowedMentions = payload.allowed_mentions ?? stored.allowedMentions;
    this.#applyMentions(message, allowedMentions);
    stored.message = message;
    stored.allowedMentions = allowedMentions;
  }

  delete(id: string): void {
    const stored = this.#messages.get(id);
    if (stored === undefined) return;
    this.#messages.delete(id);
    const channelId = stored.message.channel_id;
    const history = this.#history.get(channelId);
    if (history !== undefined) this.#history.set(channelId, history.filter((item) => item !== id));
  }

  #store(message: APIMessage, allowedMentions: APIAllowedMentions | undefined, ephemeral: boolean): StoredMessage {
    const stored: StoredMessage = { message, allowedMentions, ephemeral };
    this.#messages.set(message.id, stored);
    if (!ephemeral) {
      const history = this.#history.get(message.channel_id) ?? [];
      history.push(message.id);
      this.#history.set(message.channel_id, history);
      this.#guild.noteMessage(message.channel_id, message.id);
    }
    return stored;
  }

  #attachments(files: readonly UploadedFile[], kept: APIAttachment[]): APIAttachment[] {
    return [
      ...kept,
      ...files.map((file): APIAttachment => {
        const id = this.#guild.nextId();
        const url = `${this.#attachmentBaseUrl}/${id}/${encodeURIComponent(file.name)}`;
        return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
      }),
    ];
  }

  /** Fills `mentions`, `mention_roles` and `mention_everyone` with only what `allowed_mentions` lets ping. */
  #applyMentions(message: APIMessage, allowed: APIAllowedMentions | undefined): void {
    const guild = this.#guild;
    const mayPing = (type: 'users' | 'roles' | 'everyone', id?: string): boolean => {
      if (allowed === undefined) return true;
      if (allowed.parse?.some((item) => item === type) === true) return true;
      if (type === 'users' && id !== undefined) return allowed.users?.includes(id) ?? false;
      if (type === 'roles' && id !== undefined) return allowed.roles?.includes(id) ?? false;
      return false;
    };
    const idsIn = (pattern: RegExp): string[] => [
      ...new Set([...message.content.matchAll(pattern)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]))),
    ];
    message.mentions = idsIn(/<@!?(\d{17,20})>/g)
      .filter((id) => guild.hasUser(id) && mayPing('users', id))
      .map((id) => guild.user(id));
    const roleIds = new Set(guild.roles().map((role) => role.id));
    message.mention_roles = idsIn(/<@&(\d{17,20})>/g).filter((id) => roleIds.has(id) && mayPing('roles', id));
    const canMentionEveryone =
      (guild.permissionsIn(message.channel_id, guild.botUserId) & PermissionFlagsBits.MentionEveryone) !== 0n;
    message.mention_everyone = /@(everyone|here)\b/.test(message.content) && mayPing('everyone') && canMentionEveryone;
  }
}
