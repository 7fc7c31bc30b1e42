/**
 * The seed directory → a corpus. A bad file is reported by name and reason and skipped; only a
 * directory that cannot be read at all stops start-up.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus, SkippedFile, Transcript } from './types.js';
import { attributeSpeakers } from './attribute-speakers.js';
import { decodeSeed } from './decode-seed.js';
import { parseTranscript } from './parse-transcript.js';

/** Seed files are plain text or markdown; anything else in the directory is not a transcript. */
const SEED_FILE = /\.(?:txt|md)$/iu;

const DIRECTORY_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'it is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

export type SkipLog = (event: SkippedFile) => void;

/**
 * Read every `.txt` and `.md` file directly in `dir`, in name order. Each file that cannot be used
 * is passed to `log` once and listed in `skipped`; the others are parsed.
 *
 * @example const corpus = await readCorpus('seeds', (e) => logger.warn(e, 'seed skipped'));
 */
export async function readCorpus(dir: string, log: SkipLog): Promise<Corpus> {
  const names = await seedFileNames(dir);
  const transcripts: Transcript[] = [];
  const skipped: SkippedFile[] = [];
  const skip = (file: string, reason: string): void => {
    skipped.push({ file, reason });
    log({ file, reason });
  };
  for (const file of names) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, file));
    } catch (error) {
      skip(file, `cannot read file (${errorCode(error)})`);
      continue;
    }
    const decoded = decodeSeed(bytes);
    if (!decoded.ok) {
      skip(file, decoded.reason);
      continue;
    }
    const transcript = parseTranscript(file, decoded.text);
    if (transcript.paragraphs.length === 0) {
      skip(file, 'no transcript text (only a title, metadata or boilerplate)');
      continue;
    }
    transcripts.push(attributeSpeakers(transcript));
  }
  return { transcripts, skipped };
}

async function seedFileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Sorted by code unit, not locale, so the order is the same on every machine.
    return entries
      .filter((entry) => !entry.isDirectory() && SEED_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const code = errorCode(error);
    throw new Error(`cannot read the seed directory ${dir}: ${DIRECTORY_PROBLEMS[code] ?? code}`, { cause: error });
  }
}

/** The system error code (`ENOENT`, `EACCES`) when there is one: short, and stable across locales. */
function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
