import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { Corpus } from '../../src/corpus/types.js';
import { digest, digestItems, digestPassages, MAX_PASSAGE_CHARS } from '../../src/features/digest.js';
import { createAnalyzer } from '../../src/text/analyze.js';
import { loadTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';
import { stateFrom } from '../support/state.js';
import { dayNumber, rotationIndex } from '../../src/features/rotation.js';
import { UserError } from '../../src/features/user-error.js';

/** Ten substantive lines, a question, a short line and a line of Latin: only the ten are passages. */
function corpus(): Corpus {
  const lines = Array.from(
    { length: 10 },
    (_, i) => `第${i + 1}の話題について説明します。大規模言語モデルは大量のテキストから学習し、次の単語を予測することで文章を生成します。これは${i + 1}番目の段落です。`,
  );
  const text = ['講義ノート', '', ...lines, 'これは質問ですか?本当にそうでしょうか?どう思いますか?長い質問の行はダイジェストの一節にはしません。それでいいですか?', '短い行。', 'See https://example.com for the slides and the recording of this lecture, and the reading list.'].join('\n');
  return { transcripts: [parseTranscript('lecture.txt', text)], skipped: [] };
}

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/** The corpus with nothing extracted from it: passages only. */
function bare(material: Corpus): AppState {
  return { ...stateFrom({}, createAnalyzer(tokenizer)), corpus: material };
}

/** An interview with labelled turns, a definition and dated events: every part of a digest has material. */
const INTERVIEW = {
  'talk.txt': [
    '研究者との対談 2024年3月',
    '',
    'ケン: 今日はよろしくお願いします。最初の質問です。あなたの研究について教えてください。',
    'ミホ: 私の研究室では強化学習を研究しています。強化学習とは、報酬をもとに試行錯誤で行動を学ぶ方法のことです。2019年に研究室を立ち上げました。',
    'ケン: 転移学習についてはどうですか?',
    'ミホ: 転移学習とは、ある課題で学んだ知識を別の課題に生かす手法です。来年には新しい論文を出す予定です。',
  ].join('\n'),
};

function dateAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('rotationIndex', () => {
  it('shows every item once in any run of as many days, whatever day it starts on', () => {
    for (const key of ['guild-a', 'guild-b']) {
      for (const start of [0, 3, 7, 12, dayNumber('2026-11-23')]) {
        const seen = Array.from({ length: 7 }, (_, i) => rotationIndex(7, key, start + i));
        expect(new Set(seen).size).toBe(7);
      }
    }
  });

  it('gives different servers different orders', () => {
    const order = (key: string): number[] => Array.from({ length: 20 }, (_, i) => rotationIndex(20, key, i));
    expect(order('guild-a')).not.toEqual(order('guild-b'));
  });
});

describe('digest', () => {
  it('picks only substantive passages', () => {
    const passages = digestPassages(corpus());
    expect(passages).toHaveLength(10);
    expect(passages.every(({ paragraph }) => paragraph.text.startsWith('第'))).toBe(true);
  });

  it('is the same for a server and date, and rotates without repeats until every passage was used', () => {
    const material = corpus();
    const first = digest(bare(material), { serverId: '42', date: '2026-11-23' });
    expect(digest(bare(material), { serverId: '42', date: '2026-11-23' })).toEqual(first);
    // Ten passages: any ten consecutive days show each once.
    const lines = Array.from({ length: 10 }, (_, i) => digest(bare(material), { serverId: '42', date: dateAfter('2026-11-23', i) }).passage?.line);
    expect(new Set(lines).size).toBe(10);
  });

  it('cites the passage verbatim from the start of its line', () => {
    const result = digest(bare(corpus()), { serverId: '42', date: '2026-11-23' });
    const paragraph = corpus().transcripts[0]?.paragraphs.find((candidate) => candidate.line === result.passage?.line);
    expect(result.passage?.file).toBe('lecture.txt');
    expect(paragraph?.text.startsWith(result.passage?.text ?? '\u0000')).toBe(true);
    expect([...(result.passage?.text ?? '')].length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => digest(bare(corpus()), { serverId: '42', date: '23/11/2026' })).toThrow(UserError);
  });

  it('has no passage for material without substantive lines', () => {
    const empty: Corpus = { transcripts: [parseTranscript('x.txt', 'タイトル\n短い。')], skipped: [] };
    expect(digest(bare(empty), { serverId: '42', date: '2026-11-23' }).passage).toBeNull();
  });

  it('adds a defined term, a quote, a dated event and a question with its answer, each cited', () => {
    const state = stateFrom(INTERVIEW, createAnalyzer(tokenizer), tokenizer);
    const result = digest(state, { serverId: '42', date: '2026-11-23' });
    expect(result.term?.definition).toMatch(/とは/u);
    expect(result.question?.answer).toMatch(/とは/u);
    // Two terms are defined: the question is never about today's term.
    expect(result.question?.term).not.toBe(result.term?.term);
    expect(result.event?.date).toMatch(/^\d{4}/u);
    // Quoted under the name its line is labelled with.
    const quoted = state.corpus.transcripts[0]?.paragraphs.find((paragraph) => paragraph.line === result.quote?.line);
    expect(quoted?.text.startsWith(`${result.quote?.speaker ?? '?'}:`)).toBe(true);
    // The label is not part of the quotation.
    expect(result.quote?.quote.startsWith(`${result.quote.speaker}:`)).toBe(false);
    expect(quoted?.text).toContain(result.quote?.quote);
    for (const item of digestItems(result)) {
      const paragraph = state.corpus.transcripts[0]?.paragraphs.find((candidate) => candidate.line === item.line);
      expect(paragraph?.text, item.part).toContain(item.text.slice(0, 10));
    }
  });
});
