/** A job waits at most this long for acknowledgements still in flight (a stuck one must not stall all). */
export const MAX_HOLD_MS = 1_000;

/** What a job is assumed to take before any has run (an /ask on the seeds takes 1–5 ms). */
const FIRST_JOB_MS = 5;
/** Weight of the latest job in the running average of job times. */
const JOB_TIME_WEIGHT = 0.2;

interface Job {
  readonly run: () => void;
  readonly queuedAt: number;
}

/**
 * Runs CPU-bound work (a search, an answer) one job per turn of the event loop, and only while no
 * interaction is waiting for its acknowledgement.
 *
 * Why: a feature call blocks the loop for milliseconds (tens on a large corpus), and acknowledging
 * an interaction takes a few turns of I/O. Were they interleaved without care, a burst of 200
 * interactions could acknowledge the last ones after Discord's 3 s deadline. So every interaction
 * that arrives holds the queue (`arrived()`) until it has what it needs to respond: for a command
 * that defers first, until it asks for compute time (it has deferred by then); for one that answers
 * in its first response, at once (its handler asks for compute time straight away), and again while
 * a deferral of it is on its way (see replyWhenReady). The work runs in arrival order, and I/O that
 * arrives meanwhile (more interactions, REST answers) is handled between two jobs.
 *
 * @example const release = queue.arrived(); await interaction.deferReply(); release(); await queue.run(() => ask(…));
 */
export class ComputeQueue {
  readonly #jobs: Job[] = [];
  readonly #now: () => number;
  #unacknowledged = 0;
  #scheduled = false;
  #holdTimer: NodeJS.Timeout | undefined;
  #jobMs = FIRST_JOB_MS;

  constructor(now: () => number = performance.now.bind(performance)) {
    this.#now = now;
  }

  /** How many jobs are waiting (not counting one running now). */
  get pending(): number {
    return this.#jobs.length;
  }

  /**
   * How long a job queued now would wait for the jobs ahead of it, at the running average of the
   * latest jobs' times. Lets a handler see a backlog coming and defer at once.
   */
  backlogMs(): number {
    return this.#jobs.length * this.#jobMs;
  }

  /** An interaction arrived: jobs wait until the returned release is called (once is enough). */
  arrived(): () => void {
    this.#unacknowledged += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#unacknowledged -= 1;
      this.#schedule();
    };
  }

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = (): void => {
        const started = this.#now();
        try {
          resolve(job());
        } catch (error) {
          reject(error);
        } finally {
          this.#jobMs += JOB_TIME_WEIGHT * (this.#now() - started - this.#jobMs);
        }
      };
      this.#jobs.push({ run, queuedAt: this.#now() });
      this.#schedule();
    });
  }

  #schedule(): void {
    const head = this.#jobs[0];
    if (this.#scheduled || head === undefined) return;
    const heldFor = this.#now() - head.queuedAt;
    if (this.#unacknowledged > 0 && heldFor < MAX_HOLD_MS) {
      this.#holdTimer ??= setTimeout(() => {
        this.#holdTimer = undefined;
        this.#schedule();
      }, MAX_HOLD_MS - heldFor).unref();
      return;
    }
    this.#scheduled = true;
    // setImmediate runs after the poll phase: the I/O that arrived meanwhile goes first.
    setImmediate(() => {
      this.#scheduled = false;
      this.#jobs.shift()?.run();
      this.#schedule();
    });
  }
}
