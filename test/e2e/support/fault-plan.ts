/**
 * Faults a test arms before acting: the next matching REST requests are answered with a 429,
 * an error status, or after a delay, instead of (or before) the normal answer.
 * Rules are tried in the order they were armed; each one is used up after `times` matches.
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

/** Which requests a fault applies to. */
export interface RouteMatch {
  /** HTTP method, any case; every method when left out. */
  method?: string;
  /**
   * Tested against the decoded route path after `/api/v10`, without the query
   * (e.g. `/webhooks/123/tok/messages/@original`): a string matches as a substring.
   */
  pathPattern: string | RegExp;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
}

export interface RateLimitFault extends RouteMatch {
  /** Sent as `Retry-After`, `X-RateLimit-Reset-After` and the body's `retry_after`. Fractions are fine. */
  retryAfterSeconds: number;
  /** A global limit: `X-RateLimit-Global: true`, scope `global`; discord.js then holds every request. */
  global?: boolean;
  /** `X-RateLimit-Scope` of a non-global limit; default `user`. */
  scope?: 'user' | 'shared';
}

export interface FailureFault extends RouteMatch {
  /** HTTP status to answer, e.g. 500 or 502. */
  status: number;
  /** Discord error code in the body; default 0. */
  code?: number;
  message?: string;
}

export interface DelayFault extends RouteMatch {
  /** Wait this long before handling the request normally. */
  delayMs: number;
}

/** What the server does with one request a fault matched. */
export type FaultAction =
  | { kind: 'rate-limit'; status: 429; headers: Record<string, string>; body: object }
  | { kind: 'fail'; status: number; body: object }
  | { kind: 'delay'; delayMs: number };

interface ArmedFault {
  match: RouteMatch;
  remaining: number;
  act: () => FaultAction;
}

function matches(match: RouteMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  // `search` ignores `lastIndex`, so a RegExp with the g flag still matches every time.
  return typeof match.pathPattern === 'string' ? path.includes(match.pathPattern) : path.search(match.pathPattern) !== -1;
}

export class FaultPlan {
  readonly #armed: ArmedFault[] = [];

  /** @example plan.rateLimit({ method: 'PATCH', pathPattern: '@original', retryAfterSeconds: 0.3 }) */
  rateLimit(fault: RateLimitFault): void {
    const bucket = randomBytes(16).toString('hex');
    this.#arm(fault, (): FaultAction => {
      const retryAfter = String(fault.retryAfterSeconds);
      const body = {
        message: 'You are being rate limited.',
        retry_after: fault.retryAfterSeconds,
        global: fault.global === true,
        code: 0,
      };
      if (fault.global === true) {
        return {
          kind: 'rate-limit',
          status: 429,
          headers: { 'Retry-After': retryAfter, 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
          body,
        };
      }
      const resetAt = (Date.now() + fault.retryAfterSeconds * 1_000) / 1_000;
      return {
        kind: 'rate-limit',
        status: 429,
        headers: {
          'Retry-After': retryAfter,
          'X-RateLimit-Limit': '5',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': resetAt.toFixed(3),
          'X-RateLimit-Reset-After': fault.retryAfterSeconds.toFixed(3),
          'X-RateLimit-Bucket': bucket,
          'X-RateLimit-Scope': fault.scope ?? 'user',
        },
        body,
      };
    });
  }

  /** @example plan.fail({ method: 'PATCH', pathPattern: '@original', status: 500, times: 2 }) */
  fail(fault: FailureFault): void {
    this.#arm(fault, () => ({
      kind: 'fail',
      status: fault.status,
      body: { message: fault.message ?? `${fault.status}: ${STATUS_CODES[fault.status] ?? 'Error'}`, code: fault.code ?? 0 },
    }));
  }

  /** @example plan.delay({ pathPattern: '/callback', delayMs: 3_500 }) */
  delay(fault: DelayFault): void {
    this.#arm(fault, () => ({ kind: 'delay', delayMs: fault.delayMs }));
  }

  /** Uses up one match of the first armed fault for this request, if any. */
  take(method: string, path: string): FaultAction | undefined {
    const index = this.#armed.findIndex((fault) => matches(fault.match, method, path));
    const fault = this.#armed[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#armed.splice(index, 1);
    return fault.act();
  }

  /** How many armed faults have not been used up: a test asserting a fault fired expects 0. */
  get pending(): number {
    return this.#armed.length;
  }

  clear(): void {
    this.#armed.length = 0;
  }

  #arm(match: RouteMatch, act: () => FaultAction): void {
    const times = match.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    this.#armed.push({ match, remaining: times, act });
  }
}
