/**
 * A Discord-protocol server for end-to-end tests: REST under `/api/v10` and the gateway at `/gateway`,
 * on 127.0.0.1 with an OS-assigned port. The real, unmodified discord.js `Client` logs in to it
 * (`rest: { api: server.apiUrl }`), in the test process or in a child process given `apiUrl`.
 *
 * It keeps Discord's rules where bots get them wrong: the 3 s acknowledgement deadline (10062),
 * one acknowledgement per interaction (40060), message and command limits (50035), channel
 * permissions (50013), 204 without a body unless `?with_response=true`, webhook routes without
 * `Authorization`. Faults (429, 5xx, delays, gateway drops) are armed per test.
 * See docs/discord-loopback.md for the protocol facts this follows.
 *
 * Usage notes:
 * - A bot in a child process: pass `DISCORD_API_URL=server.apiUrl` and the token in its env, then
 *   `await server.waitForSession()` before dispatching; the server lives in the test process.
 * - Destroy the client before `close()`: a client whose server vanished keeps reconnecting.
 * - Load tests: discord.js holds itself to 50 requests/s unless `rest.globalRequestsPerSecond` is raised,
 *   and Discord's 3 s deadline still applies to every interaction.
 * - Not modelled: DMs, modals, select-menu clicks, threads, Components V2, per-route bucket limits on
 *   success answers (a 429 only comes from `rateLimitNext`), zlib-stream compression (discord.js reads
 *   the plain JSON frames sent instead).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplication,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandGuildInteraction,
  APIInteraction,
  APIMessage,
  APIMessageComponentGuildInteraction,
  APIMessageInteractionMetadata,
  APITextChannel,
} from 'discord.js';
import { autocompleteOptions, commandOptions } from './command-options.ts';
import type { OptionValue } from './command-options.ts';
import { CommandRegistry, readChoice } from './command-registry.ts';
import type { RegisteredChoice, RegisteredCommand } from './command-registry.ts';
import { DiscordApiError, FormErrors } from './discord-api-error.ts';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, DiscordGateway } from './discord-gateway.ts';
import type { GatewayRecovery, GatewayStats } from './discord-gateway.ts';
import { DiscordGuild } from './discord-guild.ts';
import type { DiscordGuildOptions } from './discord-guild.ts';
import { FaultPlan } from './fault-plan.ts';
import type { DelayFault, FailureFault, RateLimitFault } from './fault-plan.ts';
import { DEFAULT_WAIT_MS, InteractionRecord } from './interaction-record.ts';
import type { InteractionState, ReplyMessage } from './interaction-record.ts';
import { isRecord, parseMessagePayload } from './message-payload.ts';
import { MessageStore, wireMessage } from './message-store.ts';
import type { StoredMessage, UploadedFile } from './message-store.ts';
import { Notifier } from './notifier.ts';
import { requestBody } from './request-body.ts';

export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './discord-guild.ts';
export { InteractionRecord } from './interaction-record.ts';
export type { OptionValue } from './command-options.ts';
export type { RegisteredChoice, RegisteredCommand, RegisteredOption } from './command-registry.ts';
export type { GatewayRecovery, GatewayStats } from './discord-gateway.ts';
export type { DelayFault, FailureFault, RateLimitFault } from './fault-plan.ts';
export type { CallbackRecord, EditRecord, FollowUpRecord, ReplyMessage } from './interaction-record.ts';

/** Discord's deadline for the first callback of an interaction. */
export const INTERACTION_ACK_DEADLINE_MS = 3_000;
/** Interaction tokens (edits, follow-ups) stay valid this long. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;
/** Discord's upload limit for a server without boosts, sent as `attachment_size_limit`. */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1_024 * 1_024;
export const DEFAULT_MAX_LOGGED_REQUESTS = 10_000;

export interface DiscordServerOptions extends DiscordGuildOptions {
  /** The bot token to accept; a realistic random one by default (read it from `server.token`). */
  token?: string;
  /** Deadline for the first callback; default {@link INTERACTION_ACK_DEADLINE_MS}. */
  interactionDeadlineMs?: number;
  /** HELLO's `heartbeat_interval`; default Discord's 41 250 ms. */
  heartbeatIntervalMs?: number;
  /** Privileged intents the application may use (GuildMembers, GuildPresences, MessageContent); default none. */
  privilegedIntents?: number;
  /** Locale of the invoking user when a test gives none; default `en-US`. */
  locale?: `${Locale}`;
  /** The request log keeps this many newest entries; default {@link DEFAULT_MAX_LOGGED_REQUESTS}. */
  maxLoggedRequests?: number;
}

/** One HTTP request as received, and the status answered. */
export interface RequestRecord {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The path as sent, e.g. `/api/v10/webhooks/1/tok/messages/%40original`. */
  rawPath: string;
  query: Record<string, string>;
  /** Parsed JSON body; for multipart, `payload_json` parsed. */
  body: unknown;
  /** Names of uploaded files, for multipart requests. */
  files: string[];
  authorization: string | undefined;
  /** `Date.now()` on arrival. */
  at: number;
  /** 0 until answered. */
  status: number;
  /** The route template matched, e.g. `/channels/:channel/messages`; undefined for unknown routes. */
  route?: string;
  /** Set when a fault answered or delayed the request. */
  fault?: 'rate-limit' | 'fail' | 'delay';
  /** Set when the test server itself failed (a bug here, answered 500). */
  error?: string;
}

