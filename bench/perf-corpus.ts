/**
 * A scaled copy of the seed corpus for bench/perf.ts: `factor` copies of every seed transcript under
 * distinct file names. Copy 0 is the file as read; in copies 1…n-1 every line the parser indexes as
 * content gets a copy marker (` c17`) before each 、 and 。 and before its closing punctuation, so
 * that no paragraph — and no clause, the unit kuromoji tokenizes — is identical to one in another
 * copy: the retriever merges identical paragraphs into one result (a naive copy would be
 * unrealistically cheap to query), and a tokenization cache must not get a free ride either.
 * Titles, headings, metadata and boilerplate keep their shape, so the parse is the same. Optionally the JSQuAD
 * distractor passages are added as extra transcripts (one file per article title) for a wider
 * vocabulary than repetition gives.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from '../src/corpus/types.js';
import { parseBenchPassage } from './jsonl.js';

export interface WrittenCorpus {
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
}

const TRAILING_PUNCTUATION = /[\s。.!?!?」』)）…‥:：、,]*$/u;

/** `まず、…である。` → `まず c17、…である c17。`: a distinct Latin token per copy in every clause. */
export function markLine(line: string, copy: number): string {
  const tag = ` c${copy}`;
  const tail = TRAILING_PUNCTUATION.exec(line)?.[0] ?? '';
  const body = line.slice(0, line.length - tail.length).replace(/(?=[、。])/gu, tag);
  return `${body}${tag}${tail}`;
}

/**
 * Write `factor` marked copies of every transcript in `corpus` to `dir` (created if needed).
 *
 * @example await writeScaledCorpus(corpus, '/tmp/x10', 10)
 */
export async function writeScaledCorpus(corpus: Corpus, dir: string, factor: number, distractors?: string): Promise<WrittenCorpus> {
  await mkdir(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = async (name: string, text: string): Promise<void> => {
    await writeFile(join(dir, name), text);
    files += 1;
    bytes += Buffer.byteLength(text);
  };
  const width = String(Math.max(1, factor - 1)).length;
  for (const transcript of corpus.transcripts) {
    const stem = transcript.file.replace(/\.[^.]+$/u, '');
    const extension = transcript.file.slice(stem.length) || '.txt';
    for (let copy = 0; copy < factor; copy += 1) {
      const text = transcript.lines
        .map((line) => (copy > 0 && line.kind === 'content' ? markLine(line.text, copy) : line.text))
        .join('\n');
      await write(`${stem}~${String(copy).padStart(width, '0')}${extension}`, `${text}\n`);
    }
  }
  if (distractors !== undefined) {
    const byTitle = new Map<string, string[]>();
    for (const line of (await readFile(distractors, 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      const passage = parseBenchPassage(line);
      const texts = byTitle.get(passage.title) ?? [];
      texts.push(passage.text.replace(/\s*\n\s*/gu, ' '));
      byTitle.set(passage.title, texts);
    }
    let n = 0;
    for (const [title, texts] of byTitle) {
      await write(`zz_distractor_${String(n).padStart(5, '0')}.txt`, `${title}\n\n${texts.join('\n\n')}\n`);
      n += 1;
    }
  }
  return { dir, files, bytes };
}
