/**
 * At most `limit` tasks at once, the others waiting in order (first come, first served) in a queue of at
 * most `maxQueued`; past that, `run` refuses at once with the error `full()` builds, instead of letting an
 * unbounded backlog of work (and of memory) build up behind a burst.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueued: number,
    private readonly full: () => Error,
  ) {
    if (limit < 1 || maxQueued < 0) throw new Error('Semaphore: limit must be at least 1 and maxQueued at least 0.');
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) return Promise.reject(this.full());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line (`active` unchanged), so that a newcomer arriving
    // between this release and the waiter's wake-up cannot overtake it.
    if (next) next();
    else this.active--;
  }
}
