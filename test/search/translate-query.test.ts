import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { ask } from '../../src/features/ask.js';
import { buildRetriever, type Retriever } from '../../src/search/retriever.js';
import { isMostlyLatin } from '../../src/search/translate-query.js';
import type { Analyzer } from '../../src/text/analyze.js';
import { encodeCandidates } from '../../src/text/lexicon/lexicon-cache.js';
import { createLexicon, type Lexicon } from '../../src/text/lexicon/lexicon.js';
import { realAnalyzer } from '../support/analyzer.js';
import { SAMPLE_FILES, stateFrom } from '../support/state.js';

/** Dictionary rows: an English key → its Japanese terms with their readings and weights. */
type Rows = Record<string, ReadonlyArray<readonly [term: string, reading: string, weight: number]>>;

function lexiconOf(rows: Rows): Lexicon {
  return createLexicon(new Map(Object.entries(rows).map(([key, list]) => [key, encodeCandidates(list.map(([term, alternate, weight]) => ({ term, alternate, weight })))])));
}

/** A retriever over the given files, translating English with the given rows. */
function retrieverOver(files: Record<string, string>, rows: Rows = {}): Retriever {
  return buildRetriever(stateFrom(files, analyzer).corpus, analyzer, lexiconOf(rows));
}

/** A few real JMdict rows (weights as the builder gives them), enough to translate the questions below. */
function smallLexicon(): Lexicon {
  const rows: Rows = {
    power: [['権力', 'けんりょく', 0.93], ['勢力', 'せいりょく', 0.88], ['力', 'ちから', 0.6], ['電力', 'でんりょく', 0.55]],
    buy: [['買う', 'かう', 0.96], ['購入', 'こうにゅう', 0.79]],
    'buying power': [['購買力', 'こうばいりょく', 0.9]],
    year: [['年', 'とし', 0.9], ['年間', 'ねんかん', 0.5]],
    student: [['学生', 'がくせい', 0.95], ['生徒', 'せいと', 0.8]],
    laboratory: [['研究室', 'けんきゅうしつ', 0.9], ['実験室', 'じっけんしつ', 0.8]],
    time: [['時', 'とき', 0.9], ['時間', 'じかん', 0.8]],
    long: [['長い', 'ながい', 0.9]],
  };
  return lexiconOf(rows);
}

let analyzer: Analyzer;
let state: AppState;
beforeAll(async () => {
  analyzer = await realAnalyzer();
  const plain = stateFrom(SAMPLE_FILES, analyzer);
  state = { corpus: plain.corpus, retriever: buildRetriever(plain.corpus, analyzer, smallLexicon()), glossary: plain.glossary, timeline: plain.timeline };
});

