import { Semaphore } from './semaphore';

/** A task that runs until the test settles it: no timers, the test decides when each one ends. */
function gate<T = string>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const full = () => new Error('full');

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, and starts the waiting ones in arrival order', async () => {
    const s = new Semaphore(2, 10, full);
    const gates = [gate(), gate(), gate(), gate(), gate()];
    const began = gates.map(() => gate<void>());
    const started: number[] = [];
    // Outcomes are collected as they come, so that the failing task is never an unhandled rejection.
    const outcomes = gates.map((g, i) =>
      s
        .run(() => {
          started.push(i);
          began[i].open();
          return g.promise;
        })
        .catch((error: Error) => `failed: ${error.message}`),
    );
    await Promise.all([began[0].promise, began[1].promise]);
    expect(started).toEqual([0, 1]);
    expect([s.running, s.queued]).toEqual([2, 3]);

    gates[1].open('b');
    await began[2].promise;
    expect(started).toEqual([0, 1, 2]);
    expect([s.running, s.queued]).toEqual([2, 2]);

    // A failing task frees its slot too.
    gates[0].fail(new Error('boom'));
    await began[3].promise;
    expect(started).toEqual([0, 1, 2, 3]);
    expect([s.running, s.queued]).toEqual([2, 1]);

    gates[2].open('c');
    await began[4].promise;
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3].open('d');
    gates[4].open('e');
    expect(await Promise.all(outcomes)).toEqual(['failed: boom', 'b', 'c', 'd', 'e']);
    expect([s.running, s.queued]).toEqual([0, 0]);
  });

  it('refuses at once, with its error, a task arriving when the queue is full, and accepts again once there is room', async () => {
    const s = new Semaphore(1, 2, full);
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => s.run(() => g.promise));
    let ran = false;
    await expect(
      s.run(async () => {
        ran = true;
        return 'never';
      }),
    ).rejects.toThrow('full');
    expect(ran).toBe(false);
    expect([s.running, s.queued]).toEqual([1, 2]);

    gates[0].open('a');
    await runs[0];
    expect([s.running, s.queued]).toEqual([1, 1]);
    const late = gate();
    const lateRun = s.run(() => late.promise);
    expect(s.queued).toBe(2);

    gates[1].open('b');
    gates[2].open('c');
    late.open('late');
    expect(await Promise.all([...runs, lateRun])).toEqual(['a', 'b', 'c', 'late']);
    expect([s.running, s.queued]).toEqual([0, 0]);
  });

  it('does not let a newcomer overtake a waiter woken by a release', async () => {
    const s = new Semaphore(1, 5, full);
    const first = gate();
    const order: string[] = [];
    const a = s.run(() => first.promise);
    const b = s.run(async () => {
      order.push('waiter');
    });
    first.open('a');
    // Arrives after the release was decided but before the waiter had a chance to run.
    const c = s.run(async () => {
      order.push('newcomer');
    });
    await Promise.all([a, b, c]);
    expect(order).toEqual(['waiter', 'newcomer']);
  });

  it('with no queue, refuses anything beyond the running tasks', async () => {
    const s = new Semaphore(1, 0, full);
    const g = gate();
    const running = s.run(() => g.promise);
    await expect(s.run(async () => 'x')).rejects.toThrow('full');
    g.open('ok');
    await expect(running).resolves.toBe('ok');
    await expect(s.run(async () => 'again')).resolves.toBe('again');
  });
});
