// Counting semaphores that bound how many requests are in flight at once.

/**
 * A semaphore with a fixed number of slots, whose waiters queue in lanes. A freed slot goes
 * to the next lane in turn that has a waiter, first in, first out within a lane, so one
 * kind of request (such as hundreds of data-plane calls) cannot starve another (ARM).
 */
export class Limiter {
  private active = 0;
  private readonly lanes = new Map<string, (() => void)[]>();
  private lastLane = -1;

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`Limiter slots must be a positive integer, not \`${slots}\`.`);
  }

  async run<T>(task: () => Promise<T>, lane = ""): Promise<T> {
    await this.acquire(lane);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(lane: string): Promise<void> {
    if (this.active < this.slots) {
      this.active += 1;
      return Promise.resolve();
    }
    let queue = this.lanes.get(lane);
    if (queue === undefined) {
      queue = [];
      this.lanes.set(lane, queue);
    }
    const waiting = queue;
    return new Promise((resolve) => waiting.push(resolve));
  }

  private release(): void {
    const queues = [...this.lanes.values()];
    for (let step = 1; step <= queues.length; step += 1) {
      const index = (this.lastLane + step) % queues.length;
      const next = queues[index]?.shift();
      if (next !== undefined) {
        this.lastLane = index;
        next(); // The slot passes straight to the next task.
        return;
      }
    }
    this.active -= 1;
  }
}

/**
 * Limiters keyed by a scope such as a subscription id or a vault URL, all under one
 * overall limiter in which they share one lane. A task takes its scope's slot before the
 * overall one, always in that order, so no task keeps an overall slot while it waits for
 * its scope.
 */
export class ScopedLimiters {
  private readonly scopes = new Map<string, Limiter>();

  constructor(
    private readonly overall: Limiter,
    private readonly slotsPerScope: number,
    private readonly lane: string,
  ) {}

  run<T>(scope: string, task: () => Promise<T>): Promise<T> {
    const key = scope.toLowerCase();
    let limiter = this.scopes.get(key);
    if (limiter === undefined) {
      limiter = new Limiter(this.slotsPerScope);
      this.scopes.set(key, limiter);
    }
    return limiter.run(() => this.overall.run(task, this.lane));
  }
}
