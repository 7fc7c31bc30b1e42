/**
 * Lets tests await a condition over server state that changes on network events.
 * Every waiter is bounded by a timer, and `close()` rejects what is still pending, so a test
 * never hangs on a reply that will not come.
 */

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

/** Options for {@link Notifier.waitFor}. */
export interface WaitOptions {
  timeoutMs: number;
  /** Builds the rejection at the time limit; called then, so it can describe the state reached. */
  describeTimeout: () => string;
  /** Re-check at this delay too, for conditions that turn false by time passing (Discord's 3 s). */
  recheckAfterMs?: number;
}

export class Notifier {
  readonly #waiters = new Set<Waiter>();
  #closed: Error | undefined;

  /**
   * Resolves with the first non-undefined result of `check`, run now and after every `notify()`.
   * A `check` that throws rejects the wait with that error.
   *
   * @example await notifier.waitFor(() => record.reply, { timeoutMs: 5_000, describeTimeout: () => 'no reply' })
   */
  waitFor<T>(check: () => T | undefined, options: WaitOptions): Promise<T> {
    if (this.#closed !== undefined) return Promise.reject(this.#closed);
    return new Promise<T>((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      const finish = (): void => {
        for (const timer of timers) clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = check();
            if (value === undefined) return false;
            finish();
            resolve(value);
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      if (waiter.check()) return;
      this.#waiters.add(waiter);
      timers.push(setTimeout(() => waiter.fail(new Error(options.describeTimeout())), options.timeoutMs));
      if (options.recheckAfterMs !== undefined && options.recheckAfterMs < options.timeoutMs) {
        timers.push(setTimeout(() => waiter.check(), Math.max(0, options.recheckAfterMs)));
      }
    });
  }

  /** Re-runs every pending check; call after each state change. */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /** Rejects every pending and future wait with `error`. */
  close(error: Error): void {
    this.#closed = error;
    for (const waiter of [...this.#waiters]) waiter.fail(error);
  }
}
