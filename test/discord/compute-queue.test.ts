import { describe, expect, it } from 'vitest';
import { ComputeQueue } from '../../src/discord/compute-queue.js';

describe('ComputeQueue', () => {
  it('runs jobs in the order they came', async () => {
    const queue = new ComputeQueue();
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => queue.run(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('holds jobs until the interactions that arrived are acknowledged', async () => {
    const queue = new ComputeQueue();
    const release = queue.arrived();
    let ran = false;
    const job = queue.run(() => {
      ran = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    release();
    await job;
    expect(ran).toBe(true);
  });

  it('expects a queued job to wait for the jobs ahead of it, at the pace jobs have been running', async () => {
    let clock = 0;
    const queue = new ComputeQueue(() => clock);
    expect(queue.backlogMs()).toBe(0);
    const slowJob = (): void => {
      clock += 40;
    };
    for (let i = 0; i < 10; i += 1) await queue.run(slowJob);
    // Nothing queued: no wait, however slow the jobs have been.
    expect(queue.backlogMs()).toBe(0);

    const release = queue.arrived();
    const waiting = [queue.run(slowJob), queue.run(slowJob)];
    // Two jobs ahead, each near the 40 ms the last jobs took.
    expect(queue.backlogMs()).toBeGreaterThan(2 * 30);
    expect(queue.backlogMs()).toBeLessThanOrEqual(2 * 40);
    release();
    await Promise.all(waiting);
    expect(queue.backlogMs()).toBe(0);
  });
});
