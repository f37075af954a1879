import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for deadlines, reminders and reports. Production reads the system clock; tests
 * move time (`set`, `advance`) instead of sleeping, and a spawned process can be started at a fixed
 * instant with PILOTIS_NOW (see loadConfig).
 */
@Injectable()
export class Clock {
  private fixed: number | null;
  private offsetMs = 0;

  constructor(fixedNow?: Date | null) {
    this.fixed = fixedNow ? fixedNow.getTime() : null;
  }

  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offsetMs);
  }

  /** Freezes time at `instant`. */
  set(instant: Date | string): void {
    this.fixed = new Date(instant).getTime();
    this.offsetMs = 0;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the system clock. */
  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}
