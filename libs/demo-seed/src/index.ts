// The public surface of @pilotis/demo-seed: only what other projects import. Everything else in src/ is internal.

// Used by tests, platform scripts and benchmarks only.
export { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed-demo';
