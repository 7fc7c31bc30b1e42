/**
 * Discord's gateway over the `ws` package: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs,
 * RESUME with replay of the dispatches after the client's `seq`, op 9 for unknown sessions,
 * and Discord's close codes for bad tokens, intents and opcodes.
 *
 * A session outlives its socket, as on Discord: a dispatch sent while the client is away waits
 * in the session's log and reaches the client when it resumes. That is how a test delivers an
 * interaction "during an outage".
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { GatewayReadyDispatchData } from 'discord.js';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { DiscordGuild } from './discord-guild.ts';
import { isRecord } from './message-payload.ts';
import type { Notifier } from './notifier.ts';

/** Discord's own interval; discord.js waits a random part of it before the first heartbeat. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
/** How many dispatches a session keeps for replay; a resume from further back gets op 9. */
export const MAX_REPLAY_LOG = 1_000;

const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

export interface GatewayOptions {
  guild: DiscordGuild;
  token: string;
  /** `ws://127.0.0.1:PORT/gateway`, sent as READY's `resume_gateway_url`. */
  url: string;
  heartbeatIntervalMs: number;
  /** Privileged intents "enabled in the developer portal"; asking for others closes with 4014. */
  privilegedIntents: number;
  notifier: Notifier;
  /** Called for every dispatch written to a socket, replays included. */
  onDispatchSent: (event: string, data: unknown) => void;
}

/** Counters a test can assert on, e.g. that a drop led to a resume and not a new IDENTIFY. */
export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  /** op 9 answers to RESUME. */
  invalidSessions: number;
  /** Whether the current session has an open socket. */
  connected: boolean;
}

export type GatewayRecovery = 'resumed' | 'identified';

interface LoggedDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  log: LoggedDispatch[];
  connection: Connection | undefined;
  intents: number;
  valid: boolean;
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
  closedByServer: boolean;
  /** Set when READY or RESUMED went out, until the client's heartbeat shows it handled them. */
  unconfirmed: { how: GatewayRecovery; after: number } | undefined;
  /** The client has handled READY or RESUMED on this connection. */
  confirmed: boolean;
}

