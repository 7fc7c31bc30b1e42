import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/**
 * A debug-level pino logger whose lines are kept, parsed, for a test to look at.
 *
 * @example const { log, lines } = capturedLog(); … expect(lines.map((line) => line['msg'])).toContain('bot ready');
 */
export function capturedLog(): { readonly log: Logger; readonly lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) {
          const parsed: unknown = line === '' ? undefined : JSON.parse(line);
          if (typeof parsed === 'object' && parsed !== null) lines.push({ ...parsed });
        }
        done();
      },
    }),
  );
  return { log, lines };
}
