// The registry lives in @pilotis/jobs (the API enqueues too); re-exported for the worker's own files.
export * from '@pilotis/jobs';
