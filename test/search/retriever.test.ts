import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { realAnalyzer } from '../support/analyzer.js';
import { SAMPLE_FILES, stateFrom } from '../support/state.js';

let state: AppState;
beforeAll(async () => {
  state = stateFrom(SAMPLE_FILES, await realAnalyzer());
});

function top(query: string, limit = 3): string[] {
  const { retriever } = state;
  return retriever.retrieve(retriever.prepare(query), { limit }).map((passage) => passage.paragraph.id);
}

describe('retriever ranking', () => {
  it('finds a Kansai-dialect passage from a standard-Japanese question', () => {
    expect(top('原子力発電所はいつ再稼働しますか')[0]).toBe('a_narration.txt:4');
  });

  it('finds a katakana name from its Latin spelling', () => {
    expect(top('Altman')[0]).toBe('b_article.txt:3');
  });

  it('searches a Latin name as the katakana that looks like it, not every word with its consonants', () => {
    // Raschka, ラシュカ and リスク all sound R-S-K once vowels are dropped; only ラシュカ looks like it.
    const files = { 'e_talk.txt': '対談\nラシュカさんは本を書いた。\n投資にはリスクがある。\nリスク管理が大切だ。' };
    const talk = stateFrom(files, state.retriever.analyzer);
    const prepared = talk.retriever.prepare('Raschka');
    expect(prepared.alternatives).toContain('ラシュカ');
    expect(prepared.alternatives).not.toContain('リスク');
    // A soft g: Gemini is ジェミニ.
    const gemini = stateFrom({ 'f_news.txt': 'ニュース\nGoogleがジェミニを発表した。' }, state.retriever.analyzer);
    expect(gemini.retriever.prepare('Gemini').alternatives).toContain('ジェミニ');
    // One sound off is a variant only if it also looks alike and starts alike: パラメータ is not premium or limit.
    const latin = stateFrom({ 'g_notes.txt': 'メモ\nThe premium plan has a limit.\nパラメータの数が多い。' }, state.retriever.analyzer);
    expect(latin.retriever.prepare('パラメータ').alternatives).toEqual([]);
    const composer = stateFrom({ 'i_notes.txt': 'メモ\nCursor Composer is fast.\n量子コンピュータの話。' }, state.retriever.analyzer);
    expect(composer.retriever.prepare('コンピュータ').alternatives).not.toContain('composer');
  });

  it('finds a kanji name from its Latin spelling through the dictionary reading, not a word that only sounds alike', () => {
    const files = { 'h_talk.txt': '対談\n高橋さんは量子コンピュータを研究している。\n木村さんの猫はルンバに乗る。\nカメラで撮影した。' };
    const talk = stateFrom(files, state.retriever.analyzer);
    expect(talk.retriever.prepare('Takahashi').alternatives).toEqual(['高橋']);
    // Kimura and カメラ share a sound key (K-M-R); only 木村 reads like it.
    expect(talk.retriever.prepare('Kimura').alternatives).toEqual(['木村']);
    // An English word is not taken for a kanji word it only half spells (model / 模型).
    expect(talk.retriever.prepare('model').alternatives).not.toContain('模型');
  });

  it('matches inflected forms through dictionary forms', () => {
    expect(top('ニューラルネットワークを訓練する')[0]).toBe('c_interview.txt:4');
  });

  it('never returns boilerplate lines', () => {
    expect(top('チャンネル登録')).not.toContain('a_narration.txt:6');
  });

  it('returns nothing for words the material does not have', () => {
    expect(top('富士山')).toEqual([]);
  });

  it('merges identical paragraphs from two files into one result citing both', () => {
    const repeated = 'スケーリング則によれば、計算量を増やすほど性能は上がる。';
    const duplicateState = stateFrom({ ...SAMPLE_FILES, 'd_copy.txt': `写し\n${repeated}` }, state.retriever.analyzer);
    const results = duplicateState.retriever.retrieve(duplicateState.retriever.prepare('スケーリング則'), { limit: 5 });
    expect(results).toHaveLength(1);
    const cited = [results[0]?.paragraph.id, ...(results[0]?.duplicates ?? []).map((paragraph) => paragraph.id)];
    expect(cited.sort()).toEqual(['b_article.txt:5', 'd_copy.txt:2']);
  });
});

describe('excerpts', () => {
  it('quotes the paragraph verbatim and marks the matched words', () => {
    const { retriever } = state;
    const query = retriever.prepare('マイクロソフトは電力をどれくらいの期間買う?');
    const [passage] = retriever.retrieve(query, { limit: 1 });
    expect(passage).toBeDefined();
    const excerpt = passage?.excerpt;
    expect(passage?.paragraph.text.slice(excerpt?.start, excerpt?.end)).toBe(excerpt?.text);
    if (passage === undefined) return;
    const marked = retriever.marks(passage, query).map(([start, end]) => excerpt?.text.slice(start, end));
    expect(marked).toContain('マイクロソフト');
    expect(marked).toContain('電力');
  });
});

describe('retriever filters', () => {
  it('reaches past the usual depth for a filter that keeps few of the best hits', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `AIの話その${i}。AIはAIを使ってAIを作る。`);
    const crowded = stateFrom({ 'many.txt': ['AIの話', '', ...lines].join('\n'), 'one.txt': ['別の話', '', '今日は天気がいいですね。AIも少し使いました。'].join('\n') }, state.retriever.analyzer);
    const { retriever } = crowded;
    const found = retriever.retrieve(retriever.prepare('AI'), { limit: 5, filter: (paragraph) => paragraph.file === 'one.txt' });
    expect(found.map((passage) => passage.paragraph.id)).toEqual(['one.txt:3']);
  });
});
