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

/** The longest a test waits for a condition before it fails: generous, for a machine shared with other work. */
export const WAIT_CEILING_MS = 120_000;