/** Listens for upgrades on `/gateway` and speaks Discord's gateway protocol (JSON, no compression). */
export class DiscordGateway {
  readonly #options: GatewayOptions;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly #connections = new Set<Connection>();
  #current: Session | undefined;
  #stats = { connections: 0, identifies: 0, resumes: 0, invalidSessions: 0 };
  /** Bumped by every drop or op 7, so a recovery can be matched to the disruption it follows. */
  #disruptions = 0;
  #recovery: { after: number; how: GatewayRecovery } | undefined;

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  get stats(): GatewayStats {
    return { ...this.#stats, connected: this.#current?.connection !== undefined };
  }

  /** Takes over an HTTP upgrade request for `/gateway`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, query));
  }

  /** Whether a client has identified and its session is still valid (connected or resumable). */
  get hasSession(): boolean {
    return this.#current?.valid === true;
  }

  /** Throws the explanation a test author needs when there is no session to dispatch on. */
  assertSession(): void {
    this.#requireSession();
  }

  /**
   * Sends a dispatch on the current session, or keeps it for replay if the client is away.
   * Returns whether it went out now; skips sessions that did not ask for `requiredIntent`.
   */
  dispatch(event: string, data: unknown, requiredIntent?: number): boolean {
    const session = this.#requireSession();
    if (requiredIntent !== undefined && (session.intents & requiredIntent) === 0) return false;
    return this.#dispatchTo(session, event, data);
  }

  /**
   * Cuts the current connection: with `code` a close frame (4000 makes discord.js resume),
   * without it an abrupt TCP reset (the client sees 1006 and resumes too).
   * `invalidateSession` makes the coming RESUME fail with op 9, forcing a new IDENTIFY.
   */
  drop(options: { code?: number; invalidateSession?: boolean } = {}): void {
    const session = this.#current;
    const connection = session?.connection;
    if (session === undefined || connection === undefined) throw new Error('dropGateway: no connected gateway session to drop.');
    this.#disruptions += 1;
    session.connection = undefined;
    if (options.invalidateSession === true) session.valid = false;
    connection.closedByServer = true;
    if (options.code === undefined) connection.socket.terminate();
    else connection.socket.close(options.code, 'Dropped by the test server');
    this.#options.notifier.notify();
  }

  /** Sends op 7 Reconnect; discord.js closes with 4200 and resumes. */
  requestReconnect(): void {
    const connection = this.#current?.connection;
    if (connection === undefined) throw new Error('sendReconnect: no connected gateway session.');
    this.#disruptions += 1;
    this.#send(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Resolves once the client has handled RESUMED or a new READY after the latest drop or op 7. */
  waitForRecovery(timeoutMs: number): Promise<GatewayRecovery> {
    const after = this.#disruptions;
    return this.#options.notifier.waitFor(
      () => (this.#recovery !== undefined && this.#recovery.after >= after ? this.#recovery.how : undefined),
      { timeoutMs, describeTimeout: () => `The client did not resume or re-identify within ${timeoutMs} ms.` },
    );
  }

  /** Resolves once a client has identified (or resumed) and handled READY on its current connection. */
  waitForSession(timeoutMs: number): Promise<string> {
    return this.#options.notifier.waitFor(
      () => (this.#current?.valid === true && this.#current.connection?.confirmed === true ? this.#current.id : undefined),
      { timeoutMs, describeTimeout: () => `No client identified within ${timeoutMs} ms.` },
    );
  }

  close(): void {
    for (const connection of this.#connections) {
      connection.closedByServer = true;
      connection.socket.terminate();
    }
    this.#connections.clear();
    this.#wss.close();
  }

  #requireSession(): Session {
    const session = this.#current;
    if (session === undefined || !session.valid) {
      throw new Error('No gateway session: log a discord.js Client in (and wait for clientReady) before dispatching.');
    }
    return session;
  }

  #accept(socket: WebSocket, query: URLSearchParams): void {
    const connection: Connection = { socket, session: undefined, closedByServer: false, unconfirmed: undefined, confirmed: false };
    this.#connections.add(connection);
    this.#stats.connections += 1;
    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    socket.on('close', (code) => this.#onClose(connection, code));
    socket.on('error', () => {
      // A reset socket also emits 'close', which does the bookkeeping.
    });
    if (query.get('v') !== '10') {
      this.#close(connection, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.#close(connection, GatewayCloseCodes.DecodeError, 'Only JSON encoding is modelled by the test server');
      return;
    }
    // `compress=zlib-stream` is ignored on purpose: discord.js parses text frames as plain JSON either way.
    this.#send(connection, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs } });
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.#close(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawText(data));
    } catch {
      this.#close(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      this.#close(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = payload['d'];
    switch (payload['op']) {
      case GatewayOpcodes.Heartbeat:
        this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        this.#confirm(connection);
        return;
      case GatewayOpcodes.Identify:
        this.#identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(connection, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (connection.session === undefined) this.#close(connection, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        this.#close(connection, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  /** IDENTIFY and RESUME both need an unauthenticated connection and the right token; closes otherwise. */
  #authenticate(connection: Connection, d: unknown): d is Record<string, unknown> {
    if (connection.session !== undefined) {
      this.#close(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return false;
    }
    if (!isRecord(d) || d['token'] !== this.#options.token) {
      this.#close(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    return true;
  }

  #identify(connection: Connection, d: unknown): void {
    if (!this.#authenticate(connection, d)) return;
    const intents = d['intents'];
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
      this.#close(connection, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.#options.privilegedIntents) !== 0) {
      this.#close(connection, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const shard = d['shard'];
    if (shard !== undefined && !(Array.isArray(shard) && shard[0] === 0 && shard[1] === 1)) {
      this.#close(connection, GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    this.#stats.identifies += 1;
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, log: [], connection, intents, valid: true };
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.#current = session;
    const { guild } = this.#options;
    const applicationFlags = guild.applicationFlags;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: guild.botUser,
      guilds: [{ id: guild.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.#options.url,
      shard: [0, 1],
      application: { id: guild.applicationId, flags: applicationFlags, flags_new: String(applicationFlags) },
    };
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    // discord.js waits up to 15 s for the guilds listed in READY; Discord sends them only with GUILDS.
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild.guildCreate());
    }
    this.#requestConfirmation(connection, 'identified');
  }

  #resume(connection: Connection, d: unknown): void {
    if (!this.#authenticate(connection, d)) return;
    const sessionId = d['session_id'];
    const seq = d['seq'];
    const session = typeof sessionId === 'string' ? this.#sessions.get(sessionId) : undefined;
    const oldest = session?.log[0]?.s ?? 1;
    if (session === undefined || !session.valid || typeof seq !== 'number' || seq > session.seq || seq < oldest - 1) {
      this.#stats.invalidSessions += 1;
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = session.connection;
    if (previous !== undefined) {
      previous.closedByServer = true;
      previous.socket.terminate();
    }
    this.#stats.resumes += 1;
    session.connection = connection;
    connection.session = session;
    this.#current = session;
    for (const entry of session.log) {
      if (entry.s > seq) this.#sendDispatch(connection, entry);
    }
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, {});
    this.#requestConfirmation(connection, 'resumed');
  }

  /**
   * Asks for an immediate heartbeat (op 1, which Discord also sends). discord.js answers it only after
   * handling the READY/RESUMED sent before it, so its answer tells a test the client is really back;
   * destroying a client that has not yet handled READY hangs `client.destroy()`.
   */
  #requestConfirmation(connection: Connection, how: GatewayRecovery): void {
    connection.unconfirmed = { how, after: this.#disruptions };
    this.#send(connection, { op: GatewayOpcodes.Heartbeat, d: null });
  }

  #confirm(connection: Connection): void {
    if (connection.unconfirmed === undefined) return;
    this.#recovery = connection.unconfirmed;
    connection.unconfirmed = undefined;
    connection.confirmed = true;
    this.#options.notifier.notify();
  }

  #onClose(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (session === undefined || session.connection !== connection) return;
    session.connection = undefined;
    // Discord ends the session when the client closes with 1000/1001; other codes keep it resumable.
    if (!connection.closedByServer && (code === 1_000 || code === 1_001)) session.valid = false;
    this.#options.notifier.notify();
  }

  #dispatchTo(session: Session, event: string, data: unknown): boolean {
    session.seq += 1;
    const entry: LoggedDispatch = { s: session.seq, t: event, d: data };
    session.log.push(entry);
    if (session.log.length > MAX_REPLAY_LOG) session.log.shift();
    const connection = session.connection;
    if (connection === undefined) return false;
    this.#sendDispatch(connection, entry);
    return true;
  }

  #sendDispatch(connection: Connection, entry: LoggedDispatch): void {
    this.#send(connection, { op: GatewayOpcodes.Dispatch, t: entry.t, s: entry.s, d: entry.d });
    this.#options.onDispatchSent(entry.t, entry.d);
  }

  #send(connection: Connection, payload: { op: GatewayOpcodes; d?: unknown; s?: number; t?: string }): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(JSON.stringify({ op: payload.op, d: payload.d ?? null, s: payload.s ?? null, t: payload.t ?? null }));
  }

  #close(connection: Connection, code: number, reason: string): void {
    connection.closedByServer = true;
    connection.socket.close(code, reason);
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
