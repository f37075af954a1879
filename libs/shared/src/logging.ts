import type { Writable } from 'node:stream';

import type { LogLevel } from '@nestjs/common';
import type { Level, LoggerOptions } from 'pino';

/** The redaction of logged objects: paths always masked, plus those of LOG_REDACT. */
export const ALWAYS_REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.email',
];

/**
 * Text patterns masked in every message, whatever logged it (a library's error text, an SMTP answer…):
 * e-mail addresses (personal data), bearer tokens and JWTs (sessions), and the one-time secrets of
 * Pilotis' links and API keys (`<id>.<base64url secret>`, `pk_…`).
 */
const MASKS: readonly [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[jwt redacted]'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{20,}/gi, '[token redacted]'],
  [/\bpk_[A-Za-z0-9_-]{16,}/g, '[api key redacted]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email redacted]'],
];

export function maskSecrets(text: string): string {
  return MASKS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}

export interface LoggingOptions {
  level: Level | 'silent';
  /** Further paths to redact (LOG_REDACT), pino's syntax: `body.iban`, `*.telephone`. */
  redact: readonly string[];
  /** Where lines go (standard output when absent): tests read them. */
  stream?: Writable;
}

/** pino's options for a process of Pilotis (`service`: api or worker): JSON lines, masked. */
export function pinoOptions({ level, redact }: LoggingOptions, service: 'api' | 'worker'): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: { paths: [...ALWAYS_REDACTED, ...redact], censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      // Messages are masked here, structured fields by `redact`.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskSecrets(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

/** Nest's list of levels as pino's threshold: the least severe one named. */
export function pinoLevel(levels: LogLevel[] | false | undefined, configured: LoggingOptions['level']): LoggingOptions['level'] {
  if (levels === undefined) return configured;
  if (levels === false || levels.length === 0) return 'silent';
  for (const [nest, pino] of [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ] as const) {
    if (levels.includes(nest)) return pino;
  }
  return 'silent';
}
