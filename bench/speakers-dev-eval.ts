/**
 * Speaker attribution and /quote on the development samples (test/fixtures/speakers-dev.jsonl,
 * quote-dev.jsonl). Attribution is read through `source`, the data /source shows, so what is
 * measured is what a user sees.
 */
import type { AppState } from '../src/boot.js';
import { sameSpeaker } from '../src/corpus/speaker-aliases.js';
import { quote } from '../src/features/quote.js';
import { source } from '../src/features/source.js';

export interface SpeakerRow {
  readonly file: string;
  readonly line: number;
  /** What a careful reader works out; null where a reader cannot tell (or nobody speaks). */
  readonly speaker: string | null;
}

export interface CheckedSpeakerRow extends SpeakerRow {
  readonly got: string | null;
  readonly confidence: number;
  /** The rule that named the speaker shown (`label`, `addressed`, …), null when none is shown. */
  readonly evidence: string | null;
  readonly ok: boolean;
}

export interface QuoteRow {
  readonly id: string;
  readonly speaker: string;
  readonly topic: string | null;
  readonly acceptable: ReadonlyArray<{ readonly file: string; readonly line: number }>;
}

export interface SpeakerReport {
  readonly rows: readonly CheckedSpeakerRow[];
  /** Lines whose shown speaker is right (a name matching the reader's, or unknown where the reader says unknown). */
  readonly accuracy: number;
  /** Among lines shown with a speaker, the share with the right one. */
  readonly precision: number;
  /** Among lines a reader can attribute, the share shown with some speaker. */
  readonly coverage: number;
  readonly wrong: number;
}

export interface QuoteReport {
  readonly rows: ReadonlyArray<QuoteRow & { readonly got: readonly string[]; readonly ok: boolean }>;
  readonly hitAt5: number;
}

function record(line: string): Record<string, unknown> {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object: ${line.slice(0, 80)}`);
  return Object.fromEntries(Object.entries(value));
}

/** A speakers-dev row: `{ file, line, speaker|null }`. */
export function parseSpeakerRow(line: string): SpeakerRow {
  const row = record(line);
  if (typeof row.file !== 'string' || typeof row.line !== 'number' || !(typeof row.speaker === 'string' || row.speaker === null)) throw new Error(`bad row: ${line.slice(0, 80)}`);
  return { file: row.file, line: row.line, speaker: row.speaker };
}

/** A quote-dev row: `{ id, speaker, topic|null, acceptable: [{ file, line }] }`. */
export function parseQuoteRow(line: string): QuoteRow {
  const row = record(line);
  const acceptable = Array.isArray(row.acceptable) ? row.acceptable : [];
  if (typeof row.id !== 'string' || typeof row.speaker !== 'string') throw new Error(`bad row: ${line.slice(0, 80)}`);
  return {
    id: row.id,
    speaker: row.speaker,
    topic: typeof row.topic === 'string' ? row.topic : null,
    acceptable: acceptable.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { file, line: at } = Object.fromEntries(Object.entries(entry));
      return typeof file === 'string' && typeof at === 'number' ? [{ file, line: at }] : [];
    }),
  };
}

/**
 * Attribution on labelled lines, through `/source`.
 *
 * @example evaluateSpeakers(state, rows).accuracy
 */
export function evaluateSpeakers(state: AppState, rows: readonly SpeakerRow[]): SpeakerReport {
  const paragraphs = new Map(state.corpus.transcripts.flatMap((transcript) => transcript.paragraphs).map((paragraph) => [`${paragraph.file}:${paragraph.line}`, paragraph]));
  const checked = rows.map((row) => {
    const shown = source(state, { file: row.file, line: row.line, context: 0 });
    const got = shown.speaker;
    const ok = row.speaker === null ? got === null : got !== null && sameSpeaker(got, row.speaker);
    const evidence = got === null ? null : (paragraphs.get(`${row.file}:${row.line}`)?.speakerEvidence ?? null);
    return { ...row, got, confidence: shown.speakerConfidence ?? 0, evidence, ok };
  });
  const shown = checked.filter((row) => row.got !== null);
  const attributable = checked.filter((row) => row.speaker !== null);
  return {
    rows: checked,
    accuracy: share(checked.filter((row) => row.ok).length, checked.length),
    precision: share(shown.filter((row) => row.ok).length, shown.length),
    coverage: share(attributable.filter((row) => row.got !== null).length, attributable.length),
    wrong: shown.filter((row) => !row.ok).length,
  };
}

/**
 * /quote look-ups: a hit when any of the top five quotes is an acceptable line.
 *
 * @example evaluateQuotes(state, rows).hitAt5
 */
export function evaluateQuotes(state: AppState, rows: readonly QuoteRow[]): QuoteReport {
  const checked = rows.map((row) => {
    let got: string[] = [];
    try {
      got = quote(state, { speaker: row.speaker, topic: row.topic ?? undefined, limit: 5 }).results.map((item) => `${item.file}:${item.line}`);
    } catch {
      got = ['(error)'];
    }
    const ok = got.some((at) => row.acceptable.some((entry) => `${entry.file}:${entry.line}` === at));
    return { ...row, got, ok };
  });
  return { rows: checked, hitAt5: share(checked.filter((row) => row.ok).length, checked.length) };
}

/**
 * Right names among the lines shown with a speaker, by the confidence shown: whether a confidence
 * means what it says. `[0.9,1] 40/42 · [0.7,0.9) 10/14 · …`
 */
export function calibration(rows: readonly CheckedSpeakerRow[]): string {
  const edges = [0.9, 0.7, 0.5, 0];
  return edges
    .map((low, i) => {
      const high = i === 0 ? 1.0001 : (edges[i - 1] ?? 1);
      const inBand = rows.filter((row) => row.got !== null && row.confidence >= low && row.confidence < high);
      return `[${low},${i === 0 ? '1]' : `${high})`} ${inBand.filter((row) => row.ok).length}/${inBand.length}`;
    })
    .join(' · ');
}

/**
 * Right names among the lines shown with a speaker, by the rule that named them: which rule a
 * wrong name comes from, without reading the rows. `addressed 12/12 · third-person 3/4 · …`
 */
export function byEvidence(rows: readonly CheckedSpeakerRow[]): string {
  const tally = new Map<string, { right: number; shown: number }>();
  for (const row of rows) {
    if (row.got === null) continue;
    const key = row.evidence ?? '(none)';
    const entry = tally.get(key) ?? { right: 0, shown: 0 };
    tally.set(key, { right: entry.right + (row.ok ? 1 : 0), shown: entry.shown + 1 });
  }
  return [...tally].sort((a, b) => b[1].shown - a[1].shown).map(([key, { right, shown }]) => `${key} ${right}/${shown}`).join(' · ') || '-';
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : Number((count / total).toFixed(3));
}
