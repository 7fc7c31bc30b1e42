import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { buildGlossary, lookupEntry, suggestEntries } from '../../src/corpus/glossary/build-glossary.js';
import { findDefinitions } from '../../src/corpus/glossary/find-definitions.js';
import { isTermShaped } from '../../src/corpus/glossary/term-phrase.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import { define } from '../../src/features/define.js';
import { glossary } from '../../src/features/glossary.js';
import { UserError } from '../../src/features/user-error.js';
import { createAnalyzer } from '../../src/text/analyze.js';
import type { Lexicon } from '../../src/text/lexicon/lexicon.js';
import { loadTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';
import { buildRetriever } from '../../src/search/retriever.js';
import { stateFrom } from '../support/state.js';

let tokenizer: Tokenizer;
let state: AppState;

/** A one-paragraph transcript (title line, then the sentence), as the parser sees real files. */
function paragraphOf(text: string) {
  const transcript = parseTranscript('t.txt', `題名\n${text}`);
  const paragraph = transcript.paragraphs.find((candidate) => candidate.line === 2);
  if (paragraph === undefined) throw new Error('no paragraph');
  return paragraph;
}

const FILES = {
  'a_kansai.txt': [
    'AIの話やで',
    '',
    'ほな始めるで。マイクロソフトは最近、グリンモーっていう新しいモデルも発表したんや。',
    'AIのコーディング能力を測るベンチマークがあるんやけど、その一つが「ヒューマンエバル」っていうんや。AIが一発で正解を出せるかどうかを測るんや。',
    'グリンモーっていうのは、この中で一番小さいモデルなんやけど、ヒューマンエバルで74.4%を出してるんや。',
    '蒸留っちゅうのは、大きいモデルの知識を小さいモデルに移すことや。',
  ].join('\n'),
  'b_interview.txt': [
    'モデルの設計について',
    '',
    'MOEのような確立されたものでも説明が要ります。それがMixture of Expertsを意味すると言わなければなりません。',
    'ですからMixture of Expertsは複数のエキスパートを持つことを意味します。',
    '蒸留とは、教師モデルの出力で生徒モデルを訓練する手法です。',
    'ファインチューニングの話に戻りましょう。ファインチューニングで性能はかなり上がりました。',
    'ファインチューニングは、例えば医療の文書で追加の訓練をするやり方で使われます。',
  ].join('\n'),
};

beforeAll(async () => {
  tokenizer = await loadTokenizer();
  state = stateFrom(FILES, createAnalyzer(tokenizer), tokenizer);
});

describe('findDefinitions', () => {
  it.each([
    // Kansai topic markers: っていうのは … のことやで / っちゅうのは … ことや.
    ['O1っていうのは、OpenAIの新しいモデルのことやで。', 'O1', 'topic'],
    ['蒸留っちゅうのは、大きいモデルの知識を小さいモデルに移すことや。', '蒸留', 'topic'],
    // A particle and a comma after the cue (kuromoji reads はな, はね as one word), and ってゆうのは.
    ['ハルシネーションっていうのはな、AIがもっともらしい嘘をつくことや。', 'ハルシネーション', 'topic'],
    ['エージェントとはね、自分で考えて動くAIのことです。', 'エージェント', 'topic'],
    ['RAGってゆうのは、検索した文書を使って答えを作る方法のことや。', 'RAG', 'topic'],
    // A term before its parenthesised spelling.
    ['ヒューマンエバル(HumanEval)というベンチマークは、コード生成の能力を測るものです。', 'ヒューマンエバル', 'apposition'],
    ['蒸留(distillation)っていうのは、大きなモデルの知識を小さなモデルに移すことや。', '蒸留', 'topic'],
    // Loanwords kuromoji splits oddly (トーク + ン, デ + コーディング) stay whole.
    ['トークンとは、テキストの最小単位のことです。', 'トークン', 'topic'],
    ['投機的デコーディングと呼ばれる手法で、生成を速くできます。', '投機的デコーディング', 'called'],
    // XはYの略です: an abbreviation defined by its long form.
    ['AGIは汎用人工知能の略です。', 'AGI', 'means'],
    // English with an article: the term is the noun, not "A transformer".
    ['A transformer is a neural network that uses attention.', 'transformer', 'english'],
    // A の-joined noun phrase opening its clause is one term.
    ['専門家の混合っていうのは、いくつかの専門家モデルの集まりみたいなもんや。', '専門家の混合', 'topic'],
    // Standard: とは … を意味します, は … を指します, は … のことです.
    ['ツール使用とは、LLMがウェブ検索を行うことを意味します。', 'ツール使用', 'topic'],
    ['継続学習は、新しい情報に基づいて重みを変更することを指します。', '継続学習', 'means'],
    ['プロンプトはモデルへの指示のことです。', 'プロンプト', 'means'],
    // Naming: YをXと呼ぶ, Xと呼ばれます, 「X」って呼んでる (Kansai).
    ['それはエキスパートと呼ばれます。', 'エキスパート', 'called'],
    ['私たちはこれを基盤モデルと呼んでいます。', '基盤モデル', 'called'],
    ['ロボットを導入したらしいわ。「オカド」って呼んでるんやって。', 'オカド', 'called'],
    // Kansai naming with the explanation in the next sentence.
    ['セマンティック飽和っていうらしいわ。言葉を何回も繰り返すと、意味がなくなってしまう現象や。', 'セマンティック飽和', 'named'],
    ['XKCDっていう漫画が、これをわかりやすく説明してるんや。', 'XKCD', 'apposition'],
    // Acronyms with their expansions in parentheses, either way round, and after つまり.
    ['当時、人々はGAN(敵対的生成ネットワーク)を使用していました。', 'GAN', 'expansion'],
    ['Proximal Policy Optimization (PPO)は人気のある手法です。', 'PPO', 'expansion'],
    ['DeepSeek-V3のOCR、つまり光学文字認識の論文について話しましたね。', 'OCR', 'expansion'],
    // 「つまり」 restatement of a term that is not an acronym.
    ['横軸は有効なパラメータ数、つまりモデルの大きさみたいなもんや。', 'パラメータ数', 'restatement'],
    ['有用なレンズは、いわゆるDeepSeekモーメントだと思います。これは2025年初頭に起こりました。', 'DeepSeekモーメント', 'so-called'],
    ['RAGとは何ですか?検索した文書を使って答えを生成する手法です。', 'RAG', 'question'],
    ['…コードに非常に賭けています。これがClaude Codeのことです。', 'Claude Code', 'means'],
    ['Distillation is a way to train a small model from a large one.', 'Distillation', 'english'],
    // A topic said to be a kind of thing: 「Xは、…の手法です。」
    ['BM25は、単語の出現頻度と文書の長さをもとに関連度を計算する、昔からある検索の手法です。', 'BM25', 'means'],
    ['量子誤り訂正は、たくさんの物理量子ビットをまとめて一つの論理量子ビットとして扱う技術です。', '量子誤り訂正', 'means'],
    ['ベクトル検索（vector search）は、意味の近い文書を探す処理です。', 'ベクトル検索', 'means'],
    // A noun and a verb's stem make one compound noun (手 + ぶれ); okurigana do not make it a clause.
    ['手ぶれとは、撮影中にカメラが動いて写真がぼやけることを指します。', '手ぶれ', 'topic'],
    ['見積もりというのは、作業にかかる費用を前もって計算することです。', '見積もり', 'topic'],
    // YをXと言います names Y, as と呼びます does; 「これXっていって、…」 names what is pointed at.
    ['大量の文章を集めたものを、コーパスと言います。', 'コーパス', 'called'],
    ['これフェルマータっていって、音を長く伸ばす記号なんです。', 'フェルマータ', 'named'],
    // 「Xというのは…ことです」 after a speaker label: the の-joined noun phrase opens its clause.
    ['田中：情報の洪水というのは、便利になるはずの知らせが、かえって判断の妨げになってしまうことです。', '情報の洪水', 'topic'],
    // A term announced on its own (quoted or bare), then 「…という<its head noun / a kind>です」, with これは… between.
    ['佐藤：それから「3割ルール」。これは覚えておいてください。家賃を手取りの3割までに抑える、というルールです。', '3割ルール', 'means'],
    ['まず軽減税率。食料品などの税率を8%のまま据え置く、という制度です。', '軽減税率', 'means'],
    // A verb defined by the action it is: 「…諦めないことです」 (not an adjective's judgement).
    ['頑張るっていうのは、最後まで諦めないことです。', '頑張る', 'topic'],
    // After a bold Markdown label: kuromoji reads its end 「）**：」 as one noun, which is no part of the term.
    ['**総務課長（石田）**：DXとは、デジタル・トランスフォーメーションの略で、業務をデジタルで変えることです。', 'DX', 'topic'],
    // Dialect topic markers without the small っ (ていうのは = というのは), and ちゅうのは after a label.
    ['液状化ていうのは、地面が水のごとなることです。', '液状化', 'topic'],
    ['**祖母**：余震ちゅうのは、大きか地震のあとに続く揺れのことたい。', '余震', 'topic'],
    // Naming with a quoted name's bare て (dialect for って).
    ['あとから来た小さか揺れのほうを「余震」て呼ぶとです。', '余震', 'called'],
    // A topic said to be a kind of its own head noun (…の酵母で、), before a second topic (害は).
    ['産膜酵母は、ぬか床の表面にできる白い膜状の酵母で、体に害はありません。', '産膜酵母', 'means'],
    // A quoted term with its reading in brackets is the term without the reading.
    ['この黒い膜を「溶融皮殻（ようゆうひかく）」と呼びます。', '溶融皮殻', 'called'],
    // Kansai いうんは right after the term (と dropped).
    ['橋本：始末いうんはな、ケチとはちゃいまっせ。始めと終わりを考えてお金を使う、いう心構えのことですねん。', '始末', 'topic'],
  ])('finds %s → %s (%s)', (sentence, term, kind) => {
    const found = findDefinitions(paragraphOf(sentence), tokenizer);
    expect(found.find((candidate) => candidate.term === term)).toMatchObject({ term, kind });
  });

  it.each([
    // An interviewer asking for an explanation does not give one.
    ['超伝導量子ビットというのは、一般の方にはなじみがないと思うんですが。'],
    ['忠実度というのは正確さのようなものですか。'],
    // 「…というのは、そもそも何なんでしょう。」 asks, with an adverb before the question word and no question mark.
    ['南さん、デマンド交通というのは、そもそも何なんでしょう。'],
    // The kind of thing belongs to the second topic, not to RLHF.
    ['だからRLHFはまだモデルを良くできますが、これらの検証可能な領域ははるかに直接的なプロセスです。'],
    // An announced term followed by an unrelated remark, or said to be a story (話), is not defined.
    ['「3割ルール」。売上は大事です。家賃を手取りの3割までに抑える、というルールです。'],
    ['それから「3割ルール」。これは家賃を手取りの3割までに抑える、という話です。'],
    // A verb judged (な-adjective, a negated adjective) or said to happen (ある) is not defined.
    ['できるっていうのは、大事なことです。'],
    ['できるっていうのは、よくないことです。'],
    ['できるっていうのは、よくあることです。'],
    // After a kanji noun, 言う with its を dropped is saying something, not naming it (Kansai 「始末いうんはな、」 names).
    ['文句言うのは簡単やけど、やるのは大変や。'],
    ['文句いうのは簡単やけど、やるのは大変や。'],
  ])('finds no definition in %s', (sentence) => {
    expect(findDefinitions(paragraphOf(sentence), tokenizer).filter((candidate) => candidate.kind !== 'gloss')).toEqual([]);
  });

  it('takes the English names a sentence gives right after a definition for spellings of the term', () => {
    const paragraph = paragraphOf('ある文書だけによく出る語を、特徴語と言います。英語ではkeyword、key termですね。');
    const [found] = findDefinitions(paragraph, tokenizer);
    expect(found).toMatchObject({ term: '特徴語', kind: 'called', variants: ['keyword', 'key term'] });
    expect(paragraph.text.slice(found?.start, found?.end)).toContain('key term');
  });

  it('takes a person with an affiliation in brackets for no term', () => {
    expect(findDefinitions(paragraphOf('今日の講師は田中教授（経済学部）です。'), tokenizer)).toEqual([]);
    expect(findDefinitions(paragraphOf('記者（NHK）：質問があります。'), tokenizer)).toEqual([]);
  });

  it('leaves a speaker label out of the defining text', () => {
    const labelled = stateFrom({ 'c_talk.txt': '対談\n高橋: 超伝導量子ビットとは、極低温で電気抵抗がゼロになる回路を使う素子のことです。\n佐藤: なるほど。' }, createAnalyzer(tokenizer), tokenizer);
    const entry = labelled.glossary.entries.find((candidate) => candidate.term === '超伝導量子ビット');
    expect(entry?.definitions[0]?.text.startsWith('超伝導量子ビットとは')).toBe(true);
  });

  it('takes every name listed in an acronym\'s parentheses, and a loanword in parentheses, as spellings', () => {
    const [listed] = findDefinitions(paragraphOf('LLM(Large Language Model、大規模言語モデル)は、大量の文章で学習したモデルです。'), tokenizer);
    expect(listed).toMatchObject({ term: 'LLM', kind: 'expansion', variants: ['Large Language Model', '大規模言語モデル'] });
    const loan = findDefinitions(paragraphOf('検索拡張生成(リトリーバル)は、検索した文書を使って答えを作る手法です。'), tokenizer);
    expect(loan).toEqual([expect.objectContaining({ term: '検索拡張生成', kind: 'means', variants: ['リトリーバル'] })]);
  });

  it('takes the name a sentence says its topic is translated as for another spelling of it', () => {
    const [found] = findDefinitions(paragraphOf('RAGはRetrieval-Augmented Generationの略で、日本語では「検索拡張生成」と訳されることが多いです。'), tokenizer);
    expect(found?.term).toBe('RAG');
    expect(found?.variants).toContain('検索拡張生成');
  });

  it('joins an acronym and its expansion given in parentheses', () => {
    const [found] = findDefinitions(paragraphOf('当時、人々はGAN(敵対的生成ネットワーク)を使用していました。'), tokenizer);
    expect(found?.variants).toEqual(['敵対的生成ネットワーク']);
  });

  it('covers the following explanation in the defining text', () => {
    const paragraph = paragraphOf('セマンティック飽和っていうらしいわ。言葉を何回も繰り返すと、意味がなくなってしまう現象や。');
    const [found] = findDefinitions(paragraph, tokenizer);
    expect(paragraph.text.slice(found?.start, found?.end)).toContain('意味がなくなってしまう現象');
  });

  it.each([
    // とは that compares, doubts or continues a word is not a definition.
    ['2026年の話になるとは思いません。'],
    ['ただ私は質問とはるかに長く一緒にいるのです。'],
    ['答えとは無関係かもしれません。'],
    // Pronouns are not terms.
    ['It is what it is.'],
    ['This is a test of the glossary.'],
    ['初期のChatGPTとは大きく異なります。'],
    // A question with no answer after it, and a pronoun as the topic.
    ['意識とは何か、人間の経験とは何かを考えとった。'],
    ['それは現実から逸脱していることを意味します。'],
    // Quantities and clauses are not terms.
    ['2028年、つまり4年後くらいに再稼働させる予定や。'],
    ['だから、「Claudeがそれになる」というのは興味深い信仰の飛躍です。'],
  ])('finds no definition in %s', (sentence) => {
    expect(findDefinitions(paragraphOf(sentence), tokenizer)).toEqual([]);
  });
});

describe('findDefinitions: one term in several scripts', () => {
  it.each([
    ['過学習、オーバーフィッティングというのは、訓練データに合わせすぎる状態のことです。', '過学習', ['オーバーフィッティング']],
    ['一つの答えが正則化、英語で regularization、レギュラリゼーションです。', '正則化', ['regularization', 'レギュラリゼーション']],
    ['ここで使うのが交差検証、クロスバリデーション、cross-validation です。', '交差検証', ['クロスバリデーション', 'cross-validation']],
  ])('joins the spellings side by side in %s', (sentence, term, variants) => {
    const found = findDefinitions(paragraphOf(sentence), tokenizer).find((candidate) => candidate.term === term);
    expect(found).toMatchObject({ term, kind: 'restatement', variants });
  });

  it.each([
    // A list of different things in different scripts.
    ['能力、エラー率、スピードのどれも上がったんです。'],
    ['ブラウザ、Chromeみたいなやつです。'],
    // Katakana and Latin that do not sound alike.
    ['推論、GPU、コストです。'],
  ])('joins nothing in %s', (sentence) => {
    expect(findDefinitions(paragraphOf(sentence), tokenizer).filter((candidate) => candidate.kind === 'restatement' && candidate.variants.length > 0)).toEqual([]);
  });
});

describe('findDefinitions: kana words, written and honorific Japanese', () => {
  it.each([
    // A kana word joined to a kanji part (kuromoji cuts the kana into particles and verbs), written だ.
    ['ぬか漬けとは、米ぬかに野菜を漬け込んだ昔ながらの保存食だ。', 'ぬか漬け', 'topic'],
    // A verb in its dictionary form as the topic, where the sentence says what state or thing it is.
    ['くつろぐっていうのは、体の力が抜けてのんびりした状態のことです。', 'くつろぐ', 'topic'],
    // Honorific speech: と申しますのは … でございます, Xは … の仕組みでございます, YをXと申します.
    ['オンデマンド配送と申しますのは、ご注文に応じてその都度お届けする方式のことでございます。', 'オンデマンド配送', 'topic'],
    ['乗合タクシーは、予約に応じて運行する地域の交通の仕組みでございます。', '乗合タクシー', 'means'],
    ['このような制度を地域通貨と申します。', '地域通貨', 'called'],
    // Written である.
    ['路線価は、道路に面した土地の一平方メートルあたりの価格のことである。', '路線価', 'means'],
    // A quoted kana word named after its object, with と or (Kansai) without it.
    ['炊いたご飯の焦げのことを「おこげ」と言います。', 'おこげ', 'called'],
    ['鍋の底に残ったご飯のことを「おこげ」言うねん。', 'おこげ', 'called'],
    // Kansai ねん after the name.
    ['電波が届かないと別の機器に切り替える。この動きをローミングっていうねん。', 'ローミング', 'called'],
    // A verb's stem joined to a noun or another stem, with its okurigana: one word, not a clause.
    ['差し湯というのは、煮詰まったつゆに後からお湯を足して薄めることです。', '差し湯', 'topic'],
    ['寝かせ玉とは、一晩冷蔵庫で寝かせた卵のことです。', '寝かせ玉', 'topic'],
    // A transcriber's note glossing a quoted dialect word (all kana) with 「、の意」 or 「のこと」.
    ['※「はかいく」は仕事がはかどる、の意。', 'はかいく', 'means'],
    ['※「せば」は「それなら」のこと。', 'せば', 'means'],
    ['「おど」は父親のこと。', 'おど', 'means'],
    ['※天神さま＝北野天満宮。境内は梅の名所。', '天神さま', 'means'],
    // In speech, って marks the topic that のことです defines; the listed names spell the acronym.
    ['ちなみにGPUってgraphics processing unit、画像処理装置のことです。', 'GPU', 'means'],
    // In a chat or notes, a word set equal to what it stands for, opening a clause.
    ['高橋：第一種＝帰無仮説が正しいのに棄却しちゃうミス、第二種＝間違ってるのに棄却しないミスって覚えてる', '第二種', 'means'],
    ['あ、表示名変えた！みさきち＝田中です、よろしく〜', 'みさきち', 'means'],
  ])('finds %s → %s (%s)', (sentence, term, kind) => {
    const found = findDefinitions(paragraphOf(sentence), tokenizer);
    expect(found.find((candidate) => candidate.term === term)).toMatchObject({ term, kind });
  });

  it.each([
    // A self-introduction names the speaker, not a term; a quoted greeting is speech.
    ['営業部の佐藤と申します。'],
    ['「ありがとう」って言うねん。'],
    // A verb or a clause as the topic of a remark, not of a definition.
    ['できるっていうのは、すごいことです。'],
    ['できる人とは、周りをよく見ている人のことです。'],
    // A reading in kana, a person's role and affiliation, an amount with a note: parentheses that do not explain.
    ['会場は星野台（ほしのだい）の公民館です。'],
    ['今日のゲストは山田 太郎（SRE／株式会社サンプル）と佐藤 花子（デザイナー／フリー）です。'],
    ['入場料は大人800円（税込みの料金）です。'],
    // A handle in brackets, and a speaker label with its affiliation.
    ['ホストはユウタ（@yuta_log）です。'],
    ['記者B（中央新聞・松田）：中央新聞の松田です。'],
    // Kansai 「…とはちゃいます」 denies, and 「…とのことです」 reports what was said.
    ['いや、町会とはちゃいます。'],
    ['新しい台車は来月届くとのことです。'],
    // A quoted word before は, where のこと ends another clause: no gloss of the word.
    ['社長の「やってみなはれ」は有名な話やけど、それも昔のこと。'],
    // A script's stage direction in brackets before the line spoken glosses no name.
    ['ハル（窓の外を見て）「……なんか、空の色、変やね」'],
    // A one-kanji head (駅) is too little to call the topic a kind of it.
    ['東京駅は、日本で一番大きい駅です。'],
    // A one-letter variable set equal to a number is no term.
    ['x＝2のとき、答えが出る。'],
  ])('finds no definition in %s', (sentence) => {
    expect(findDefinitions(paragraphOf(sentence), tokenizer)).toEqual([]);
  });

  it('answers a kana term from the glossary', () => {
    const kana = stateFrom({ 'kura.txt': '蔵の話\nぬか漬けとは、米ぬかに野菜を漬け込んだ昔ながらの保存食だ。\n毎朝ぬか漬けを混ぜる。' }, createAnalyzer(tokenizer), tokenizer);
    expect(define(kana, { term: 'ぬか漬け', limit: 3 })).toMatchObject({ defined: true, term: 'ぬか漬け', results: [{ file: 'kura.txt', line: 2 }] });
  });
});

describe('findDefinitions: okurigana words, glosses, spoken って and glossary lists', () => {
  it('glosses every quoted word of one note', () => {
    const found = findDefinitions(paragraphOf('※「なんぼ」はいくら、「ほかす」は捨てる、の意。'), tokenizer);
    expect(found.map((candidate) => candidate.term).sort()).toEqual(['なんぼ', 'ほかす'].sort());
  });

  it('joins the names of an acronym that the explanation spells out, and not a noun that only modifies what follows', () => {
    const spoken = findDefinitions(paragraphOf('ちなみにGPUってgraphics processing unit、画像処理装置のことです。'), tokenizer);
    expect(spoken.find((candidate) => candidate.term === 'GPU')?.variants).toEqual(['graphics processing unit', '画像処理装置']);
    const named = findDefinitions(paragraphOf('最後に来るのがAGI、つまり汎用人工知能ですが、まだ先です。'), tokenizer);
    expect(named.find((candidate) => candidate.term === 'AGI')).toMatchObject({ kind: 'expansion', variants: ['汎用人工知能'] });
    const modifying = findDefinitions(paragraphOf('高速なGPU、つまり机の下のPCに挿すカードを使います。'), tokenizer);
    expect(modifying.flatMap((candidate) => candidate.variants)).not.toContain('机');
  });

  it('reads a bold entry of a Markdown list as a definition, but not a pointer or a bold speaker line', () => {
    const file = ['# 攻略メモ', '', '## 用語', '', '- **ジャスト回避**：敵の攻撃が当たる直前に回避して、無敵時間を得ること。', '- **弱点部位**：下の解説を参照。', '', '## 本編', '', '**たける**：今日はボスまで行きます。'].join('\n');
    const state = stateFrom({ 'memo.md': file }, createAnalyzer(tokenizer), tokenizer);
    expect(define(state, { term: 'ジャスト回避', limit: 3 })).toMatchObject({ defined: true, results: [{ file: 'memo.md', line: 5 }] });
    expect(define(state, { term: '弱点部位', limit: 3 }).defined).toBe(false);
    expect(define(state, { term: 'たける', limit: 3 }).defined).toBe(false);
  });

  it('prefers the line that says what an acronym stands for over one that only restates what it does', () => {
    const file = ['GPUの話', '', '高速なGPU、つまり机の下のPCに挿すカードを使います。', 'ちなみにGPUってgraphics processing unit、画像処理装置のことです。'].join('\n');
    const state = stateFrom({ 'gpu.txt': file }, createAnalyzer(tokenizer), tokenizer);
    const result = define(state, { term: 'GPU', limit: 3 });
    expect(result.results[0]).toMatchObject({ line: 4, defining: true });
    expect(result.variants).not.toContain('机');
  });
});

describe('define: a definition over two sentences or two lines', () => {
  it('takes in the sentence before a naming that points back to it, and the sentence after a topic that says what the term is', () => {
    const called = paragraphOf('だから表面だけが黒くこげたようになっています。この黒い膜を「溶融皮殻（ようゆうひかく）」と呼びます。');
    expect(findDefinitions(called, tokenizer)).toMatchObject([{ term: '溶融皮殻', start: 0, end: called.text.length }]);
    const topic = paragraphOf('始末いうんはな、ケチとはちゃいまっせ。ほんまに生きるところにだけお金を使う、いう心構えのことですねん。');
    expect(findDefinitions(topic, tokenizer)).toMatchObject([{ term: '始末', start: 0, end: topic.text.length }]);
  });

  it('defines a term by the line answering what it is, not by a question about which one', () => {
    const chat = stateFrom(
      {
        'chat.txt': [
          '#stat のエクスポート',
          '[2024-05-16 22:05] 鈴木: 質問。p値ってけっきょく何？',
          '[2024-05-16 22:09] 佐藤: 帰無仮説が正しいと仮定したときに、今回のデータかそれ以上に極端な結果が出る確率、だよ',
          '[2024-05-16 22:12] 田中: キャンプの一番の出費って何なの？',
          '[2024-05-16 22:14] 佐藤: 僕の場合は寝袋とマットですね。',
        ].join('\n'),
      },
      createAnalyzer(tokenizer),
      tokenizer,
    );
    expect(define(chat, { term: 'p値', limit: 3 })).toMatchObject({ defined: true, results: [{ line: 3, kind: 'question' }] });
    expect(define(chat, { term: '出費', limit: 3 }).defined).toBe(false);
  });

  it('takes no self-introduction in a script for the definition of a name', () => {
    const script = stateFrom({ 'drama.txt': ['ラジオドラマ', '', 'ハル「どちらさんですか」', '野々村「中央気象台の野々村といいます。灯台に来ました」'].join('\n') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(script, { term: '野々村', limit: 3 }).defined).toBe(false);
  });
});

describe('define: a term announced on its own', () => {
  it('defines an announced term from the announcement to the sentence that says what it is, a quoted name opening with an amount too', () => {
    const defining = 'それから「2割控除」。これは覚えておいてください。売上の2割を経費として差し引ける、という控除です。';
    const file = ['家計の話', '', `佐藤：${defining}`, '佐藤：2割控除を使うと税金が減ります。'].join('\n');
    const announced = stateFrom({ 'kakei.txt': file }, createAnalyzer(tokenizer), tokenizer);
    expect(define(announced, { term: '2割控除', limit: 3 })).toMatchObject({ defined: true, term: '2割控除', results: [{ file: 'kakei.txt', line: 3, definition: defining }] });
  });
});

describe('isTermShaped', () => {
  it.each([
    ['セマンティック飽和', true],
    ['Mixture of Experts', true],
    ['GPT-4', true],
    ['2028年', false], // a date
    ['128K', false], // a quantity
    ['これ', false], // a pronoun
    ['が', false], // a particle
    ['それがうまくいくと思った', false], // a clause
    ['見積もり', true], // okurigana
    ['手ぶれ', true],
    ['雨が降る', false], // a particle between words: a clause, okurigana or not
    ['本を読む', false],
    ['大人800円', false], // an amount
    ['レベル4飛行', true], // a number inside a name
  ])('%s → %s', (term, shaped) => {
    expect(isTermShaped(term)).toBe(shaped);
  });

  it.each([
    ['2割特例', true], // a quoted name may open with an amount
    ['2割', false], // an amount, quoted or not
    ['12万', false],
  ])('quoted %s → %s', (term, shaped) => {
    expect(isTermShaped(term, { quoted: true })).toBe(shaped);
  });
});

describe('buildGlossary', () => {
  it('joins an acronym with the expansion a neighbouring sentence gives, across case and width', () => {
    const entry = lookupEntry(state.glossary, 'MoE');
    expect(entry).not.toBeNull();
    expect(lookupEntry(state.glossary, 'mixture of experts')).toBe(entry);
    expect(lookupEntry(state.glossary, 'ＭＯＥ')).toBe(entry);
    expect(entry?.definitions.map((definition) => definition.line).sort()).toEqual([3, 4]);
  });

  it('finds a katakana term by its Latin spelling', () => {
    expect(lookupEntry(state.glossary, 'HumanEval')?.term).toBe('ヒューマンエバル');
    expect(lookupEntry(state.glossary, 'humaneval')?.term).toBe('ヒューマンエバル');
  });

  it('keeps one definition per line and puts the strongest first', () => {
    const entry = lookupEntry(state.glossary, 'グリンモー');
    expect(entry?.definitions.map((definition) => [definition.line, definition.kind])).toEqual([
      [5, 'topic'],
      [3, 'apposition'],
    ]);
  });

  it('suggests terms by prefix, then by sound', () => {
    expect(suggestEntries(state.glossary, 'ヒュー', 25).map((entry) => entry.term)).toEqual(['ヒューマンエバル']);
    expect(suggestEntries(state.glossary, 'Mixture', 25).map((entry) => entry.term)).toContain(lookupEntry(state.glossary, 'moe')?.term);
    expect(suggestEntries(state.glossary, '', 3)).toHaveLength(3);
  });

  it('extracts only term-shaped entries (no particles, clauses or numbers)', () => {
    for (const entry of state.glossary.entries) expect(isTermShaped(entry.term), entry.term).toBe(true);
    expect(state.glossary.entries.map((entry) => entry.term)).not.toContain('ファインチューニング');
  });

  it('is empty for a corpus that defines nothing', () => {
    const plain = stateFrom({ 'x.txt': '題名\n今日は晴れです。散歩に行きました。' }, state.retriever.analyzer, tokenizer);
    expect(buildGlossary(plain.corpus, tokenizer).entries).toEqual([]);
  });
});

describe('define', () => {
  it('shows each transcript’s own definition side by side when two transcripts define a term', () => {
    const result = define(state, { term: '蒸留', limit: 5 });
    expect(result).toMatchObject({ command: 'define', defined: true, term: '蒸留' });
    expect([...result.sideBySide].sort()).toEqual(['a_kansai.txt', 'b_interview.txt']);
    expect(result.results.map((item) => `${item.file}:${item.line}`).sort()).toEqual(['a_kansai.txt:6', 'b_interview.txt:5']);
    expect(result.results.find((item) => item.file === 'b_interview.txt')?.definition).toBe('蒸留とは、教師モデルの出力で生徒モデルを訓練する手法です。');
  });

  it('answers an acronym with the lines that expand and explain it', () => {
    const result = define(state, { term: 'moe', limit: 3 });
    expect(result.defined).toBe(true);
    expect(result.variants.length + 1).toBe(2);
    expect(result.results.map((item) => item.line).sort()).toEqual([3, 4]);
  });

  it('says no line defines a term it only mentions, and shows the most explanatory mention first', () => {
    const result = define(state, { term: 'ファインチューニング', limit: 3 });
    expect(result.defined).toBe(false);
    expect(result.term).toBeNull();
    expect(result.results.map((item) => item.line)).toEqual([7, 6]);
    expect(result.results[0]).toMatchObject({ file: 'b_interview.txt', defining: false, kind: 'mention' });
    expect(result.results[0]?.definition).toBe('ファインチューニングは、例えば医療の文書で追加の訓練をするやり方で使われます。');
  });

  it('returns nothing, undefined, for a term the material never uses', () => {
    const result = define(state, { term: '量子コンピュータ', limit: 3 });
    expect(result).toMatchObject({ defined: false, results: [] });
    // A term sharing characters with lines (モデルの蒸留器 has モデル, 蒸留) is still not in the material.
    expect(define(state, { term: 'モデル蒸留器', limit: 3 })).toMatchObject({ defined: false, results: [] });
  });

  it('lists other mentions, without the defining lines, in mentions mode', () => {
    const result = define(state, { term: 'グリンモー', limit: 5, mode: 'mentions' });
    expect(result.defined).toBe(false);
    expect(result.results.map((item) => item.line)).not.toContain(5);
  });
});

describe('define on a panel talk and a news article', () => {
  let talk: AppState;
  beforeAll(() => {
    talk = stateFrom(
      {
        'panel.txt': [
          '発酵のトークセッション',
          '',
          '麹というのは、蒸したお米や麦に、麹菌というカビの一種を繁殖させたものです。',
          '浸け方が足りないと、豆が固くなって麹となじみません。',
          '聞き手: 白葉枯病というのは、どういう病気なんでしょう。',
          '農家: 白葉枯病は、細菌が葉の傷から入って葉が白く枯れていく病気で、広がると収穫が落ちます。',
        ].join('\n'),
        'news.txt': [
          '宇宙のごみを回収する',
          '',
          'スペースデブリとは、役目を終えた人工衛星やロケットの破片など、軌道上を漂う不要な人工物のことだ。',
          '同社はデブリの除去を2026年に始める計画だ。',
        ].join('\n'),
      },
      state.retriever.analyzer,
      tokenizer,
    );
  });

  it('takes one kanji for a term where a sentence plainly says what it is', () => {
    expect(define(talk, { term: '麹', limit: 3 })).toMatchObject({ defined: true, term: '麹', results: [{ file: 'panel.txt', line: 3 }] });
    expect(isTermShaped('麹')).toBe(false);
    // A kanji the dictionary cut off a compound (採 + 蜜) is not the term.
    expect(findDefinitions(paragraphOf('採蜜っていうのは、巣から蜜を取ることです。'), tokenizer).map((candidate) => candidate.term)).not.toContain('蜜');
  });

  it('puts the line that explains a term above the line that asks about it', () => {
    expect(define(talk, { term: '白葉枯病', limit: 3 }).results.map((item) => item.line)).toEqual([6, 5]);
  });

  it('finds a term by the English name bracketed with it, not by a shorter term one of its words translates', () => {
    const bracketed = stateFrom(
      {
        'nlp.txt': [
          '講義',
          '',
          '単語とは、意味を持つ言葉の最小の単位のことです。',
          '単語埋め込み（word embedding）は、単語をベクトルに変える処理です。',
        ].join('\n'),
      },
      state.retriever.analyzer,
      tokenizer,
    );
    expect(define(bracketed, { term: 'word embedding', limit: 3 })).toMatchObject({ defined: true, term: '単語埋め込み', results: [{ line: 4 }] });
  });

  it('does not answer an English phrase with a term that is only one of its translation’s parts', () => {
    // A dictionary that translates the phrase whole (word embedding → 単語埋め込み): both words then
    // carry both parts, 単語 and 埋め込み, and only 単語 is defined.
    const phraseLexicon: Lexicon = {
      lookup: () => [],
      lookupPhrase: (words) => [{ phrase: words.join(' '), start: 0, end: words.length, candidates: words.join(' ') === 'word embedding' ? [{ term: '単語埋め込み', weight: 1 }] : [] }],
      size: 1,
    };
    const corpus = {
      transcripts: [parseTranscript('nlp.txt', ['講義', '', '単語とは、意味を持つ言葉の最小の単位のことです。', '今日は単語埋め込み（word embedding）を試します。'].join('\n'))],
      skipped: [],
    };
    const retriever = buildRetriever(corpus, state.retriever.analyzer, phraseLexicon);
    expect(retriever.prepare('word embedding').variants.get('embedding')).toContain('単語');
    const result = define({ retriever, glossary: buildGlossary(corpus, tokenizer) }, { term: 'word embedding', limit: 3 });
    expect(result).toMatchObject({ defined: false, term: null });
  });

  it('finds a katakana term typed in English words', () => {
    expect(define(talk, { term: 'space debris', limit: 3 })).toMatchObject({ defined: true, term: 'スペースデブリ', results: [{ file: 'news.txt', line: 3 }] });
  });
});

describe('glossary', () => {
  it('pages through the terms in the order the material explains them', () => {
    const first = glossary(state, { source: null, page: 1, pageSize: 2 });
    expect(first).toMatchObject({ command: 'glossary', page: 1, pageSize: 2 });
    expect(first.total).toBe(state.glossary.entries.length);
    expect(first.results[0]).toMatchObject({ file: 'a_kansai.txt' });
    const last = glossary(state, { source: null, page: 99, pageSize: 2 });
    expect(last.page).toBe(last.pageCount);
  });

  it('keeps to one file when given a source, by name prefix', () => {
    const result = glossary(state, { source: 'b_', page: 1, pageSize: 50 });
    expect(result.source).toBe('b_interview.txt');
    expect(result.results.every((item) => item.file === 'b_interview.txt')).toBe(true);
    expect(result.results.map((item) => item.term)).toContain('蒸留');
  });

  it('refuses an unknown source with a user error', () => {
    expect(() => glossary(state, { source: 'nope', page: 1, pageSize: 5 })).toThrow(UserError);
  });
});

describe('buildGlossary with a bilingual lexicon', () => {
  /** A lexicon that knows a handful of words, as JMdict would give them. */
  const lexicon: Lexicon = {
    lookup: (english) => ({ mixture: ['混合', '混在'], experts: ['専門家', '名人'], model: ['模型', 'モデル'] })[english]?.map((term, i) => ({ term, weight: 1 - i / 10 })) ?? [],
    lookupPhrase: () => [],
    size: 3,
  };

  it('joins a Japanese term to the English one it translates word for word, and nothing looser', () => {
    const corpus = {
      transcripts: [
        parseTranscript('k.txt', ['専門家の話', '', '専門家の混合っていうのは、いくつかの専門家モデルの集まりみたいなもんや。'].join('\n')),
        parseTranscript('e.txt', ['MoEの話', '', 'Mixture of Expertsとは、入力ごとに一部のエキスパートだけを使うモデルのことです。', '混合モデルとは、いくつかの分布を混ぜたモデルのことです。'].join('\n')),
      ],
      skipped: [],
    };
    const joined = buildGlossary(corpus, tokenizer, lexicon);
    const entry = lookupEntry(joined, 'Mixture of Experts');
    expect([entry?.term, ...(entry?.variants ?? [])]).toEqual(expect.arrayContaining(['専門家の混合', 'Mixture of Experts']));
    expect(entry?.definitions.map((definition) => definition.file).sort()).toEqual(['e.txt', 'k.txt']);
    // 混合モデル has a word (モデル) the English spelling does not: a different term.
    expect(lookupEntry(joined, '混合モデル')).not.toBe(entry);
    // Without the lexicon the spellings stay apart.
    const apart = buildGlossary(corpus, tokenizer);
    expect(lookupEntry(apart, 'Mixture of Experts')?.term).toBe('Mixture of Experts');
    expect(lookupEntry(apart, '専門家の混合')?.term).toBe('専門家の混合');
  });
});

describe('findDefinitions: shapes of talk', () => {
  it.each([
    // kuromoji reads an unknown kanji compound's last kanji as a verb that takes the cue's っ (清 + 拭っ + ていう).
    ['清拭っていうのは、体をタオルで拭いてきれいにすることです。', '清拭', 'topic'],
    // A numbered speaker label (「①：」 is one token to kuromoji) is not part of the term after it.
    ['アナ①：ノー残業デーとは、全員が定時で帰る日のことです。', 'ノー残業デー', 'topic'],
  ])('finds %s → %s (%s)', (sentence, term, kind) => {
    expect(findDefinitions(paragraphOf(sentence), tokenizer)).toMatchObject([{ term, kind }]);
  });

  it('starts a definition after a question that ends with a full-width ？ in the same line', () => {
    const asked = paragraphOf('田中：鈴木さん、わかる？　検温というのは、体温を測ることです。');
    expect(findDefinitions(asked, tokenizer)).toMatchObject([{ term: '検温', kind: 'topic', start: asked.text.indexOf('検温というのは') }]);
    const answered = paragraphOf('p値とは何？　帰無仮説が正しいとしたとき、今のデータ以上に極端な結果が出る確率です。');
    expect(findDefinitions(answered, tokenizer)).toMatchObject([{ term: 'p値', kind: 'question', end: answered.text.length }]);
  });

  it('takes the sentences after a definition that end in its head noun for definitions of their own topics', () => {
    const set = paragraphOf('一次救急っていうのは、入院の要らない患者を診る病院。二次救急は入院が要る患者を診る病院。三次救急は命にかかわる重い患者を診る病院ね。');
    const found = findDefinitions(set, tokenizer);
    expect(found.map((candidate) => candidate.term).sort()).toEqual(['一次救急', '三次救急', '二次救急']);
    expect(found.find((candidate) => candidate.term === '三次救急')).toMatchObject({ kind: 'means', start: set.text.indexOf('三次救急は'), end: set.text.length });
    // Another head noun, or no definition before: an ordinary topic sentence.
    expect(findDefinitions(paragraphOf('一次救急っていうのは、入院の要らない患者を診る病院。救急車は今日も来るのが遅かった。'), tokenizer).map((candidate) => candidate.term)).toEqual(['一次救急']);
    expect(findDefinitions(paragraphOf('二次救急の当番は月曜日。二次救急は入院が要る患者を診る病院。'), tokenizer)).toEqual([]);
  });

  it('defines a word just said and echoed as a question by the lines that say what it means', () => {
    const lines = (echo: string, answer: string) => ['内見の記録', '', '大家：階段だけじゃけえ、えらいじゃろうけど、がんばってね。', echo, answer, '大家：そうそう、疲れるいうことよ。'].join('\n');
    const echoed = stateFrom({ 'naiken.txt': lines('私：えらい？', '夫：しんどいってことよ。') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(echoed, { term: 'えらい', limit: 3 })).toMatchObject({ defined: true, results: [{ line: 5, kind: 'question' }, { line: 6, kind: 'question' }] });
    // An answer that does not say what the word means, or a word nobody said before.
    const unanswered = stateFrom({ 'naiken.txt': lines('私：えらい？', '夫：うん、慣れるよ。') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(unanswered, { term: 'えらい', limit: 3 }).defined).toBe(false);
    const unsaid = stateFrom({ 'naiken.txt': lines('私：しんどい？', '夫：疲れるってことよ。') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(unsaid, { term: 'しんどい', limit: 3 }).defined).toBe(false);
    // A nod after the answer says no meaning again.
    const nodded = stateFrom({ 'naiken.txt': lines('私：えらい？', '夫：しんどいってことよ。').replace('疲れるいうことよ', 'ああ、そういうことね') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(nodded, { term: 'えらい', limit: 3 }).results.map((item) => item.line)).toEqual([5]);
  });

  it('answers what a kanji compound kuromoji splits is by the next line', () => {
    const chat = stateFrom({ 'kango.txt': ['申し送り', '', '柴田：清拭って何？', '藤代：お風呂に入れない人の体を、タオルで拭いてきれいにすることよ。'].join('\n') }, createAnalyzer(tokenizer), tokenizer);
    expect(define(chat, { term: '清拭', limit: 3 })).toMatchObject({ defined: true, results: [{ line: 4, kind: 'question' }] });
  });
});
