import type { Queue } from 'bullmq';

/**
 * Waits for a condition, checking it every `intervalMs`. The ceiling only bounds a failure (a condition that
 * never comes): a success returns as soon as it is seen, so a busy machine makes the test slower, never red.
 * Never wait a fixed time for something to have happened; wait for it here.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  description: string,
  { timeoutMs = 120_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits for `check` to give a value (anything but undefined, null or false) and returns it: `waitUntil`
 * for a condition that carries what the test goes on with (a delivery, a report row…).
 */
export async function waitForValue<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  description: string,
  timeoutMs = WAIT_CEILING_MS,
): Promise<T> {
  let value: T | undefined | null | false;
  await waitUntil(
    async () => {
      value = await check();
      return value !== undefined && value !== null && value !== false;
    },
    description,
    { timeoutMs },
  );
  return value as T;
}

/**
 * The longest a test waits for a condition before it fails. It bounds a hang, never a success: on a machine
 * whose cores another job keeps busy a spawned worker may take minutes to compile and boot, and must pass.
 */
export const WAIT_CEILING_MS = 300_000;

/**
 * Waits until none of `queues` has a job waiting, delayed or running (the schedulers' own next runs aside),
 * three checks in a row: the chains of jobs that jobs enqueue have run out.
 */
export async function settleQueues(queues: readonly Queue[], timeoutMs = WAIT_CEILING_MS): Promise<void> {
  let busy: string[] = [];
  let quiet = 0;
  await waitUntil(
    async () => {
      busy = [];
      for (const q of queues) {
        const jobs = await q.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
        busy.push(...jobs.filter((j) => j && !String(j.id).startsWith('repeat:')).map((j) => `${q.name}/${j.id}`));
      }
      quiet = busy.length === 0 ? quiet + 1 : 0;
      return quiet >= 3;
    },
    `queues to settle (busy: ${busy.join(', ') || 'none yet'})`,
    { timeoutMs },
  ).catch(() => {
    throw new Error(`queues did not settle: ${busy.join(', ')}`);
  });
}
