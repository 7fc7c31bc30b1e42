import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/corpus/boilerplate.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import type { Corpus, Transcript } from '../../src/corpus/types.js';

/** The real seeds the user supplied: the parser must hold on them, though its rules know none of them. */
const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));

describe('readCorpus over the real seeds', () => {
  let corpus: Corpus;
  const sources = new Map<string, string[]>();
  const byPrefix = (prefix: string): Transcript => {
    const transcript = corpus.transcripts.find((t) => t.file.startsWith(prefix));
    if (transcript === undefined) throw new Error(`no seed starting with ${prefix}`);
    return transcript;
  };

  beforeAll(async () => {
    corpus = await readCorpus(SEEDS, () => undefined);
    for (const transcript of corpus.transcripts) {
      const text = await readFile(join(SEEDS, transcript.file), 'utf8');
      sources.set(transcript.file, text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u));
    }
  });

  it('loads every seed', () => {
    expect(corpus.skipped).toEqual([]);
    expect(corpus.transcripts).toHaveLength(5);
  });

  it('gives every paragraph the exact text of the source line it cites', () => {
    for (const transcript of corpus.transcripts) {
      const source = sources.get(transcript.file) ?? [];
      for (const paragraph of transcript.paragraphs) {
        expect(paragraph.id).toBe(`${transcript.file}:${paragraph.line}`);
        expect(paragraph.text).toBe(source[paragraph.line - 1]);
      }
      transcript.lines.forEach((line, i) => expect(line.line).toBe(i + 1));
    }
  });

  it('slices every sentence out of its paragraph and produces no empty ones', () => {
    for (const transcript of corpus.transcripts) {
      for (const paragraph of transcript.paragraphs) {
        expect(paragraph.sentences.length).toBeGreaterThan(0);
        for (const sentence of paragraph.sentences) {
          expect(sentence.text.trim()).not.toBe('');
          expect(paragraph.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        }
      }
    }
  });

  it('indexes no boilerplate line and no line twice', () => {
    for (const transcript of corpus.transcripts) {
      const texts = transcript.paragraphs.map((paragraph) => paragraph.text.replace(/^- /u, ''));
      expect(new Set(texts).size).toBe(texts.length);
      for (const paragraph of transcript.paragraphs) expect(isBoilerplate(paragraph.text)).toBe(false);
    }
  });

  it.each([
    // Kansai narration: a title, a character count and a support prompt, no byline.
    ['000_', { title: 'マイクロソフトが人工知能開発のために全力を注ぐ', author: null, date: null, speakers: [] }],
    // Interview: the title names both speakers and ends with the date.
    ['001_', { title: 'イリヤ・サツキーバーとジェンセン・ファンとの炉辺談話 - 現在のAIと未来のビジョン 2023年3月', author: null, date: '2023-03', speakers: ['イリヤ・サツキーバー', 'ジェンセン・ファン'] }],
    // Article: a dotted date and an "Updated by" byline, both repeated.
    ['002_', { title: 'フルスタックAIユーザーとAI社員で人間の仕事で残るのは社長くらいしかない', author: 'Ryo Shimizu', date: '2024-12-15', speakers: [] }],
    // Summarised talk: "By … · date".
    ['003_', { title: 'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの', author: 'David Shapiro', date: '2024-03-20', speakers: [] }],
    // Podcast: the summary names both guests; no date is stated (2026年初頭 is a topic, not a date).
    ['004_', { author: null, date: null, speakers: ['セバスチャン・ラシュカ', 'ネイサン・ランバート'] }],
  ])('reads the metadata of %s', (prefix, expected) => {
    expect(byPrefix(prefix)).toMatchObject(expected);
  });

  it('turns the podcast table of contents into its sections', () => {
    const podcast = byPrefix('004_');
    const source = sources.get(podcast.file) ?? [];
    const entries = podcast.lines.filter((line) => line.kind === 'toc').map((line) => line.text.replace(/^- /u, ''));
    expect(entries.length).toBeGreaterThan(10);
    expect(podcast.sections).toEqual(entries);
    // Each section's heading line is in the body, after the contents, and reads exactly as the entry.
    const headings = podcast.lines.filter((line) => line.kind === 'heading');
    expect(headings.map((line) => line.text)).toEqual(entries);
    expect(Math.min(...headings.map((line) => line.line))).toBeGreaterThan(Math.max(...podcast.lines.filter((l) => l.kind === 'toc').map((l) => l.line)));
    // Paragraphs follow their section: the one after each heading line carries its name.
    for (const heading of headings) {
      const next = podcast.paragraphs.find((paragraph) => paragraph.line > heading.line);
      expect(next?.section).toBe(heading.text);
    }
    // The closing 「コメント」 is boilerplate.
    expect(podcast.lines.at(-1)).toMatchObject({ text: source.at(-1), kind: 'boilerplate' });
  });

  it('finds the summarised talk headings without a table of contents and indexes each repeated line once', () => {
    const talk = byPrefix('003_');
    expect(talk.sections).toContain('Conclusion');
    expect(talk.sections.length).toBeGreaterThanOrEqual(5);
    const kinds = talk.lines.map((line) => line.kind);
    expect(kinds.filter((kind) => kind === 'duplicate').length).toBeGreaterThanOrEqual(5);
    // Every bulleted summary sits in a section.
    for (const paragraph of talk.paragraphs.filter((p) => p.text.startsWith('- '))) expect(paragraph.section).not.toBeNull();
  });
});
