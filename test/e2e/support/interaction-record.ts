/**
 * What happened to one interaction the test server dispatched: every callback attempt, every edit
 * and follow-up (refused ones included, with Discord's error code), and the message the user sees.
 * Tests await `waitForReply()` / `waitForChoices()` and assert "answered exactly once" on the lists.
 */
import type { APIAllowedMentions, APIInteraction, APIMessage, InteractionResponseType, InteractionType } from 'discord.js';
import type { RegisteredChoice } from './command-registry.ts';
import type { Notifier } from './notifier.ts';

/** Default time limit of the `waitFor…` methods. */
export const DEFAULT_WAIT_MS = 5_000;

/** A message as the user sees it, plus the `allowed_mentions` it was sent with (not part of Discord's message object). */
export interface ReplyMessage extends APIMessage {
  allowed_mentions?: APIAllowedMentions;
}

/** One request the bot made about this interaction, and how the server answered it. */
export interface AttemptRecord {
  /** The JSON body sent (for multipart, the `payload_json` part). */
  body: unknown;
  /** Milliseconds between the dispatch of the interaction and this request. */
  elapsedMs: number;
  /** HTTP status answered. */
  status: number;
  /** Discord's error code when refused, e.g. 10062 or 40060. */
  errorCode?: number;
}

/** `POST /interactions/{id}/{token}/callback`. */
export interface CallbackRecord extends AttemptRecord {
  /** The callback `type`: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete. */
  type: number;
}

/** `PATCH /webhooks/{app}/{token}/messages/{id}`. */
export interface EditRecord extends AttemptRecord {
  /** `@original`, or the id of a follow-up. */
  messageId: string;
}

/** `POST /webhooks/{app}/{token}`. */
export interface FollowUpRecord extends AttemptRecord {
  /** The message created or edited, when accepted. */
  messageId?: string;
}

/** The mutable state behind a record; only the server writes it. */
export interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly payload: APIInteraction;
  /** `performance.now()` at dispatch: Discord's 3 s runs from here. */
  readonly createdAt: number;
  readonly deadlineMs: number;
  readonly callbacks: CallbackRecord[];
  readonly edits: EditRecord[];
  readonly followUps: FollowUpRecord[];
  acknowledgedWith: InteractionResponseType | undefined;
  /** Id of the message `@original` refers to, once it exists. */
  originalMessageId: string | undefined;
  /** True once `@original` shows the bot's answer, not a "thinking…" placeholder. */
  answered: boolean;
  choices: RegisteredChoice[] | undefined;
  deliveries: number;
}

export interface InteractionRecordOptions {
  state: InteractionState;
  notifier: Notifier;
  readMessage: (id: string) => ReplyMessage | undefined;
}

export class InteractionRecord {
  readonly #state: InteractionState;
  readonly #notifier: Notifier;
  readonly #readMessage: (id: string) => ReplyMessage | undefined;

  constructor(options: InteractionRecordOptions) {
    this.#state = options.state;
    this.#notifier = options.notifier;
    this.#readMessage = options.readMessage;
  }

  get id(): string {
    return this.#state.id;
  }

  get token(): string {
    return this.#state.token;
  }

  get type(): InteractionType {
    return this.#state.type;
  }

  /** The INTERACTION_CREATE data as dispatched. */
  get payload(): APIInteraction {
    return this.#state.payload;
  }

  /** Every callback attempt, accepted or refused, in arrival order. */
  get callbacks(): readonly CallbackRecord[] {
    return this.#state.callbacks;
  }

  /** Callback attempts the server accepted: exactly one for a correctly answered interaction. */
  get acknowledgements(): readonly CallbackRecord[] {
    return this.#state.callbacks.filter((callback) => callback.errorCode === undefined && callback.status < 300);
  }

  /** Every edit attempt of `@original` or of a follow-up. */
  get edits(): readonly EditRecord[] {
    return this.#state.edits;
  }

  /** Every follow-up attempt. */
  get followUps(): readonly FollowUpRecord[] {
    return this.#state.followUps;
  }

