import type { RetrievedPassage } from '../search/retriever.js';

/** One cited excerpt, as the console, `--json` and Discord all receive it. */
export interface ResultItem {
  readonly file: string;
  readonly line: number;
  /** The last line the excerpt's paragraph runs on to, when it spans lines. */
  readonly lineEnd?: number;
  readonly excerpt: string;
  /** Matched spans in `excerpt`, as UTF-16 offsets. */
  readonly marks: ReadonlyArray<readonly [number, number]>;
  /** Whether the excerpt starts after the start / ends before the end of its line. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  readonly title: string;
  readonly section: string | null;
  readonly speaker: string | null;
  readonly score: number;
  /** The same words elsewhere in the material. */
  readonly alsoAt: ReadonlyArray<{ readonly file: string; readonly line: number }>;
}

/** A passage as a cited result; `marks` are the matched spans of its excerpt (`Retriever.marks`). */
export function toResultItem(passage: RetrievedPassage, marks: ReadonlyArray<readonly [number, number]>): ResultItem {
  const { paragraph, transcript, excerpt } = passage;
  return {
    file: paragraph.file,
    line: paragraph.line,
    ...(paragraph.lineEnd === undefined ? {} : { lineEnd: paragraph.lineEnd }),
    excerpt: excerpt.text,
    marks,
    cutBefore: excerpt.start > 0,
    cutAfter: excerpt.end < paragraph.text.length,
    title: transcript.title,
    section: paragraph.section,
    speaker: paragraph.speaker,
    score: Number(passage.score.toFixed(4)),
    alsoAt: passage.duplicates.map((duplicate) => ({ file: duplicate.file, line: duplicate.line })),
  };
}
