/** Entries older than this many cooldowns are swept, so the map stays as small as the active users. */
const SWEEP_AFTER = 1_000;

/**
 * A cooldown per key (a user, or a user and a command): `take(key)` is 0 and starts a new period
 * when the key may act, or the seconds left (rounded up) when it may not. The clock is injectable.
 *
 * @example const cooldown = new Cooldown(3_000); cooldown.take('123:ask') // 0, then 3
 */
export class Cooldown {
  readonly #periodMs: number;
  readonly #now: () => number;
  readonly #last = new Map<string, number>();

  constructor(periodMs: number, now: () => number = Date.now) {
    this.#periodMs = periodMs;
    this.#now = now;
  }

  take(key: string): number {
    if (this.#periodMs <= 0) return 0;
    const now = this.#now();
    const last = this.#last.get(key);
    if (last !== undefined && now - last < this.#periodMs) return Math.ceil((this.#periodMs - (now - last)) / 1_000);
    this.#last.set(key, now);
    if (this.#last.size > SWEEP_AFTER) this.#sweep(now);
    return 0;
  }

  #sweep(now: number): void {
    for (const [key, last] of this.#last) if (now - last >= this.#periodMs) this.#last.delete(key);
  }
}
