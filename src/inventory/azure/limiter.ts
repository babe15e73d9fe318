// Counting semaphores that bound how many requests are in flight at once.

/** A first-in, first-out semaphore with a fixed number of slots. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`Limiter slots must be a positive integer, not \`${slots}\`.`);
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
    if (this.active < this.slots) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.active -= 1;
    else next(); // The slot passes straight to the next task.
  }
}

/**
 * Limiters keyed by a scope such as a subscription id or a vault URL, all under one
 * overall limiter. A task takes its scope's slot before the overall one, always in that
 * order, so no task holds an overall slot while it waits for its scope.
 */
export class ScopedLimiters {
  private readonly scopes = new Map<string, Limiter>();

  constructor(
    private readonly overall: Limiter,
    private readonly slotsPerScope: number,
  ) {}

  run<T>(scope: string, task: () => Promise<T>): Promise<T> {
    const key = scope.toLowerCase();
    let limiter = this.scopes.get(key);
    if (limiter === undefined) {
      limiter = new Limiter(this.slotsPerScope);
      this.scopes.set(key, limiter);
    }
    return limiter.run(() => this.overall.run(task));
  }
}