describe('English questions with the lexicon', () => {
  it('translates words to the candidates the material uses, best used first', () => {
    const query = state.retriever.prepare('How much power does Microsoft buy?');
    const power = query.translations.find((translation) => translation.source.includes('power'));
    // 電力 is the dictionary's 4th sense but the only one these transcripts use.
    expect(power?.terms).toEqual(['電力']);
    expect(query.translations.find((translation) => translation.source.includes('buy'))?.terms).toEqual(['買う']);
  });

  it('does not search the words of a question phrase (what time, how long) as what the question is about', () => {
    const lab = stateFrom({ 'lab.txt': '研究室の一日\n学生は朝9時に研究室に来る。\n実験は長い時間がかかる。' }, analyzer);
    const retriever = buildRetriever(lab.corpus, analyzer, smallLexicon());
    const asked = (question: string) => retriever.prepare(question).translations.flatMap((translation) => translation.source);
    expect(asked('What time do students come to the laboratory?')).not.toContain('time');
    expect(asked('How long were students in the laboratory?')).not.toContain('long');
    // Elsewhere they are words like any other.
    expect(asked('Students need time in the laboratory')).toContain('time');
  });

  it('also searches the words of a multiword gloss the material uses, at a lower weight', () => {
    const files = { 'l_diet.txt': '委員会\nローカル鉄道の在り方を議論する。\n線路の保守に費用がかかる。' };
    const retriever = retrieverOver(files, { 'railway lines': [['線路', 'せんろ', 0.9]], railway: [['鉄道', 'てつどう', 0.9]] });
    const translations = retriever.prepare('Who decides on local railway lines?').translations;
    expect(translations.find((translation) => translation.source.join(' ') === 'railway lines')?.terms).toEqual(['線路']);
    const railway = translations.find((translation) => translation.source.join(' ') === 'railway');
    expect(railway?.terms).toEqual(['鉄道']);
    expect(Math.max(...(railway?.words ?? []).map((word) => word.weight))).toBeLessThan(0.8);
  });

  it('falls back to single words when a multiword gloss is not in the material', () => {
    const query = state.retriever.prepare('buying power of Microsoft');
    expect(query.translations.map((translation) => translation.source.join(' '))).toEqual(expect.arrayContaining(['buying', 'power']));
  });

  it('answers an English question with the Japanese line, as its Japanese twin does', () => {
    const english = ask(state, { question: 'How many students were in the laboratory?', limit: 3 });
    const japanese = ask(state, { question: '研究室の学生は何人?', limit: 3 });
    expect(english.results[0]).toMatchObject({ file: 'c_interview.txt', line: 5 });
    expect(japanese.results[0]).toMatchObject({ file: 'c_interview.txt', line: 5 });
    expect(english.answered).toBe(true);
    expect(english.searchedAs).toEqual(expect.arrayContaining(['研究室', '学生']));
  });

  it('also searches a translated word as the katakana loanword the material uses, but not a word that only sounds alike', () => {
    const files = { 'h_talk.txt': '対談\n新しいモデルは400以上ある。\nバングという名前の犬がいる。\n模型を購入した。' };
    const retriever = retrieverOver(files, { model: [['模型', 'もけい', 0.9]], buy: [['購入', 'こうにゅう', 0.9]] });
    expect(retriever.prepare('How many models are there?').alternatives).toContain('モデル');
    expect(retriever.prepare('Who is buying them?').alternatives).not.toContain('バング');
  });

  it('sounds out an English word the material never translates only as a loanword that looks like it', () => {
    // keep and make are dictionary words whose translations these lines lack: キャパ and キャップ share
    // keep's consonants (K-P), メートル model's, but none of them is the word.
    const files = { 'q_talk.txt': '話\nキャパは200です。\n黄色いキャップの目薬です。\n長さは3メートルある。\n新しいモデルを作った。' };
    const retriever = retrieverOver(files, { keep: [['保つ', 'たもつ', 0.9]], model: [['模型', 'もけい', 0.9]] });
    const keep = retriever.prepare('How long does it keep?').alternatives;
    expect(keep).not.toContain('キャパ');
    expect(keep).not.toContain('キャップ');
    const model = retriever.prepare('Why did they change the model?').alternatives;
    expect(model).toContain('モデル');
    expect(model).not.toContain('メートル');
    // Capitalised, even opening the question, it may be a name: sounded out as before.
    expect(retriever.prepare('Keep said what?').alternatives).toContain('キャパ');
  });

  it('does not join two plain English words into one katakana word, but still joins a name written with capitals', () => {
    // new + wood sound like ノート (N-T); GRIN MoE is グリンモー.
    const files = { 'w_blog.md': 'ブログ\nノートを買った。\n新しい薪ボイラーを入れた。\nグリンモーというモデルが出た。' };
    const retriever = retrieverOver(files, { new: [['新しい', 'あたらしい', 0.9]], wood: [['木材', 'もくざい', 0.9]], grin: [['笑顔', 'えがお', 0.9]] });
    expect(retriever.prepare('How much did the new wood boiler cost?').alternatives).not.toContain('ノート');
    // The capital that opens a sentence makes no name.
    expect(retriever.prepare('New wood boiler: was it worth it?').alternatives).not.toContain('ノート');
    expect(retriever.prepare('What is GRIN MoE?').alternatives).toContain('グリンモ');
  });

  it('searches a compound the material never uses by its head word, only when no candidate is used', () => {
    const files = { 'k_cook.txt': '料理教室\nだしは冷蔵庫で三日もちます。\n料金の請求が来た。' };
    const retriever = retrieverOver(files, { fridge: [['電気冷蔵庫', 'でんきれいぞうこ', 0.9]], bill: [['請求書', 'せいきゅうしょ', 0.8]] });
    const terms = (question: string, word: string) => retriever.prepare(question).translations.find((translation) => translation.source.includes(word))?.terms;
    expect(terms('How long does dashi keep in the fridge?', 'fridge')).toEqual(['冷蔵庫']);
    // 請求書's last word 書 is a suffix, not a head to search; 非営利 is no 営利.
    expect(terms('How much was the bill?', 'bill')).toBeUndefined();
    const nonprofit = retrieverOver({ 'np.txt': '団体\n営利を目的としない活動です。' }, { nonprofit: [['非営利', 'ひえいり', 0.9]] });
    expect(nonprofit.prepare('Is it a nonprofit?').translations).toEqual([]);
  });

  it('drops a dictionary reading in hiragana that the analyser cuts into other words', () => {
    // ひよう (費用's reading) reads as 干る + よう, and 干る matches ひるね.
    const files = { 'n_talk.txt': 'ポッドキャスト\nひるね部屋は月額980円です。\n費用は会社が出します。' };
    const retriever = retrieverOver(files, { cost: [['ひよう', 'ひよう', 0.9], ['費用', 'ひよう', 0.8]] });
    const cost = retriever.prepare('What does the nap room cost?').translations.find((translation) => translation.source.includes('cost'));
    expect(cost?.terms).toEqual(['費用']);
    // たまご reads as たま + ご, but the material writes たまご: it is searched by its bigrams, not as たま.
    const eggs = retrieverOver({ 'e_cook.txt': '料理\nたまごは二回に分けて入れます。\nたまたま晴れた。' }, { eggs: [['たまご', 'たまご', 0.9]] });
    const egg = eggs.prepare('When do you add the eggs?').translations.find((translation) => translation.source.includes('eggs'));
    expect(egg?.terms).toEqual(['たまご']);
    expect(egg?.words).toEqual([]);
  });

  it('does not take a Latin word the material itself writes for a kanji word one vowel off its reading', () => {
    // The product is called Fumi; 不明 reads フメイ. Takahashi still finds 高橋, spelt exactly.
    const files = { 'r_launch.md': '発表会\nFumi 2は3万円です。\n発売日は不明です。\n高橋さんが説明した。' };
    const retriever = retrieverOver(files);
    expect(retriever.prepare('How much is Fumi 2?').alternatives).not.toContain('不明');
    expect(retriever.prepare('What did Takahashi explain?').alternatives).toContain('高橋');
  });

  it('takes a capitalised word the material writes in katakana as a name, not a word to translate', () => {
    const files = { 'k_news.txt': 'ニュース\n受賞したのはデイヴィッド・ベイカーや。\nパン屋でパンを買った。' };
    const retriever = retrieverOver(files, { baker: [['パン屋', 'ぱんや', 0.9]] });
    const named = retriever.prepare('What did David Baker design?').alternatives;
    expect(named).toContain('デイビッドベイカ');
    expect(named).not.toContain('パン屋');
    // Lower case, it is the ordinary word.
    expect(retriever.prepare('Where does the baker work?').alternatives).toContain('パン屋');
  });

  it('reads a number word as its digits, but not "one", which is as often a pronoun', () => {
    const files = { 'n_talk.txt': '話\nAIには5つの段階があるんや。\n1人で考えた。' };
    const retriever = retrieverOver(files);
    expect(retriever.prepare('What are the five stages?').alternatives).toContain('5');
    expect(retriever.prepare('Which one is best?').alternatives).not.toContain('1');
  });

  it('leaves Japanese questions untranslated', () => {
    expect(state.retriever.prepare('研究室の学生は何人?').translations).toEqual([]);
  });

  it('serves English by names alone without a lexicon', () => {
    const plain = stateFrom(SAMPLE_FILES, analyzer);
    const result = ask(plain, { question: 'How many students were in the laboratory?', limit: 3 });
    expect(result.answered).toBe(false);
    expect(ask(plain, { question: 'Who is Altman?', limit: 3 }).results[0]?.file).toBe('b_article.txt');
  });
});

describe('isMostlyLatin', () => {
  it.each([
    ['Where was the author born?', true],
    ['GPT-4の発表はいつ?', false],
    ['What is スケーリング則?', false], // mixed: the Japanese carries the question, Latin words stay names
    ['原子力', false],
  ])('%s → %s', (text, expected) => {
    expect(isMostlyLatin(text)).toBe(expected);
  });
});