/** Who invokes an interaction, and where. */
export interface InvocationContext {
  /** Default: `server.userId`. Unknown ids become new guild members. */
  userId?: string;
  /** Default: `server.channelId`. */
  channelId?: string;
  /** The user's client locale; default the server's `locale` option. */
  locale?: `${Locale}`;
  /** The member's permissions in the channel; default those @everyone gets there. */
  memberPermissions?: bigint;
  /** Fields of the interaction payload to leave out, as a server that does not send them would. */
  omit?: readonly string[];
}

export interface CommandInvocation extends InvocationContext {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /**
   * Option values by name; types come from the registered command when there is one, else from the
   * value (string → STRING, integer → INTEGER, other number → NUMBER, boolean → BOOLEAN).
   * A raw API option list is sent as given.
   */
  options?: Readonly<Record<string, OptionValue>> | RawCommandOptions;
}

export type RawCommandOptions = readonly APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[];

export interface AutocompleteInvocation extends InvocationContext {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** What the user has typed so far, by option name. */
  options: Readonly<Record<string, OptionValue>>;
  /** The option being typed in; must be a key of `options`. */
  focused: string;
}

export interface ButtonClick extends Omit<InvocationContext, 'channelId'> {
  customId: string;
  /** The message the button is on, e.g. `record.message` or one of `channelMessages()`. */
  message: APIMessage;
}

/** A running test server. Everything is on 127.0.0.1; `close()` ends it. */
export interface DiscordServer {
  /** REST base for discord.js: `new Client({ rest: { api: server.apiUrl } })`, or `DISCORD_API_URL`. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, as answered by `GET /gateway/bot`. */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  /** Same as the application id, as for any bot created in the developer portal. */
  readonly botUserId: string;
  readonly guildId: string;
  /** A text channel where the bot may view, send and embed. */
  readonly channelId: string;
  /** A text channel where the bot may view but not send messages (a member overwrite denies it). */
  readonly readOnlyChannelId: string;
  /** The default invoking user. */
  readonly userId: string;
  /** Every request received, oldest first (bounded by `maxLoggedRequests`). */
  readonly requests: readonly RequestRecord[];
  /** Requests to routes this server does not know (answered 404 `{ code: 0 }`). */
  unknownRequests(): RequestRecord[];

  /**
   * Dispatches a slash command (INTERACTION_CREATE type 2). If the client is disconnected the
   * dispatch waits in the session and is delivered on RESUME. Throws if no client has identified.
   *
   * @example const reply = await server.sendCommand({ name: 'ask', options: { question: '…' } }).waitForReply();
   */
  sendCommand(invocation: CommandInvocation): InteractionRecord;
  /**
   * Dispatches an autocomplete request (type 4).
   *
   * @example await server.sendAutocomplete({ name: 'source', options: { title: '大' }, focused: 'title' }).waitForChoices();
   */
  sendAutocomplete(invocation: AutocompleteInvocation): InteractionRecord;
  /**
   * Dispatches a button click (type 3) on `message`, as currently stored; throws if the button is
   * absent or disabled, since no user could click it.
   *
   * @example server.sendButton({ customId: 'page:2', message: await record.waitForReply() })
   */
  sendButton(click: ButtonClick): InteractionRecord;
  /** Every interaction dispatched, oldest first. */
  interactions(): readonly InteractionRecord[];

  /** Registered commands of a guild, or the global ones without `guildId`. */
  commands(options?: { guildId?: string }): readonly RegisteredCommand[];
  /** Non-ephemeral messages visible in a channel, oldest first (interaction replies included). */
  channelMessages(channelId: string): ReplyMessage[];
  /** A stored message by id, ephemeral ones included. */
  message(id: string): ReplyMessage | undefined;

  /**
   * The next matching request(s) get 429 with `Retry-After` and matching `X-RateLimit-*` headers.
   *
   * @example server.rateLimitNext({ method: 'PATCH', pathPattern: '@original', retryAfterSeconds: 0.3 })
   */
  rateLimitNext(fault: RateLimitFault): void;
  /**
   * The next matching request(s) get `status` with a Discord-style body.
   *
   * @example server.failNext({ pathPattern: '/channels/', status: 502, times: 4 })
   */
  failNext(fault: FailureFault): void;
  /**
   * The next matching request(s) are handled only after `delayMs`.
   *
   * @example server.delayNext({ pathPattern: '/callback', delayMs: 3_500 })
   */
  delayNext(fault: DelayFault): void;
  /** Armed faults not used up yet. */
  readonly pendingFaults: number;

  /**
   * Cuts the gateway connection: with `code` a close frame (4000 → discord.js resumes), without an
   * abrupt reset (1006 → resumes too). `invalidateSession` makes the RESUME fail with op 9.
   */
  dropGateway(options?: { code?: number; invalidateSession?: boolean }): void;
  /** Sends op 7 Reconnect; discord.js closes with 4200 and resumes. */
  sendReconnect(): void;
  /** Resolves when the client is back after the latest drop / op 7: `'resumed'` or `'identified'`. */
  waitForGatewayRecovery(options?: { timeoutMs?: number }): Promise<GatewayRecovery>;
  /** Resolves when a client has identified (READY sent) and is connected; handy for a bot in a child process. */
  waitForSession(options?: { timeoutMs?: number }): Promise<void>;
  readonly gatewayStats: GatewayStats;

  /** Terminates sockets and stops listening; pending waits reject. */
  close(): Promise<void>;
}

interface ParsedRequest {
  method: string;
  body: unknown;
  files: UploadedFile[];
  query: URLSearchParams;
}

