import type { IndexedDocument } from '../src/search/lexical-index.js';

export interface BenchQuery {
  readonly id: string;
  readonly question: string;
  readonly positives: readonly string[];
  readonly bigramOverlap: number | null;
}

function record(line: string): Record<string, unknown> {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object: ${line.slice(0, 80)}`);
  return Object.fromEntries(Object.entries(value));
}

function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`missing "${key}" in ${JSON.stringify(row).slice(0, 80)}`);
}

/** A `passages.jsonl` row: `{ id, title, text }`. */
export function parseBenchPassage(line: string): IndexedDocument {
  const row = record(line);
  return { id: text(row, 'id'), title: typeof row.title === 'string' ? row.title : '', text: text(row, 'text') };
}

/** A `queries.jsonl` row: `{ id, question, positive_passage_ids, bigram_overlap? }`. */
export function parseBenchQuery(line: string): BenchQuery {
  const row = record(line);
  const positives = row.positive_passage_ids;
  const overlap = row.bigram_overlap;
  return {
    id: text(row, 'id'),
    question: text(row, 'question'),
    positives: Array.isArray(positives) ? positives.map((p) => String(p)) : [],
    bigramOverlap: typeof overlap === 'number' ? overlap : null,
  };
}

/** A review probe (`test/fixtures/reviews/<review>/questions.jsonl`): a command, its options and the lines expected. */
export interface ReviewProbe {
  readonly id: string;
  readonly cmd: string;
  readonly opts: Readonly<Record<string, string | number>>;
  /** `file:line`s written before the first run; empty when the material should not answer; null when free text. */
  readonly expect: readonly string[] | null;
}

/** A `questions.jsonl` row of a review: `{ id, cmd, opts, expect }`. */
export function parseReviewProbe(line: string): ReviewProbe {
  const row = record(line);
  const opts = row.opts;
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw new Error(`missing "opts" in ${line.slice(0, 80)}`);
  const options = Object.fromEntries(Object.entries(opts).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
  const expected = row.expect;
  return {
    id: text(row, 'id'),
    cmd: text(row, 'cmd'),
    opts: options,
    expect: Array.isArray(expected) ? expected.map((item) => String(item)) : null,
  };
}
