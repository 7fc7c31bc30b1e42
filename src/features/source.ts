import type { LineKind } from '../corpus/types.js';
import type { Retriever } from '../search/retriever.js';
import { UserError } from './user-error.js';

export interface SourceOptions {
  readonly file: string;
  readonly line: number;
  /** Lines shown on each side of the cited one. */
  readonly context: number;
}

export interface SourceLineView {
  readonly line: number;
  readonly text: string;
  readonly kind: LineKind;
  readonly cited: boolean;
}

export interface SourceResult {
  readonly command: 'source';
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly section: string | null;
  readonly speaker: string | null;
  /** How sure attribution is of `speaker`, 0..1 (0 when unknown); below 0.8 it is shown as inferred. */
  readonly speakerConfidence: number;
  readonly lineCount: number;
  readonly lines: readonly SourceLineView[];
}

export const DEFAULT_SOURCE_CONTEXT = 2;

/**
 * A cited line with the lines around it, its section and speaker: what a student opens to check a
 * citation. `file` may be the full name or an unambiguous prefix (`001` for `001_talk.txt`).
 *
 * @example source({ retriever }, { file: '001_talk.txt', line: 12, context: 2 })
 */
export function source(deps: { readonly retriever: Retriever }, options: SourceOptions): SourceResult {
  const files = deps.retriever.corpus.transcripts.map((transcript) => transcript.file);
  const wanted = options.file.trim();
  const matches = files.filter((file) => file === wanted || (wanted !== '' && file.startsWith(wanted)));
  const file = matches.includes(wanted) ? wanted : matches.length === 1 ? matches[0] : undefined;
  const transcript = file === undefined ? null : deps.retriever.transcript(file);
  if (transcript === null) throw new UserError('unknown_file', { file: wanted, known: files.join(', ') });
  const lineCount = transcript.lines.length;
  if (!Number.isInteger(options.line) || options.line < 1 || options.line > lineCount) {
    throw new UserError('line_out_of_range', { file: transcript.file, line: options.line, max: lineCount });
  }
  const from = Math.max(1, options.line - options.context);
  const to = Math.min(lineCount, options.line + options.context);
  const cited = deps.retriever.paragraphAt(transcript.file, options.line)?.paragraph ?? null;
  const section = cited?.section ?? sectionBefore(transcript.paragraphs, options.line);
  return {
    command: 'source',
    file: transcript.file,
    line: options.line,
    title: transcript.title,
    section,
    speaker: cited?.speaker ?? null,
    speakerConfidence: cited?.speakerConfidence ?? 0,
    lineCount,
    lines: transcript.lines.slice(from - 1, to).map((line) => ({
      line: line.line,
      text: line.text,
      kind: line.kind,
      cited: cited === null ? line.line === options.line : line.line >= cited.line && line.line <= (cited.lineEnd ?? cited.line),
    })),
  };
}

/** The section in force at a line that is not itself a paragraph (a heading, a blank line). */
function sectionBefore(paragraphs: ReadonlyArray<{ readonly line: number; readonly section: string | null }>, line: number): string | null {
  let section: string | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.line > line) break;
    section = paragraph.section;
  }
  return section;
}