interface RestResult {
  status: number;
  body?: unknown;
}

type Handler = (params: RouteParams, request: ParsedRequest) => RestResult;

interface Route {
  template: string;
  segments: string[];
  /** Webhook and interaction routes are authorised by their token, not a bot token. */
  auth: boolean;
  methods: Partial<Record<string, Handler>>;
}

interface RouteMatch {
  route: Route;
  params: RouteParams;
}

/** How a request the bot made about an interaction ended, for its record. */
interface Outcome {
  elapsedMs: number;
  status: number;
  errorCode?: number;
}

class RouteParams {
  readonly #values: ReadonlyMap<string, string>;

  constructor(values: ReadonlyMap<string, string>) {
    this.#values = values;
  }

  get(name: string): string {
    const value = this.#values.get(name);
    if (value === undefined) throw new Error(`Route parameter ${name} missing`);
    return value;
  }
}

/**
 * Starts the server on 127.0.0.1 with an OS-assigned port.
 *
 * @example
 * const server = await startDiscordServer();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiUrl } });
 * await client.login(server.token);
 */
export async function startDiscordServer(options: DiscordServerOptions = {}): Promise<DiscordServer> {
  const http = createServer();
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address');
  return new LoopbackDiscord(http, `127.0.0.1:${address.port}`, options);
}

class LoopbackDiscord implements DiscordServer {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly readOnlyChannelId: string;
  readonly userId: string;

  readonly #http: Server;
  readonly #guild: DiscordGuild;
  readonly #gateway: DiscordGateway;
  readonly #registry: CommandRegistry;
  readonly #messages: MessageStore;
  readonly #faults = new FaultPlan();
  readonly #notifier = new Notifier();
  readonly #requests: RequestRecord[] = [];
  readonly #maxLoggedRequests: number;
  readonly #deadlineMs: number;
  readonly #locale: Locale;
  readonly #routes: Route[];
  readonly #records: InteractionRecord[] = [];
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();
  /** Unregistered commands keep one id per name, as registered ones do. */
  readonly #unregisteredIds = new Map<string, string>();
  readonly #pendingDelays = new Set<() => void>();
  #closed = false;

