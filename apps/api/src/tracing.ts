import { startTracing } from '@pilotis/shared/tracing';

/** Started before anything else is loaded (main.ts imports this first): see `startTracing`. */
export const tracing = startTracing('pilotis-api');
