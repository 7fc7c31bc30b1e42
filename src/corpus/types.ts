/**
 * The shapes a transcript takes once read: what a reader sees, with every piece pinned to its
 * source file and 1-based line so that any citation can be checked.
 */

import type { CastMember } from './speaker-aliases.js';

/** A sentence inside a paragraph; offsets are UTF-16 indices into the paragraph's original text. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Paragraph {
  /** Stable id, unique across the corpus: `${file}:${line}`. */
  readonly id: string;
  /** Seed file name (no directory), e.g. `001_x.txt`. */
  readonly file: string;
  /** 1-based line number in the source file. */
  readonly line: number;
  /** The last line, when a sentence runs on over the lines below (a two-line subtitle cue). */
  readonly lineEnd?: number;
  /**
   * The line as the user supplied it (BOM and line ending removed), for display and citations; the
   * lines up to `lineEnd` joined, when there are several.
   */
  readonly text: string;
  /** Heading of the section this paragraph belongs to, or null before the first heading. */
  readonly section: string | null;
  /** Sentences of `text`, in order, covering all of its non-blank content. */
  readonly sentences: readonly Sentence[];
  /** Canonical speaker name when known (filled by speaker attribution), else null. */
  speaker: string | null;
  /** How sure attribution is of `speaker`, 0..1; 0 while the speaker is unknown. */
  speakerConfidence: number;
  /** The rule that decided `speaker`, so a reader can see why; null while unknown. */
  speakerEvidence: SpeakerEvidence | null;
}

/** Why a paragraph was given its speaker (see `attribute-speakers.ts`). */
export type SpeakerEvidence =
  | 'label'
  | 'label-corrected'
  | 'addressed'
  | 'answers-host'
  | 'asks-guest'
  | 'alternation'
  | 'introduces-guests'
  | 'third-person'
  | 'self-description'
  | 'self-introduction'
  | 'quoted-by-narrator'
  | 'monologue'
  | 'voice';

/** What kind of line a source line turned out to be; everything but `content` stays out of the index. */
export type LineKind =
  | 'blank'
  | 'title'
  | 'metadata'
  | 'heading'
  | 'toc'
  | 'boilerplate'
  | 'duplicate'
  | 'content';

export interface SourceLine {
  readonly line: number;
  readonly text: string;
  readonly kind: LineKind;
}

export interface Transcript {
  readonly file: string;
  readonly title: string;
  /** Author or byline where stated, else null. */
  readonly author: string | null;
  /** Speakers named by the material itself (labels, introductions), in order of appearance. */
  readonly speakers: readonly string[];
  /** The people who speak in it, with the aliases the text gives them (filled by speaker attribution). */
  readonly cast: readonly CastMember[];
  /** Publication date as stated: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when the text gives none. */
  readonly date: string | null;
  /** Section headings in order (from a table of contents or from heading lines). */
  readonly sections: readonly string[];
  /** Every line of the file with its classification; `lines[i].line === i + 1`. */
  readonly lines: readonly SourceLine[];
  /** Indexed content, in file order. */
  readonly paragraphs: readonly Paragraph[];
}

/** A file that could not be read as a transcript, and why, in words a server owner understands. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Corpus {
  readonly transcripts: readonly Transcript[];
  readonly skipped: readonly SkippedFile[];
}
