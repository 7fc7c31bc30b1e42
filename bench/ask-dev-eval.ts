import type { AppState } from '../src/boot.js';
import { ask } from '../src/features/ask.js';

export interface DevQuestion {
  readonly id: string;
  readonly question: string;
  readonly lang: string;
  readonly kind: string;
  readonly gold: ReadonlyArray<{ readonly file: string; readonly line: number }>;
  /** For an English question: the id of the Japanese question it mirrors. */
  readonly twin: string | null;
}

export function parseDevQuestion(line: string): DevQuestion {
  const row: unknown = JSON.parse(line);
  if (typeof row !== 'object' || row === null) throw new Error(`bad dev row: ${line}`);
  const { id, question, lang, kind, gold, twin } = row as Record<string, unknown>;
  if (typeof id !== 'string' || typeof question !== 'string' || typeof kind !== 'string' || !Array.isArray(gold)) {
    throw new Error(`bad dev row: ${line}`);
  }
  return {
    id,
    question,
    lang: typeof lang === 'string' ? lang : 'ja',
    kind,
    twin: typeof twin === 'string' ? twin : null,
    gold: gold.map((entry: unknown) => {
      const { file, line: goldLine } = (entry ?? {}) as Record<string, unknown>;
      if (typeof file !== 'string' || typeof goldLine !== 'number') throw new Error(`bad gold in ${id}`);
      return { file, line: goldLine };
    }),
  };
}

export interface DevRow {
  readonly id: string;
  readonly kind: string;
  readonly lang: string;
  readonly question: string;
  readonly ok: boolean;
  readonly answered: boolean;
  readonly got: readonly string[];
  readonly twin: string | null;
}

export interface DevReport {
  readonly rows: readonly DevRow[];
  /** `hit@3 <group>` → "0.85 (17/20)"; `declined unanswerable` → share of unanswerable rows with answered false. */
  readonly summary: Readonly<Record<string, string>>;
  readonly hitAt3: { readonly ja: number; readonly en: number; readonly all: number; readonly declined: number };
}

/**
 * Run every development question through /ask. An answerable row counts when a gold line is in the
 * top 3 (or merged into one of them); an unanswerable row counts when /ask says it has no answer.
 */
export function evaluateAskDev(state: AppState, questions: readonly DevQuestion[]): DevReport {
  const rows: DevRow[] = questions.map((question) => {
    const result = ask(state, { question: question.question, limit: 3 });
    const cited = result.results.flatMap((item) => [`${item.file}:${item.line}`, ...item.alsoAt.map((at) => `${at.file}:${at.line}`)]);
    const ok = question.gold.length === 0
      ? !result.answered
      : question.gold.some((gold) => cited.includes(`${gold.file}:${gold.line}`));
    return { id: question.id, kind: question.kind, lang: question.lang, question: question.question, ok, answered: result.answered, got: cited.slice(0, 3), twin: question.twin };
  });
  const share = (subset: readonly DevRow[]): { rate: number; text: string } => {
    const hits = subset.filter((row) => row.ok).length;
    const rate = subset.length === 0 ? 0 : hits / subset.length;
    return { rate, text: `${rate.toFixed(3)} (${hits}/${subset.length})` };
  };
  const answerable = rows.filter((row) => row.kind !== 'unanswerable');
  const summary: Record<string, string> = {};
  summary['hit@3 all answerable'] = share(answerable).text;
  summary['hit@3 ja'] = share(answerable.filter((row) => row.lang === 'ja')).text;
  summary['hit@3 en'] = share(answerable.filter((row) => row.lang === 'en')).text;
  for (const kind of [...new Set(answerable.map((row) => row.kind))].sort()) {
    summary[`hit@3 ${kind}`] = share(answerable.filter((row) => row.kind === kind)).text;
  }
  // English questions beside the Japanese questions they mirror: the lexicon's job is to close the gap.
  const twinned = answerable.filter((row) => row.lang === 'en' && row.twin !== null);
  const twins = twinned.flatMap((row) => rows.filter((other) => other.id === row.twin));
  summary['hit@3 en (twinned)'] = share(twinned).text;
  summary['hit@3 ja twins of those'] = share(twins).text;
  const unanswerable = rows.filter((row) => row.kind === 'unanswerable');
  summary['declined unanswerable'] = share(unanswerable).text;
  // The other side of declining: answerable questions wrongly told "the material does not say".
  const answeredRows = answerable.filter((row) => row.answered).length;
  summary['answered, of answerable'] = `${(answeredRows / Math.max(1, answerable.length)).toFixed(3)} (${answeredRows}/${answerable.length})`;
  // Answering is only good when the answer is there: answered rows without a gold line in the top 3 mislead.
  const answeredWrong = answerable.filter((row) => row.answered && !row.ok).length;
  summary['answered without a gold line in the top 3'] = `${answeredWrong} of ${answeredRows}`;
  return {
    rows,
    summary,
    hitAt3: {
      ja: share(answerable.filter((row) => row.lang === 'ja')).rate,
      en: share(answerable.filter((row) => row.lang === 'en')).rate,
      all: share(answerable).rate,
      declined: share(unanswerable).rate,
    },
  };
}