  /** How many times the dispatch went out on a socket (a replay after RESUME counts again). */
  get deliveries(): number {
    return this.#state.deliveries;
  }

  get acknowledged(): boolean {
    return this.#state.acknowledgedWith !== undefined;
  }

  /** `@original` as it stands now (a deferred reply shows the Loading flag until edited). */
  get message(): ReplyMessage | undefined {
    const id = this.#state.originalMessageId;
    return id === undefined ? undefined : this.#readMessage(id);
  }

  /** The choices of an accepted autocomplete answer. */
  get choices(): readonly RegisteredChoice[] | undefined {
    return this.#state.choices;
  }

  /**
   * Resolves with the message the user sees, once there is one: after a type 4/7 callback, or after
   * a deferral (5/6) followed by an edit of `@original` (or the first follow-up, which Discord turns
   * into that edit). Rejects as soon as Discord's acknowledgement deadline passes unanswered,
   * or at `timeoutMs`.
   *
   * @example const reply = await server.sendCommand({ name: 'ask', options: { question: '…' } }).waitForReply();
   */
  waitForReply(options: { timeoutMs?: number } = {}): Promise<ReplyMessage> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return this.#notifier.waitFor(
      () => {
        const id = this.#state.originalMessageId;
        if (this.#state.answered && id !== undefined) return this.#readMessage(id);
        this.#throwIfExpired();
        return undefined;
      },
      {
        timeoutMs,
        recheckAfterMs: this.#msUntilDeadline() + 1,
        describeTimeout: () => `No visible reply to interaction ${this.id} within ${timeoutMs} ms. ${this.describe()}`,
      },
    );
  }

  /**
   * Resolves with the choices of the autocomplete answer (callback type 8).
   *
   * @example const choices = await server.sendAutocomplete({ name: 'source', options: { title: '大' }, focused: 'title' }).waitForChoices();
   */
  waitForChoices(options: { timeoutMs?: number } = {}): Promise<readonly RegisteredChoice[]> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return this.#notifier.waitFor(
      () => {
        if (this.#state.choices !== undefined) return this.#state.choices;
        this.#throwIfExpired();
        return undefined;
      },
      {
        timeoutMs,
        recheckAfterMs: this.#msUntilDeadline() + 1,
        describeTimeout: () => `No autocomplete answer to interaction ${this.id} within ${timeoutMs} ms. ${this.describe()}`,
      },
    );
  }

  /** Resolves once any callback attempt has been answered, accepted or not. */
  waitForCallback(options: { timeoutMs?: number } = {}): Promise<CallbackRecord> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return this.#notifier.waitFor(() => this.#state.callbacks[0], {
      timeoutMs,
      describeTimeout: () => `No callback for interaction ${this.id} within ${timeoutMs} ms. ${this.describe()}`,
    });
  }

  /** A one-line account of the requests received, for failure messages. */
  describe(): string {
    const attempt = (record: AttemptRecord): string => {
      const code = record.errorCode === undefined ? '' : `/${record.errorCode}`;
      return `${record.status}${code}@${Math.round(record.elapsedMs)}ms`;
    };
    const attempts = (records: readonly AttemptRecord[]): string => records.map(attempt).join(', ');
    const callbacks = this.#state.callbacks.map((callback) => `type ${callback.type} → ${attempts([callback])}`).join(', ');
    const { deliveries, edits, followUps } = this.#state;
    return `Deliveries: ${deliveries}; callbacks: [${callbacks}]; edits: [${attempts(edits)}]; follow-ups: [${attempts(followUps)}].`;
  }

  #msUntilDeadline(): number {
    return this.#state.createdAt + this.#state.deadlineMs - performance.now();
  }

  #throwIfExpired(): void {
    if (this.#state.acknowledgedWith === undefined && this.#msUntilDeadline() < 0) {
      throw new Error(
        `Interaction ${this.id} was not acknowledged within ${this.#state.deadlineMs} ms; ` +
          `Discord shows "The application did not respond". ${this.describe()}`,
      );
    }
  }
}
