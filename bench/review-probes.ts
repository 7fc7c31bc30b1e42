/**
 * The black-box reviews' probes (`test/fixtures/reviews/<review>/`), read for the benchmarks that
 * score them: bench:reviews, and bench:answered, which learns from them when /ask should say it
 * has an answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReviewProbe, type ReviewProbe } from './jsonl.js';

export type Probe = ReviewProbe & { readonly expect: readonly string[] };

export interface Cited {
  readonly file?: string;
  readonly line?: number;
  readonly lineEnd?: number;
}

export const REVIEWS = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reviews');

/**
 * A folder holding this file is a held-out review: scored once, on purpose, with `--dir`, and never
 * read by a benchmark that runs over every review (nothing may be tuned on it).
 */
export const HELD_OUT_MARK = 'HELD-OUT';

/** A review's probes, or null when its expectations are free text (reviews 4–6) rather than lists of lines. */
function readProbes(file: string): Probe[] | null {
  const probes = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseReviewProbe);
  return probes.every((probe): probe is Probe => probe.expect !== null) ? probes : null;
}

/**
 * The review folders to score with their probes: the one asked for, or every folder whose probes
 * carry lists of lines, held-out folders left out. Reviews 4 and 5 wrote their expectations as free
 * text; their /ask probes with the lines read out of it are `expected-lines.jsonl`, read in its place.
 */
export function reviewFolders(dir?: string): Array<{ readonly dir: string; readonly probes: readonly Probe[] }> {
  const dirs = dir !== undefined ? [path.resolve(dir)] : readdirSync(REVIEWS).map((name) => path.join(REVIEWS, name)).filter((folder) => !existsSync(path.join(folder, HELD_OUT_MARK)));
  return dirs.flatMap((folder) => {
    const lines = path.join(folder, 'expected-lines.jsonl');
    const file = existsSync(lines) ? lines : path.join(folder, 'questions.jsonl');
    const probes = existsSync(file) ? readProbes(file) : null;
    if (probes === null && dir !== undefined) throw new Error(`${folder}: no questions.jsonl with lists of file:line to score`);
    return probes === null ? [] : [{ dir: folder, probes }];
  });
}

/** Whether a cited result's lines cover one of the expected `file:line`s. */
export function covers(result: Cited, expected: readonly string[]): boolean {
  if (result.file === undefined || result.line === undefined) return false;
  for (let line = result.line; line <= (result.lineEnd ?? result.line); line += 1) {
    if (expected.includes(`${result.file}:${line}`)) return true;
  }
  return false;
}
