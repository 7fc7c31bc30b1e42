/**
 * Discord's JSON error answers: `{ code, message, errors? }` with an HTTP status.
 * discord.js turns a 4xx answer into a `DiscordAPIError` whose `code` is the JSON `code`,
 * so the codes below are what bot code and tests match on.
 */

/** One leaf of Discord's "Invalid Form Body" error tree. */
export interface FormErrorEntry {
  code: string;
  message: string;
}

/** Discord nests form errors by field path, with the leaves under `_errors`. */
export interface FormErrorTree {
  [key: string]: FormErrorTree | FormErrorEntry[];
}

/** The error answers this server gives, as `[status, code, message]`, with Discord's wording. */
export const DISCORD_ERRORS = {
  unauthorized: [401, 0, '401: Unauthorized'],
  notFound: [404, 0, '404: Not Found'],
  methodNotAllowed: [405, 0, '405: Method Not Allowed'],
  unknownChannel: [404, 10003, 'Unknown Channel'],
  unknownGuild: [404, 10004, 'Unknown Guild'],
  unknownMember: [404, 10007, 'Unknown Member'],
  unknownMessage: [404, 10008, 'Unknown Message'],
  unknownUser: [404, 10013, 'Unknown User'],
  unknownWebhook: [404, 10015, 'Unknown Webhook'],
  unknownInteraction: [404, 10062, 'Unknown interaction'],
  unknownCommand: [404, 10063, 'Unknown application command'],
  alreadyAcknowledged: [400, 40060, 'Interaction has already been acknowledged.'],
  requestTooLarge: [413, 40005, 'Request entity too large'],
  missingAccess: [403, 50001, 'Missing Access'],
  editOthersMessage: [403, 50005, 'Cannot edit a message authored by another user'],
  emptyMessage: [400, 50006, 'Cannot send an empty message'],
  missingPermissions: [403, 50013, 'Missing Permissions'],
  invalidWebhookToken: [401, 50027, 'Invalid Webhook Token'],
  invalidFormBody: [400, 50035, 'Invalid Form Body'],
} as const satisfies Record<string, readonly [number, number, string]>;

export type DiscordErrorKind = keyof typeof DISCORD_ERRORS;

/** An answer in Discord's error shape; thrown by route handlers and turned into the HTTP answer. */
export class DiscordApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly errors: FormErrorTree | undefined;

  /** @example throw new DiscordApiError('unknownInteraction') */
  constructor(kind: DiscordErrorKind, errors?: FormErrorTree) {
    const [status, code, message] = DISCORD_ERRORS[kind];
    super(message);
    this.name = 'DiscordApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  /** The JSON body Discord would send. */
  toBody(): { code: number; message: string; errors?: FormErrorTree } {
    return this.errors === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, errors: this.errors };
  }
}

/**
 * Collects field errors the way Discord reports them, so a test sees which field of which
 * embed broke a limit instead of a bare 400.
 */
export class FormErrors {
  readonly #tree: FormErrorTree = {};
  #count = 0;

  /** @example errors.add(['data', 'embeds', 0, 'title'], 'BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.') */
  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: FormErrorTree = this.#tree;
    for (const segment of path) {
      const key = String(segment);
      const child = node[key];
      if (child === undefined || Array.isArray(child)) {
        const created: FormErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = child;
      }
    }
    const leaves = node['_errors'];
    if (Array.isArray(leaves)) leaves.push({ code, message });
    else node['_errors'] = [{ code, message }];
    this.#count += 1;
  }

  /** Throws Discord's 50035 "Invalid Form Body" when any error was added. */
  throwIfAny(): void {
    if (this.#count > 0) throw new DiscordApiError('invalidFormBody', this.#tree);
  }
}
