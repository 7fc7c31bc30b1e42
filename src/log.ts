import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stderr (stdout carries only replies and JSON results). Fields named like a
 * secret are redacted, so a token passed in an object never reaches a log.
 *
 * @example const log = createLogger('info'); log.info({ files: 5 }, 'corpus read');
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: 'transcript-bot' },
      redact: { paths: ['token', '*.token', 'discordToken', '*.discordToken', 'authorization', '*.authorization'], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}