  constructor(http: Server, origin: string, options: DiscordServerOptions) {
    this.#http = http;
    const guild = new DiscordGuild(options);
    this.#guild = guild;
    this.apiUrl = `http://${origin}/api`;
    this.gatewayUrl = `ws://${origin}/gateway`;
    this.token = options.token ?? guild.makeToken();
    this.applicationId = guild.applicationId;
    this.botUserId = guild.botUserId;
    this.guildId = guild.guildId;
    this.channelId = guild.channelId;
    this.readOnlyChannelId = guild.readOnlyChannelId;
    this.userId = guild.defaultUserId;
    this.#maxLoggedRequests = options.maxLoggedRequests ?? DEFAULT_MAX_LOGGED_REQUESTS;
    this.#deadlineMs = options.interactionDeadlineMs ?? INTERACTION_ACK_DEADLINE_MS;
    this.#locale = toLocale(options.locale ?? Locale.EnglishUS);
    this.#registry = new CommandRegistry(guild.applicationId, guild.nextId);
    this.#messages = new MessageStore(guild, `http://${origin}/attachments`);
    this.#gateway = new DiscordGateway({
      guild,
      token: this.token,
      url: this.gatewayUrl,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      privilegedIntents: options.privilegedIntents ?? 0,
      notifier: this.#notifier,
      onDispatchSent: (event, data) => {
        if (event !== GatewayDispatchEvents.InteractionCreate || !isRecord(data) || typeof data['id'] !== 'string') return;
        const state = this.#byId.get(data['id']);
        if (state !== undefined) state.deliveries += 1;
      },
    });
    this.#routes = this.#buildRoutes();
    http.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void this.#handle(request, response);
    });
    http.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
      const url = new URL(request.url ?? '/', `http://${origin}`);
      if (this.#closed || (url.pathname !== '/gateway' && url.pathname !== '/gateway/')) {
        socket.destroy();
        return;
      }
      this.#gateway.handleUpgrade(request, socket, head, url.searchParams);
    });
  }

  get requests(): readonly RequestRecord[] {
    return this.#requests;
  }

  get pendingFaults(): number {
    return this.#faults.pending;
  }

  get gatewayStats(): GatewayStats {
    return this.#gateway.stats;
  }

  unknownRequests(): RequestRecord[] {
    return this.#requests.filter((request) => request.route === undefined);
  }

  interactions(): readonly InteractionRecord[] {
    return this.#records;
  }

  commands(options: { guildId?: string } = {}): readonly RegisteredCommand[] {
    return this.#registry.list(options.guildId);
  }

  channelMessages(channelId: string): ReplyMessage[] {
    return this.#messages.channelMessages(channelId);
  }

  message(id: string): ReplyMessage | undefined {
    return this.#messages.snapshot(id);
  }

  rateLimitNext(fault: RateLimitFault): void {
    this.#faults.rateLimit(fault);
  }

  failNext(fault: FailureFault): void {
    this.#faults.fail(fault);
  }

  delayNext(fault: DelayFault): void {
    this.#faults.delay(fault);
  }

  dropGateway(options: { code?: number; invalidateSession?: boolean } = {}): void {
    this.#gateway.drop(options);
  }

  sendReconnect(): void {
    this.#gateway.requestReconnect();
  }

  waitForGatewayRecovery(options: { timeoutMs?: number } = {}): Promise<GatewayRecovery> {
    return this.#gateway.waitForRecovery(options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  async waitForSession(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.#gateway.waitForSession(options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#notifier.close(new Error('The Discord test server was closed.'));
    for (const release of this.#pendingDelays) release();
    this.#gateway.close();
    const closed = new Promise<void>((resolve) => this.#http.close(() => resolve()));
    this.#http.closeAllConnections();
    await closed;
  }

  // ── Interactions ────────────────────────────────────────────────────────────

  sendCommand(invocation: CommandInvocation): InteractionRecord {
    const registered = this.#registry.find(invocation.name, this.guildId);
    const options = isRawOptionList(invocation.options)
      ? [...invocation.options]
      : commandOptions(invocation, registered, invocation.options ?? {});
    const payload: APIChatInputApplicationCommandGuildInteraction = {
      ...this.#interactionBase(invocation),
      type: InteractionType.ApplicationCommand,
      data: {
        id: registered?.id ?? this.#commandId(invocation.name),
        name: invocation.name,
        type: ApplicationCommandType.ChatInput,
        ...(options.length > 0 ? { options } : {}),
        ...(registered?.guild_id === undefined ? {} : { guild_id: registered.guild_id }),
      },
    };
    const sent: Record<string, unknown> = { ...payload };
    for (const key of invocation.omit ?? []) delete sent[key];
    return this.#dispatchInteraction(sent as unknown as APIChatInputApplicationCommandGuildInteraction);
  }

  sendAutocomplete(invocation: AutocompleteInvocation): InteractionRecord {
    const registered = this.#registry.find(invocation.name, this.guildId);
    const payload: APIApplicationCommandAutocompleteGuildInteraction = {
      ...this.#interactionBase(invocation),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: registered?.id ?? this.#commandId(invocation.name),
        name: invocation.name,
        type: ApplicationCommandType.ChatInput,
        options: autocompleteOptions(invocation, registered, invocation.options, invocation.focused),
        ...(registered?.guild_id === undefined ? {} : { guild_id: registered.guild_id }),
      },
    };
    const sent: Record<string, unknown> = { ...payload };
    for (const key of invocation.omit ?? []) delete sent[key];
    return this.#dispatchInteraction(sent as unknown as APIChatInputApplicationCommandGuildInteraction);
  }

  sendButton(click: ButtonClick): InteractionRecord {
    // Users click what Discord shows now, so the stored message wins over the test's copy.
    const message = this.#messages.snapshot(click.message.id) ?? click.message;
    const button = message.components
      ?.flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []))
      .find(
        (component) =>
          component.type === ComponentType.Button && 'custom_id' in component && component.custom_id === click.customId,
      );
    if (button === undefined) {
      throw new Error(`sendButton: message ${message.id} has no button with custom_id "${click.customId}".`);
    }
    if (button.type === ComponentType.Button && button.style !== ButtonStyle.Link && button.disabled === true) {
      throw new Error(`sendButton: button "${click.customId}" is disabled; a user cannot click it.`);
    }
    if (this.#messages.get(message.id) === undefined) this.#messages.adopt(message);
    const payload: APIMessageComponentGuildInteraction = {
      ...this.#interactionBase({ ...click, channelId: message.channel_id }),
      type: InteractionType.MessageComponent,
      message: wireMessage(message),
      data: { custom_id: click.customId, component_type: ComponentType.Button },
    };
    return this.#dispatchInteraction(payload);
  }

  #commandId(name: string): string {
    const known = this.#unregisteredIds.get(name);
    if (known !== undefined) return known;
    const id = this.#guild.nextId();
    this.#unregisteredIds.set(name, id);
    return id;
  }

  #interactionBase(context: InvocationContext): Omit<APIChatInputApplicationCommandGuildInteraction, 'type' | 'data'> {
    const guild = this.#guild;
    const channelId = context.channelId ?? guild.channelId;
    const channel = guild.channel(channelId);
    if (channel === undefined) throw new Error(`Unknown channel ${channelId}: use server.channelId or server.readOnlyChannelId.`);
    const userId = context.userId ?? guild.defaultUserId;
    const memberPermissions = context.memberPermissions ?? guild.permissionsIn(channelId, userId);
    // Discord adds the invoker's permissions to the channel object; the API types leave them out.
    const channelWithPermissions = { ...channel, permissions: String(memberPermissions) };
    return {
      id: guild.nextId(),
      application_id: guild.applicationId,
      token: `aW50ZXJhY3Rpb246${guild.makeToken().replaceAll('.', '')}`,
      version: 1,
      guild_id: guild.guildId,
      guild: { id: guild.guildId, features: [], locale: guild.guildLocale },
      channel_id: channelId,
      channel: channelWithPermissions,
      member: guild.interactionMember(userId, memberPermissions),
      app_permissions: String(guild.permissionsIn(channelId, guild.botUserId)),
      locale: context.locale === undefined ? this.#locale : toLocale(context.locale),
      guild_locale: guild.guildLocale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
  }

  #dispatchInteraction(payload: APIInteraction): InteractionRecord {
    this.#gateway.assertSession();
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      createdAt: performance.now(),
      deadlineMs: this.#deadlineMs,
      callbacks: [],
      edits: [],
      followUps: [],
      acknowledgedWith: undefined,
      originalMessageId: undefined,
      answered: false,
      choices: undefined,
      deliveries: 0,
    };
    const record = new InteractionRecord({ state, notifier: this.#notifier, readMessage: (id) => this.#messages.snapshot(id) });
    this.#byId.set(state.id, state);
    this.#byToken.set(state.token, state);
    this.#records.push(record);
    this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return record;
  }

  #interactionMetadata(state: InteractionState): APIMessageInteractionMetadata {
    const guild = this.#guild;
    const user = state.payload.member?.user ?? state.payload.user ?? guild.user(guild.defaultUserId);
    const owners = { [ApplicationIntegrationType.GuildInstall]: guild.guildId };
    if (state.payload.type === InteractionType.MessageComponent) {
      return {
        id: state.id,
        type: InteractionType.MessageComponent,
        user,
        authorizing_integration_owners: owners,
        interacted_message_id: state.payload.message.id,
      };
    }
    return { id: state.id, type: InteractionType.ApplicationCommand, user, authorizing_integration_owners: owners };
  }

  // ── HTTP ────────────────────────────────────────────────────────────────────

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const prefix = '/api/v10/';
    const routePath = url.pathname.startsWith(prefix) ? decodePath(url.pathname.slice(prefix.length - 1)) : undefined;
    const record: RequestRecord = {
      method,
      path: routePath ?? url.pathname,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      authorization: request.headers.authorization,
      at: Date.now(),
      status: 0,
    };
    this.#requests.push(record);
    if (this.#requests.length > this.#maxLoggedRequests) this.#requests.shift();

    let result: RestResult;
    let headers: Record<string, string> = {};
    const match = routePath === undefined ? undefined : this.#match(routePath);
    if (match !== undefined) record.route = match.route.template;
    try {
      const { body, files } = await requestBody(request);
      record.body = body;
      record.files = files.map((file) => file.name);
      const fault = match === undefined ? undefined : this.#faults.take(method, record.path);
      if (fault !== undefined) record.fault = fault.kind;
      if (fault?.kind === 'rate-limit') {
        headers = fault.headers;
        result = { status: fault.status, body: fault.body };
      } else if (fault?.kind === 'fail') {
        result = { status: fault.status, body: fault.body };
      } else {
        if (fault?.kind === 'delay') await this.#sleep(fault.delayMs);
        if (match === undefined) throw new DiscordApiError('notFound');
        result = this.#run(match, { method, body, files, query: url.searchParams }, request.headers.authorization);
      }
    } catch (error) {
      if (error instanceof DiscordApiError) {
        result = { status: error.status, body: error.toBody() };
      } else {
        record.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
        result = { status: 500, body: { code: 0, message: `Discord test server error: ${record.error}` } };
      }
    }
    record.status = result.status;
    if (response.destroyed || this.#closed) return;
    if (result.body === undefined) {
      response.writeHead(result.status, headers);
      response.end();
      return;
    }
    response.writeHead(result.status, { ...headers, 'Content-Type': 'application/json' });
    response.end(JSON.stringify(result.body));
  }

  #match(path: string): RouteMatch | undefined {
    const segments = path.split('/').slice(1);
    for (const route of this.#routes) {
      const params = matchRoute(route, segments);
      if (params !== undefined) return { route, params };
    }
    return undefined;
  }

  #run(match: RouteMatch, request: ParsedRequest, authorization: string | undefined): RestResult {
    const handler = match.route.methods[request.method];
    if (handler === undefined) throw new DiscordApiError('methodNotAllowed');
    if (match.route.auth && authorization !== `Bot ${this.token}`) throw new DiscordApiError('unauthorized');
    return handler(match.params, request);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.#pendingDelays.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.#pendingDelays.add(release);
    });
  }

  #buildRoutes(): Route[] {
    const guild = this.#guild;
    const ok = (body: unknown): RestResult => ({ status: 200, body });
    const noContent: RestResult = { status: 204 };
    const route = (template: string, auth: boolean, methods: Partial<Record<string, Handler>>): Route => ({
      template,
      segments: template.split('/').slice(1),
      auth,
      methods,
    });
    const ownApplication = (params: RouteParams): void => {
      if (params.get('application') !== guild.applicationId) throw new DiscordApiError('missingAccess');
    };
    const ownGuild = (params: RouteParams): string => {
      const guildId = params.get('guild');
      if (guildId !== guild.guildId) throw new DiscordApiError('unknownGuild');
      return guildId;
    };
    const commandRoutes = (prefix: string, scope: (params: RouteParams) => string | undefined): Route[] => [
      route(`${prefix}/commands`, true, {
        GET: (params) => (ownApplication(params), ok(this.#registry.list(scope(params)))),
        PUT: (params, request) => (ownApplication(params), ok(this.#registry.replaceAll(request.body, scope(params)))),
        POST: (params, request) => {
          ownApplication(params);
          const { command, created } = this.#registry.upsert(request.body, scope(params));
          return { status: created ? 201 : 200, body: command };
        },
      }),
      route(`${prefix}/commands/:command`, true, {
        GET: (params) => (ownApplication(params), ok(this.#registry.get(params.get('command'), scope(params)))),
        PATCH: (params, request) => {
          ownApplication(params);
          return ok(this.#registry.edit(params.get('command'), request.body, scope(params)));
        },
        DELETE: (params) => {
          ownApplication(params);
          this.#registry.delete(params.get('command'), scope(params));
          return noContent;
        },
      }),
    ];

    return [
      route('/gateway', false, { GET: () => ok({ url: this.gatewayUrl }) }),
      route('/gateway/bot', true, {
        GET: () =>
          ok({
            url: this.gatewayUrl,
            shards: 1,
            session_start_limit: { total: 1_000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
          }),
      }),
      route('/users/@me', true, { GET: () => ok(guild.botUser) }),
      route('/users/:user', true, {
        GET: (params) => {
          if (!guild.hasUser(params.get('user'))) throw new DiscordApiError('unknownUser');
          return ok(guild.user(params.get('user')));
        },
      }),
      route('/applications/@me', true, { GET: () => ok(this.#application()) }),
      ...commandRoutes('/applications/:application', () => undefined),
      ...commandRoutes('/applications/:application/guilds/:guild', ownGuild),
      route('/guilds/:guild', true, { GET: (params) => (ownGuild(params), ok(guild.guild())) }),
      route('/guilds/:guild/channels', true, { GET: (params) => (ownGuild(params), ok(guild.channels())) }),
      route('/guilds/:guild/roles', true, { GET: (params) => (ownGuild(params), ok(guild.roles())) }),
      route('/guilds/:guild/members/:user', true, {
        GET: (params) => {
          ownGuild(params);
          if (!guild.hasUser(params.get('user'))) throw new DiscordApiError('unknownMember');
          return ok(guild.member(params.get('user')));
        },
      }),
      route('/channels/:channel', true, { GET: (params) => ok(this.#visibleChannel(params.get('channel'))) }),
      route('/channels/:channel/typing', true, { POST: (params) => (this.#visibleChannel(params.get('channel')), noContent) }),
      route('/channels/:channel/messages', true, {
        GET: (params, request) => {
          const channel = this.#visibleChannel(params.get('channel'));
          this.#requirePermission(channel.id, PermissionFlagsBits.ReadMessageHistory, 'missingAccess');
          const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50) || 50));
          return ok(this.#messages.channelMessages(channel.id).reverse().slice(0, limit).map(wireMessage));
        },
        POST: (params, request) => ok(wireMessage(this.#postChannelMessage(params.get('channel'), request))),
      }),
      route('/channels/:channel/messages/:message', true, {
        GET: (params) => {
          const channel = this.#visibleChannel(params.get('channel'));
          this.#requirePermission(channel.id, PermissionFlagsBits.ReadMessageHistory, 'missingAccess');
          return ok(wireMessage(this.#channelMessage(channel.id, params.get('message')).message));
        },
        PATCH: (params, request) => {
          const channel = this.#visibleChannel(params.get('channel'));
          const stored = this.#channelMessage(channel.id, params.get('message'));
          // Interaction replies belong to the application's webhook: only the token routes edit them.
          if (stored.message.author.id !== guild.botUserId || stored.message.webhook_id !== undefined) {
            throw new DiscordApiError('editOthersMessage');
          }
          this.#messages.edit(stored, parseMessagePayload(request.body), request.files);
          return ok(wireMessage(stored.message));
        },
        DELETE: (params) => {
          const channel = this.#visibleChannel(params.get('channel'));
          const stored = this.#channelMessage(channel.id, params.get('message'));
          if (stored.message.author.id !== guild.botUserId) {
            this.#requirePermission(channel.id, PermissionFlagsBits.ManageMessages, 'missingPermissions');
          }
          this.#messages.delete(stored.message.id);
          return noContent;
        },
      }),
      route('/interactions/:interaction/:token/callback', false, {
        POST: (params, request) => this.#callback(params.get('interaction'), params.get('token'), request),
      }),
      route('/webhooks/:application/:token', false, {
        POST: (params, request) => this.#followUp(params.get('application'), params.get('token'), request),
      }),
      route('/webhooks/:application/:token/messages/:message', false, {
        GET: (params) => {
          const state = this.#interactionByToken(params.get('application'), params.get('token'));
          return ok(wireMessage(this.#webhookMessage(state, params.get('message')).message));
        },
        PATCH: (params, request) => this.#editWebhookMessage(params, request),
        DELETE: (params) => {
          const state = this.#interactionByToken(params.get('application'), params.get('token'));
          this.#messages.delete(this.#webhookMessage(state, params.get('message')).message.id);
          return noContent;
        },
      }),
    ];
  }

  #application(): APIApplication {
    const guild = this.#guild;
    return {
      id: guild.applicationId,
      name: guild.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: false,
      bot_require_code_grant: false,
      bot: guild.botUser,
      owner: guild.user(guild.ownerId),
      verify_key: '0'.repeat(64),
      team: null,
      flags: guild.applicationFlags,
      flags_new: String(guild.applicationFlags),
      approximate_guild_count: 1,
    };
  }

  #visibleChannel(channelId: string): APITextChannel {
    const channel = this.#guild.channel(channelId);
    if (channel === undefined) throw new DiscordApiError('unknownChannel');
    this.#requirePermission(channelId, PermissionFlagsBits.ViewChannel, 'missingAccess');
    return channel;
  }

  #requirePermission(channelId: string, permission: bigint, refusal: 'missingAccess' | 'missingPermissions'): void {
    if ((this.#guild.permissionsIn(channelId, this.#guild.botUserId) & permission) === 0n) throw new DiscordApiError(refusal);
  }

  #channelMessage(channelId: string, messageId: string): StoredMessage {
    const stored = this.#messages.get(messageId);
    if (stored === undefined || stored.ephemeral || stored.message.channel_id !== channelId) {
      throw new DiscordApiError('unknownMessage');
    }
    return stored;
  }

  #postChannelMessage(channelId: string, request: ParsedRequest): APIMessage {
    const channel = this.#visibleChannel(channelId);
    this.#requirePermission(channel.id, PermissionFlagsBits.SendMessages, 'missingPermissions');
    const payload = parseMessagePayload(request.body);
    if (request.files.length > 0) this.#requirePermission(channel.id, PermissionFlagsBits.AttachFiles, 'missingPermissions');
    if (((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0) {
      const errors = new FormErrors();
      errors.add(['flags'], 'MESSAGE_FLAGS_INVALID', 'Only interaction responses can be ephemeral.');
      errors.throwIfAny();
    }
    const stored = this.#messages.create({
      channelId: channel.id,
      payload,
      files: request.files,
      type: MessageType.Default,
      flags: payload.flags ?? 0,
    });
    // Discord echoes the post as MESSAGE_CREATE to clients that asked for GUILD_MESSAGES.
    if (this.#gateway.hasSession) {
      this.#gateway.dispatch(
        GatewayDispatchEvents.MessageCreate,
        { ...wireMessage(stored.message), guild_id: this.#guild.guildId },
        GatewayIntentBits.GuildMessages,
      );
    }
    this.#notifier.notify();
    return stored.message;
  }

  // ── Interaction responses ───────────────────────────────────────────────────

  /** Runs `act`, and hands `record` the outcome, Discord's refusal included; then re-checks waiters. */
  #attempt(state: InteractionState, record: (outcome: Outcome) => void, act: () => RestResult): RestResult {
    const elapsedMs = performance.now() - state.createdAt;
    try {
      const result = act();
      record({ elapsedMs, status: result.status });
      return result;
    } catch (error) {
      if (error instanceof DiscordApiError) record({ elapsedMs, status: error.status, errorCode: error.code });
      throw error;
    } finally {
      this.#notifier.notify();
    }
  }

  #callback(interactionId: string, token: string, request: ParsedRequest): RestResult {
    const state = this.#byId.get(interactionId);
    if (state === undefined) throw new DiscordApiError('unknownInteraction');
    const body = request.body;
    const type = isRecord(body) && typeof body['type'] === 'number' ? body['type'] : -1;
    const record = (outcome: Outcome): void => {
      state.callbacks.push({ type, body, ...outcome });
    };
    return this.#attempt(state, record, () => {
      if (state.token !== token) throw new DiscordApiError('invalidWebhookToken');
      if (state.acknowledgedWith !== undefined) throw new DiscordApiError('alreadyAcknowledged');
      if (performance.now() - state.createdAt > state.deadlineMs) throw new DiscordApiError('unknownInteraction');
      const data = isRecord(body) ? body['data'] : undefined;
      const responseType = acceptableResponse(state, type);
      const replyType = state.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
      let resourceMessage: APIMessage | undefined;
      switch (responseType) {
        case InteractionResponseType.ChannelMessageWithSource: {
          const payload = parseMessagePayload(data, ['data']);
          const stored = this.#messages.create({
            channelId: channelOf(state),
            payload,
            files: request.files,
            type: replyType,
            flags: payload.flags ?? 0,
            interaction: this.#interactionMetadata(state),
          });
          state.originalMessageId = stored.message.id;
          state.answered = true;
          resourceMessage = stored.message;
          break;
        }
        case InteractionResponseType.DeferredChannelMessageWithSource: {
          const payload = parseMessagePayload(data, ['data']);
          const stored = this.#messages.create({
            channelId: channelOf(state),
            payload: {},
            files: [],
            type: replyType,
            flags: ((payload.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading,
            interaction: this.#interactionMetadata(state),
          });
          state.originalMessageId = stored.message.id;
          resourceMessage = stored.message;
          break;
        }
        case InteractionResponseType.DeferredMessageUpdate:
          state.originalMessageId = clickedMessageId(state);
          break;
        case InteractionResponseType.UpdateMessage: {
          const messageId = clickedMessageId(state);
          const stored = this.#messages.get(messageId);
          if (stored === undefined) throw new DiscordApiError('unknownMessage');
          this.#messages.edit(stored, parseMessagePayload(data, ['data']), request.files);
          state.originalMessageId = messageId;
          state.answered = true;
          resourceMessage = stored.message;
          break;
        }
        case InteractionResponseType.ApplicationCommandAutocompleteResult:
          state.choices = readAutocompleteChoices(data);
          break;
      }
      state.acknowledgedWith = responseType;
      if (request.query.get('with_response') !== 'true') return { status: 204 };
      return { status: 200, body: callbackResponse(state, responseType, resourceMessage) };
    });
  }

  #interactionByToken(applicationId: string, token: string): InteractionState {
    const state = this.#byToken.get(token);
    if (applicationId !== this.#guild.applicationId || state === undefined) throw new DiscordApiError('unknownWebhook');
    if (performance.now() - state.createdAt > INTERACTION_TOKEN_LIFETIME_MS) throw new DiscordApiError('invalidWebhookToken');
    return state;
  }

  #webhookMessage(state: InteractionState, messageId: string): StoredMessage {
    if (state.acknowledgedWith === undefined) throw new DiscordApiError('unknownWebhook');
    const id = messageId === '@original' ? state.originalMessageId : messageId;
    const isOwn =
      id !== undefined &&
      (id === state.originalMessageId || state.followUps.some((followUp) => followUp.messageId === id));
    const stored = id === undefined ? undefined : this.#messages.get(id);
    if (!isOwn || stored === undefined) throw new DiscordApiError('unknownMessage');
    return stored;
  }

  #editWebhookMessage(params: RouteParams, request: ParsedRequest): RestResult {
    const state = this.#interactionByToken(params.get('application'), params.get('token'));
    const messageId = params.get('message');
    const record = (outcome: Outcome): void => {
      state.edits.push({ messageId, body: request.body, ...outcome });
    };
    return this.#attempt(state, record, () => {
      const stored = this.#webhookMessage(state, messageId);
      this.#messages.edit(stored, parseMessagePayload(request.body), request.files);
      if (stored.message.id === state.originalMessageId) state.answered = true;
      return { status: 200, body: wireMessage(stored.message) };
    });
  }

  #followUp(applicationId: string, token: string, request: ParsedRequest): RestResult {
    const state = this.#interactionByToken(applicationId, token);
    let messageId: string | undefined;
    const record = (outcome: Outcome): void => {
      state.followUps.push({ body: request.body, ...outcome, ...(messageId === undefined ? {} : { messageId }) });
    };
    return this.#attempt(state, record, () => {
      const acknowledged = state.acknowledgedWith;
      if (acknowledged === undefined || acknowledged === InteractionResponseType.ApplicationCommandAutocompleteResult) {
        throw new DiscordApiError('unknownWebhook');
      }
      const payload = parseMessagePayload(request.body);
      const original = state.originalMessageId === undefined ? undefined : this.#messages.get(state.originalMessageId);
      let stored: StoredMessage;
      if (acknowledged === InteractionResponseType.DeferredChannelMessageWithSource && !state.answered && original !== undefined) {
        // Discord's documented (deprecated) behaviour: the first follow-up after a deferral edits the
        // "thinking…" message instead of creating one, and keeps its ephemerality.
        this.#messages.edit(original, { ...payload, flags: undefined }, request.files);
        state.answered = true;
        stored = original;
      } else {
        stored = this.#messages.create({
          channelId: channelOf(state),
          payload,
          files: request.files,
          type: MessageType.Default,
          flags: payload.flags ?? 0,
          interaction: this.#interactionMetadata(state),
        });
      }
      messageId = stored.message.id;
      return request.query.get('wait') === 'true' ? { status: 200, body: wireMessage(stored.message) } : { status: 204 };
    });
  }
}

// ── Helpers ───────────────────────────────────────────────────────────────────

function toLocale(value: string): Locale {
  const locale = Object.values(Locale).find((candidate) => candidate === value);
  if (locale === undefined) throw new Error(`Unknown Discord locale "${value}"`);
  return locale;
}

/** `Array.isArray` does not narrow a union with a readonly array; this does. */
function isRawOptionList(options: CommandInvocation['options']): options is RawCommandOptions {
  return Array.isArray(options);
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function matchRoute(route: Route, segments: readonly string[]): RouteParams | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [index, pattern] of route.segments.entries()) {
    const segment = segments[index];
    if (segment === undefined || segment === '') return undefined;
    if (pattern.startsWith(':')) params.set(pattern.slice(1), segment);
    else if (pattern !== segment) return undefined;
  }
  return new RouteParams(params);
}

