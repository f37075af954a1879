// Worker pacing for the tests: a fast outbox relay, short retry delays and short job locks (a killed
// worker's job is taken over in seconds, not the production half-minute). Read at module load.
process.env.OUTBOX_RELAY_MS ??= '200';
process.env.JOB_BACKOFF_MS ??= '100';
process.env.WORKER_LOCK_MS ??= '4000';
// Five webhook attempts (100, 200, 400, 800 ms apart): enough to fail three times then succeed.
process.env.WEBHOOK_ATTEMPTS ??= '5';