/** The callback types Discord accepts for this kind of interaction (modals are not modelled). */
function acceptableResponse(state: InteractionState, type: number): InteractionResponseType {
  const allowed: InteractionResponseType[] =
    state.type === InteractionType.ApplicationCommandAutocomplete
      ? [InteractionResponseType.ApplicationCommandAutocompleteResult]
      : state.type === InteractionType.MessageComponent
        ? [
            InteractionResponseType.ChannelMessageWithSource,
            InteractionResponseType.DeferredChannelMessageWithSource,
            InteractionResponseType.DeferredMessageUpdate,
            InteractionResponseType.UpdateMessage,
          ]
        : [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource];
  const match = allowed.find((candidate) => candidate === type);
  if (match !== undefined) return match;
  const errors = new FormErrors();
  errors.add(
    ['type'],
    'INTERACTION_RESPONSE_TYPE_INVALID',
    `Response type ${type} is not valid for interaction type ${state.type}.`,
  );
  errors.throwIfAny();
  throw new DiscordApiError('invalidFormBody');
}

/** The body of a callback answered with `?with_response=true`. */
function callbackResponse(state: InteractionState, type: InteractionResponseType, message: APIMessage | undefined): object {
  const interaction = { id: state.id, type: state.type };
  if (message === undefined) return { interaction, resource: { type } };
  return {
    interaction: {
      ...interaction,
      response_message_id: message.id,
      response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
      response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    },
    resource: { type, message: wireMessage(message) },
  };
}

function channelOf(state: InteractionState): string {
  const channelId = state.payload.channel?.id ?? state.payload.channel_id;
  if (channelId === undefined) throw new Error(`Interaction ${state.id} has no channel`);
  return channelId;
}

function clickedMessageId(state: InteractionState): string {
  if (state.payload.type !== InteractionType.MessageComponent) throw new DiscordApiError('invalidFormBody');
  return state.payload.message.id;
}

function readAutocompleteChoices(data: unknown): RegisteredChoice[] {
  const errors = new FormErrors();
  const raw = isRecord(data) ? data['choices'] : undefined;
  if (!Array.isArray(raw)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
    return [];
  }
  if (raw.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const choices = raw.flatMap((item, index) => {
    const choice = readChoice(errors, item, ['data', 'choices', index], undefined);
    return choice === undefined ? [] : [choice];
  });
  errors.throwIfAny();
  return choices;
}
