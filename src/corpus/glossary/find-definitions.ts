/**
 * Definitional sentences in one paragraph, in standard and Kansai Japanese and in English:
 * 「XとはY」「Xというのは/っていうのは/ていうのは/っちゅうのは Y」「XはYのことです/を意味します/を指します」
 * 「YをXと呼びます/と言います」「Xっていうんや。(explanation)」「これXっていって、(explanation)」「Xっていう(会社/モデル…)」「X(Y)」「X、つまりY」
 * 「いわゆるX。これは…」, 「「X」。(これは…。)…という<kind>です」 and `X is a…` / `X stands for…`. Each gives the term as written, the other
 * spellings the sentence joins to it, and how strongly the sentence defines it.
 */
import { labelLength } from '../speaker-label.js';
import type { Paragraph, Sentence } from '../types.js';
import type { Tokenizer } from '../../text/tokenizer.js';
import { isAcronym, spellsAcronym, termSoundKey } from './term-key.js';
import { isAbstractNoun, isEverydayNoun, isTermShaped, isVerbStem, termEndingAt, termStartingAt, tokensOf, type Phrase, type Token } from './term-phrase.js';

export type DefinitionKind =
  | 'topic' // Xとは / Xっていうのは … Y
  | 'means' // XはYを意味します / を指します / のことです
  | 'like' // XはYのようなものです
  | 'called' // YをXと呼びます / Xと呼ばれる
  | 'named' // Xっていうんや。(explanation)
  | 'apposition' // Xっていう会社
  | 'so-called' // いわゆるX
  | 'expansion' // X(Y) and acronym expansions
  | 'gloss' // X(short explanation)
  | 'restatement' // X、つまりY
  | 'question' // Xとは何ですか? (answer)
  | 'english'; // X is a / means / stands for

/** A sentence (or two) of a paragraph that explains a term. Offsets index `paragraph.text`. */
export interface DefinitionCandidate {
  readonly term: string;
  /** Other spellings the material gives the same term here (an acronym's expansion, a katakana spelling). */
  readonly variants: readonly string[];
  readonly kind: DefinitionKind;
  /** 0..1: how surely this defines the term; a mere mention scores below every definition. */
  readonly strength: number;
  readonly start: number;
  readonly end: number;
}

/** Anything that may open a definition; sentences without one are not tokenised. */
const CUE =
  /と訳|とは|という|(?:いう|ゆう)(?:のは|んは)|っていう|て(?:いう|ゆう|言う)のは|ってゆう|の略|って言[ういっ]|と言[ういっ]|っていい|っていっ|といい|といっ|っちゅう|ちゅうのは|ってのは|っつうのは|と申|を意味|を指し|を指す|のこと[でやだを]|のような(?:もの|もん)|みたいな(?:もの|もん)|と呼|って呼|[」』]て呼|いわゆる|つまり|すなわち|要するに|[(\uFF08]|\b(?:is|are|means|refers|stands|called|known)\b/u;

/**
 * Kansai drops と before いう (「始末いうんはな、」), but after a bare kanji noun いう is as often the verb
 * 言う with its を dropped (「文句言うのは簡単やけど」): there the naming いう is written in kana and set off by
 * a pause, as a topic is; after katakana or a closing quote the term ends plainly, so any spelling names it.
 */
const TOPIC = /(?:とは|というのは|(?:という|っていう|ってゆう)んは|(?<=[\p{sc=Katakana}ー」』])(?:いう|ゆう|言う)(?:のは|んは)|(?<=\p{sc=Han})(?:いう|ゆう)(?:のは|んは)(?=[なねさ]?[、,])|っていうのは|(?<![っッ])て(?:いう|ゆう|言う)のは|って言うのは|と言うのは|ってゆうのは|っちゅうのは|っちゅうもんは|っちゅうんは|ちゅうのは|ってのは|っつうのは|(?:と|って)(?:申し|言い|いい)ますのは|と申すのは)/gu;
/** What follows a とは that does not define: 「…とは違う」(Kansai ちゃう)「…とは思いません」「…とは限らない」. */
const NOT_DEFINING_AFTER = /^[、,]?\s*(?:(?:大きく|非常に|全く|まったく|少し|かなり|根本的に)\s*)?(?:違|ちゃう|ちゃいま|ちゃうか|異な|対照|別|思|限|言え|いえ|関係|無関係|無縁|比べ|比較|反対|逆)/u;
const QUESTION_AFTER = /^[、,]?\s*(?:(?:そもそも|一体|いったい|具体的に(?:は)?|結局)[、,]?\s*)?(?:何|なに|なん|どう|どんな|どういう|誰)/u;
/** A sentence that asks or invites an explanation rather than giving one. */
const ASKING = /(?:[?\uFF1F]|(?:ですか|ますか|でしょうか|ですかね|んですが|んですけど|んですけれど|んだけど|んやけど)[。.]?)[」』)\uFF09]*$/u;
/** Copulas that end a definition: plain, polite, written and honorific (である, でございます). */
const COPULA = 'です|でございます|である|だ|や';
const COPULA_WORD = new RegExp(`^(?:${COPULA})$`, 'u');
const MEANS = new RegExp(`を(?:意味|指)(?:し|す|さ)|(?<!と)のこと(?:${COPULA}|を(?:指|言|意味))|の意味(?:${COPULA})|の略(?:称)?(?:${COPULA}|で)`, 'gu');
const THAT_IS = /^(?:これ|それ|あれ)(?:が|って)[^。]{1,40}?(のこと(?:です|や|だ|を))/u;
const LIKE = /(?:のような|みたいな)(?:もの|もん)(?:です|や|だ|で)/gu;
/** 「BM25は、…関連度を計算する、昔からある検索の手法です。」: a topic said to be a kind of thing. */
const KIND_NOUNS = '技術|手法|方法|処理|仕組み|方式|素子|装置|アルゴリズム|考え方|概念|指標|現象|ツール|プロセス|枠組み|規格';
const KIND_OF = new RegExp(`(?:${KIND_NOUNS}|したもの|するもの)(?:${COPULA})[。.]?$`, 'gu');
/** 「これらの完了は…」: a term pointed at (this, these) is being talked about, not defined. */
const POINTED_AT = /(?:この|その|あの|これらの|それらの|あれらの)\s*$/u;
const NEGATED = /わけ(?:では|じゃ|や)(?:ない|ありません|あらへん|ないです)|ではありません|じゃない|ちゃう/u;
/** と呼ぶ, って呼ぶ, and in dialect a quoted name's bare て (「本震」て呼ぶ). */
const CALLED = /(?:と|って|(?<=[」』])て)(?:呼ば|呼び|呼ん|呼ぶ|呼べ)/gu;
const CALLED_ATTRIBUTIVE = /^(?:と|って)呼ばれ(?:る|た)(?!と|んで)/u;
const NAMED = /(?:っていう|という|と言う|って言う|っていい|といい|と言い|って言い|と申し|と申す|(?<=[」』])(?:言う|言い|いう|いい|ゆう))(?=ん[やだで]|んです|ねん|らしい|そう[やだで]|ます|[。!\uFF01]|$)/gu;
/** Naming that needs the named thing as an object before it: 「…を、Xと申します」 (else a self-introduction), 「…のことを「X」言う」 (Kansai drops と). */
const NAMED_ONLY_OBJECT = /^(?:と申|[言いゆ])/u;
/** 「これフェルマータっていって、音を伸ばす記号なんです」: what is pointed at is named, and the clause after says what it is. */
const NAMED_POINTED = /(?:っていって|って言って|といって|と言って)(?=[、,\s])/gu;
const POINTING = /(?:これ|それ|あれ)(?:は|が)?[、,]?\s*$/u;
/** 「…ものを、コーパスと言います」: the thing named is the object before the term, as with と呼びます. */
const OBJECT_BEFORE = /を[、,]?\s*$/u;
/** Kinds of thing a term names: `Xっていう会社` introduces X as a company. */
const APPOSITION =
  /(?:っていう|という|っちゅう|と呼ばれる)(?=(?:新しい|新たな)?(?:会社|企業|モデル|漫画|方法|手法|技術|ベンチマーク|概念|現象|仕組み|プロジェクト|ツール|サービス|製品|本|論文|アルゴリズム|アーキテクチャ|ライブラリ|データセット|競技会|コンテスト|指標|用語|言葉|チップ|フレームワーク|プログラム|アプリ|機能|団体|組織|研究所|スタートアップ|ロボット|装置|システム|プラットフォーム|理論|法則|効果|問題|アイデア|考え方|仕様|規格|プロトコル|ゲーム|番組|シリーズ|イベント|もの|もん|やつ|の[もが]))/gu;
const SO_CALLED = /いわゆる/gu;
const RESTATE = /[、,]\s*(?:つまり|すなわち|要するに|言い換えると)[、,]?\s*/gu;
/** Titles and honorifics that end a person's name: such a name is not a term. */
const PERSON_TITLE = /(?:准?教授|講師|助教|先生|さん|くん|ちゃん|氏|博士|社長|会長|部長|課長|室長|所長|記者|選手|監督|議員|大臣|知事|市長)$/u;
const PAREN = /[(\uFF08]([^()\uFF08\uFF09]{1,60})[)\uFF09]/gu;
/**
 * Parentheses that do not explain: a reading in kana (星野台（ほしのだい）, 人名（やまだ・たろう）)
 * a person's role and affiliation (山田 太郎（SRE／株式会社サンプル）) and a handle (ケンタ（@kenta_dev）).
 */
const NOT_A_GLOSS = /^[\u3041-\u309f・\s]+$|[／/]|@[A-Za-z0-9_]/u;
/** A name the sentence says its topic is translated or called: 「検索拡張生成」と訳される / と呼ばれる. */
const TRANSLATED_AS = /[「『]([^」』]{2,30})[」』](?:と|って)(?:訳さ|訳す|訳し|訳せ|呼ば|言わ|表記さ)/gu;
/** Between names listed in parentheses: 「Large Language Model、大規模言語モデル」. */
const LIST_SEPARATOR = /[、,]\s*/u;
/** A sentence that goes on explaining what the previous one named. */
const EXPLAINS_PREVIOUS = /^(?:これは|それは|これが|それが|つまり|要するに|すなわち|言い換えると|このモデルは|この方法は|これって|それって|[「」]?(?:いわば))/u;
const ENGLISH_DEFINES = /\b([A-Z][\w+#.-]*(?:\s+[A-Za-z][\w+#.-]*){0,4})\s+(is|are|means|refers to|stands for)\s+(a|an|the|when|how|what)?\b/gu;
const ENGLISH_PRONOUN = /^(?:it|this|that|these|those|they|he|she|we|you|i|there|here|what|which|who)$/iu;
const ENGLISH_CALLED = /\b(?:called|known as|named)\s+["“]?([A-Z][\w+#.-]*(?:\s+[A-Z][\w+#.-]*){0,3})["”]?/gu;

/** KIND_OF as a plain test (KIND_OF is global, so stateful with `test`). */
const KIND_OF_CUE = new RegExp(KIND_OF.source, 'u');
/** A topic called a kind of thing defines it less surely than 「…のことです」 does. */
const KIND_OF_FACTOR = 0.8;

const STRENGTH: Readonly<Record<DefinitionKind, number>> = {
  topic: 1,
  means: 0.9,
  like: 0.75,
  called: 0.8,
  named: 0.75,
  expansion: 0.8,
  english: 0.8,
  restatement: 0.65,
  question: 0.6,
  'so-called': 0.55,
  apposition: 0.55,
  gloss: 0.5,
};
/** Kinds that define outright; the others (likening, naming in passing) do not make a term of an everyday noun. */
const PLAIN_KINDS: ReadonlySet<DefinitionKind> = new Set(['topic', 'means', 'called', 'named', 'question', 'english', 'expansion']);
const EVERYDAY_FACTOR = 0.6;
/** Bonus when the next sentence goes on explaining (これは…, つまり…). */
const FOLLOW_UP_BONUS = 0.1;
/** A negated definition (「…を意味するわけではありません」) still explains, but less. */
const NEGATED_FACTOR = 0.6;

interface SentenceView {
  readonly sentence: Sentence;
  readonly previous: Sentence | undefined;
  readonly next: Sentence | undefined;
  readonly tokens: Token[];
}

/**
 * Definition candidates in a paragraph, strongest first per term.
 *
 * @example findDefinitions(paragraph, tokenizer) // [{ term: 'セマンティック飽和', kind: 'named', … }]
 */
export function findDefinitions(paragraph: Paragraph, tokenizer: Tokenizer): DefinitionCandidate[] {
  const found: DefinitionCandidate[] = [];
  const sentences = paragraph.sentences;
  let previousFound: DefinitionCandidate[] = [];
  sentences.forEach((sentence, i) => {
    const here: DefinitionCandidate[] = scriptSpellings(sentence);
    const named = englishNames(sentence, previousFound);
    if (named !== null) found[found.indexOf(named.defined)] = named.extended;
    if (CUE.test(sentence.text) || KIND_OF_CUE.test(sentence.text) || HEAD_KIND_CUE.test(sentence.text)) {
      const view: SentenceView = { sentence, previous: sentences[i - 1], next: sentences[i + 1], tokens: tokensOf(tokenizer, sentence.text) };
      here.push(...topicDefinitions(view), ...meansDefinitions(view), ...thatIsDefinitions(view), ...calledDefinitions(view), ...namedDefinitions(view), ...headKindDefinitions(view));
      here.push(...appositions(view), ...soCalled(view), ...parentheses(view), ...restatements(view), ...translatedAs(view), ...english(view));
    }
    if (i === 0) here.push(...glossaryEntry(paragraph, sentence));
    here.push(...announcedDefinitions(sentences, i, tokenizer));
    if (here.length === 0) here.push(...parallelDefinitions(sentences, i, previousFound, tokenizer));
    if (GLOSS_END.test(sentence.text) || NOTE_EQUALS.test(sentence.text)) here.push(...glossNotes({ sentence, previous: sentences[i - 1], next: sentences[i + 1], tokens: tokensOf(tokenizer, sentence.text) }));
    if (sentence.text.includes('＝')) here.push(...equalsGlosses({ sentence, previous: sentences[i - 1], next: sentences[i + 1], tokens: [] }, labelLength(paragraph.text) - sentence.start));
    found.push(...here);
    previousFound = here;
  });
  // 「野々村「中央気象台の野々村といいます。」」: a speaker giving their own name introduces themselves.
  const speaker = paragraph.speaker ?? paragraph.text.slice(0, labelLength(paragraph.text));
  return strongestPerTerm(found.filter((candidate) => candidate.kind !== 'named' || speaker === '' || !speaker.includes(candidate.term)));
}

/**
 * A line that ends asking what a term is: 「p値ってけっきょく何？」「Xとは何ですか？」「Xって何だっけ」.
 * The group is where the cue after the term starts.
 */
const ASKS_WHAT = /(?:って|とは|っていうのは|というのは|ってのは)[、,]?\s*(?:けっきょく|結局|そもそも|いったい|一体|つまり|要するに)?\s*(?:何|なに|なん)(?:です|でしょう|なの|なん(?:です|や|だ)?|だっけ|でしたっけ|のこと)?(?:か|かね|かな)?[?\uFF1F]*$/u;

/**
 * A line that only echoes a word just said, as a question: 「戸川：たいぎいじゃろうけど、…」「私：たいぎい？」.
 * The group is the word.
 */
const ECHOED = /^[「『]?([^、。,「」『』\s?\uFF1F]{2,12})[」』]?[?\uFF1F]+$/u;
/**
 * An answer that says what a word means: 「めんどくさいってことじゃろ。」「しんどいいうことよ。」「…って意味です。」;
 * not a nod (「ああ、そういうことね。」).
 */
const SAYS_MEANING = /(?:(?:って|と|(?<!そう|こう|ああ|どう)(?:いう|ゆう|言う))(?:いう|ゆう|言う)?(?:こと|意味)|のこと)(?:です|でございます|だ|や|じゃ)?(?:ろう?|でしょう?)?(?:よ|ね|な|わ|さ|の)*[。.!！]?$/u;
/** The line after the answer that says the meaning again (「そうそう、…いうことよ。」) defines the word too, a little less. */
const SECOND_ANSWER_FACTOR = 0.9;

/**
 * 「[…] 鈴木: 質問。p値ってけっきょく何？」 answered on the next line 「[…] 佐藤: 帰無仮説が正しいと仮定したときに…確率、だよ」,
 * or a word just said echoed as a question (「たいぎい？」) and answered 「めんどくさいってことじゃろ。」: in a chat,
 * an interview or a FAQ the line that answers what a term is defines it. The definition is the answer's
 * first sentence (with the one after it, when it goes on: これは…), in the answer's paragraph; a second
 * line that says the meaning again (「…いうことよ。」) defines it too.
 */
export function answerDefinitions(paragraphs: readonly Paragraph[], i: number, tokenizer: Tokenizer): Array<DefinitionCandidate & { readonly paragraph: Paragraph }> {
  const question = paragraphs[i];
  const asked = question?.sentences.at(-1);
  if (question === undefined || asked === undefined) return [];
  const term = askedTerm(question, asked, paragraphs[i - 1], tokenizer);
  if (term === null) return [];
  const out: Array<DefinitionCandidate & { readonly paragraph: Paragraph }> = [];
  for (const [j, factor] of [[i + 1, 1], [i + 2, SECOND_ANSWER_FACTOR]] as const) {
    const answer = paragraphs[j];
    if (answer === undefined) break;
    const { sentences } = answer;
    const label = labelLength(answer.text);
    const first = sentences.find((sentence) => sentence.end > label);
    if (first === undefined || ASKING.test(first.text)) break;
    // An echo is answered only by a line that says what the word means; a second line always must.
    const saysMeaning = SAYS_MEANING.test(first.text);
    if (!saysMeaning && (term.echoed || j > i + 1)) break;
    const next = sentences[sentences.indexOf(first) + 1];
    const end = next !== undefined && EXPLAINS_PREVIOUS.test(next.text) ? next.end : first.end;
    out.push({ paragraph: answer, term: term.text, variants: [], kind: 'question', strength: STRENGTH.question * factor, start: first.start, end });
  }
  return out;
}

/** The term a line asks about: 「p値ってけっきょく何？」, or a word of the line before echoed alone (「たいぎい？」). */
function askedTerm(question: Paragraph, asked: Sentence, before: Paragraph | undefined, tokenizer: Tokenizer): { text: string; echoed: boolean } | null {
  const label = labelLength(question.text);
  const text = (asked.start < label ? question.text.slice(label, asked.end) : asked.text).trim();
  const echo = ECHOED.exec(text)?.[1];
  // Said just before, after its speaker's label: a word echoed back, which may be all kana (a dialect word).
  if (echo !== undefined && before !== undefined && before.text.slice(labelLength(before.text)).includes(echo) && isTermShaped(echo, { kana: true })) {
    return { text: echo, echoed: true };
  }
  const whole = asked.text.trim();
  const cue = ASKS_WHAT.exec(whole);
  if (cue === null) return null;
  const tokens = tokensOf(tokenizer, whole);
  const term = termBeforeCue(whole, tokens, cue.index, false);
  // 「キャンプの一番の出費って何なの？」 asks which expense, not what 出費 is: the term must open the question.
  if (term === null || !isTermShaped(term.text) || !SPOKEN_TOPIC_LEAD.test(whole.slice(0, term.start))) return null;
  return { text: term.text.trim(), echoed: false };
}

/**
 * The term right before a cue at `offset`. kuromoji reads an unknown kanji compound's last kanji as a
 * one-kanji verb and gives it the cue's っ (担送っていう as 担 + 送っ + ていう): the term then ends inside
 * that token, before its っ, and is the kanji compound up to there.
 */
function termBeforeCue(text: string, tokens: readonly Token[], offset: number, allowNo: boolean): Phrase | null {
  const end = tokenEndingAt(tokens, offset);
  if (end !== -1) return termEndingAt(text, tokens, end, allowNo);
  const at = tokens.findIndex((token) => token.start < offset && token.end === offset + 1);
  const glued = tokens[at];
  if (glued === undefined || glued.morpheme.pos !== '動詞' || !/^\p{sc=Han}っ$/u.test(glued.morpheme.surface)) return null;
  const before = termEndingAt(text, tokens, at - 1, allowNo);
  if (before === null || before.end !== glued.start) return null;
  const compound = text.slice(before.start, offset);
  return /^\p{sc=Han}{2,6}$/u.test(compound) ? { text: compound, start: before.start, end: offset } : null;
}

/** The index of the token that ends at `offset` (the token before a cue), or -1. */
function tokenEndingAt(tokens: readonly Token[], offset: number): number {
  for (let i = tokens.length - 1; i >= 0; i -= 1) {
    const token = tokens[i] as Token;
    if (token.end <= offset) return token.end === offset ? i : -1;
  }
  return -1;
}

function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  return tokens.findIndex((token) => token.start === offset);
}

/** Whether a phrase stands inside 「」 or 『』. */
function isQuoted(text: string, term: Phrase): boolean {
  return /[「『]/u.test(text.charAt(term.start - 1)) && /[」』]/u.test(text.charAt(term.end));
}

function candidate(
  view: SentenceView,
  term: Phrase | null,
  kind: DefinitionKind,
  options: { withNext?: boolean; variants?: readonly string[]; factor?: number; kana?: boolean; quoted?: boolean } = {},
): DefinitionCandidate[] {
  // One kanji stands for a term only when it is a word of its own, not the end of a compound the
  // dictionary cut (採蜜 read as 採 + 蜜).
  const before = term === null ? '' : view.sentence.text.slice(Math.max(0, term.start - 1), term.start);
  const oneKanji = kind === 'topic' && !/[\p{sc=Han}\p{sc=Katakana}A-Za-z0-9ー]/u.test(before);
  // 「…のことを「おこげ」と言います」: a quoted kana word that is named is a word (a quoted clause is not).
  const kana = options.kana === true || (term !== null && kind === 'called' && isQuoted(view.sentence.text, term) && /^[\u3041-\u309fー]+$/u.test(term.text));
  if (term === null || !isTermShaped(term.text, { oneKanji, kana, quoted: options.quoted })) return [];
  const { sentence, next } = view;
  const explains = next !== undefined && EXPLAINS_PREVIOUS.test(next.text);
  const extend = next !== undefined && (options.withNext === true || explains);
  const everyday = !PLAIN_KINDS.has(kind) && isEverydayNoun(view.tokens, term) ? EVERYDAY_FACTOR : 1;
  const strength = Math.min(1, STRENGTH[kind] * (options.factor ?? 1) * everyday + (explains ? FOLLOW_UP_BONUS : 0));
  return [{
    term: term.text.trim(),
    variants: (options.variants ?? []).filter((variant) => isTermShaped(variant)),
    kind,
    strength,
    start: sentence.start,
    end: extend && next !== undefined ? next.end : sentence.end,
  }];
}

/** How many topic は (係助詞) a sentence has. */
function topicCount(view: SentenceView): number {
  return view.tokens.filter((token) => token.morpheme.surface === 'は' && token.morpheme.posDetail === '係助詞').length;
}

/** The term the sentence is about: the noun phrase before its first topic は (or が for 「Xがその…」). */
function topicOf(view: SentenceView, before: number): Phrase | null {
  const { tokens } = view;
  for (let i = 1; i < tokens.length && (tokens[i] as Token).start < before; i += 1) {
    const token = tokens[i] as Token;
    if (token.morpheme.surface !== 'は' || token.morpheme.posDetail !== '係助詞') continue;
    // 「埋め込み(エンベディング)は」: the term is before its parenthesised spelling.
    let end = i - 1;
    if (/^[)\uFF09]$/u.test(tokens[end]?.morpheme.surface ?? '')) {
      while (end > 0 && !/^[(\uFF08]$/u.test(tokens[end]?.morpheme.surface ?? '')) end -= 1;
      end -= 1;
    }
    return end < 0 ? null : termEndingAt(view.sentence.text, tokens, end, true);
  }
  return null;
}

function topicDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(TOPIC)) {
    const at = match.index ?? 0;
    const rest = text.slice(at + match[0].length);
    // 「質問とはるかに」: the cue must end on a word boundary, not inside the next word. kuromoji reads
    // the Kansai 「っていうのはな、」「とはね、」 as one token (はな, はね): a particle and a comma after it is a boundary too.
    const boundary = rest === '' || tokenStartingAt(view.tokens, at + match[0].length) !== -1 || /^[なねさよ][、,]/u.test(rest);
    if (!boundary || NOT_DEFINING_AFTER.test(rest)) continue;
    const found = termBeforeCue(text, view.tokens, at, true);
    const opening = found !== null && isTermShaped(found.text) ? null : openingWord(view, at);
    const term = opening ?? found;
    if (QUESTION_AFTER.test(rest) || rest.replace(/[、,\s]/gu, '') === '' || /^[、,]?[?\uFF1F]/u.test(rest) || ASKING.test(text)) {
      // 「9/9/6とは何ですか?」 asks for a definition: the next sentence gives it, if it is not a question too.
      // 「忠実度というのは正確さのようなものですか。」「…というのは、なじみがないと思うんですが。」 only ask.
      if (/[?\uFF1F]$/u.test(text) && view.next !== undefined && !ASKING.test(view.next.text)) {
        out.push(...candidate(view, term, 'question', { withNext: true, kana: opening !== null }));
      }
      continue;
    }
    out.push(...candidate(view, term, 'topic', { factor: NEGATED.test(rest) ? NEGATED_FACTOR : 1, kana: opening !== null, withNext: saysWhatInNext(view) }));
  }
  return out;
}

/** A sentence that says what something is, to its end (Kansai ねん and other final particles allowed). */
const SAYS_WHAT = new RegExp(`(?:のこと|もの|もん|状態|様子|意味)(?:${COPULA})(?:ねん|よ|ね|わ|な|で)*[。.!！]?$|を(?:意味|指)(?:し|す)`, 'u');
/** A topic or a comma after a topic: the sentence is about something of its own. */
const OWN_TOPIC = /(?:は|って|とは)[、,]/u;

/**
 * 「始末いうんはな、ケチとはちゃいまっせ。始めと終わり、…心構えのことですねん。」: a topic sentence that
 * does not itself say what the term is, followed by one that does with no topic of its own.
 */
function saysWhatInNext(view: SentenceView): boolean {
  const next = view.next?.text.trim() ?? '';
  return next !== '' && !SAYS_WHAT.test(view.sentence.text.trim()) && SAYS_WHAT.test(next) && !OWN_TOPIC.test(next) && !ASKING.test(next);
}

/** Where a clause opens: the sentence start, a comma, a quote, a speaker label's colon. */
const CLAUSE_OPENS = /[、,「『:\uFF1A\s]/u;
/** 「ぬか漬けとは」「しらす丼っていうのは」: a kana word joined to a kanji or katakana part (with okurigana). */
const KANA_COMPOUND = /^[\u3041-\u3096]{2,4}[\p{sc=Han}\p{sc=Katakana}ー]{1,6}[\u3041-\u3096]{0,2}$/u;
/**
 * Parts of speech a kana compound's kana may be read as: kuromoji cuts unknown kana words into
 * nouns, particles and verbs (ぬか as ぬく, しらす as a verb). An adjective or auxiliary makes a clause (いい会社).
 */
const KANA_PART_POS: ReadonlySet<string> = new Set(['名詞', '助詞', '接頭詞', '動詞']);
/** What a verb-topic sentence must end with to define it: 「…状態のことです」「…を指します」. */
const DEFINING_END = new RegExp(`(?:のこと|もの|もん|状態|様子|意味)(?:${COPULA})[。.!！]?$|を(?:意味|指)(?:し|す)`, 'u');
const MAX_OPENING_WORD = 10;

/**
 * The word a sentence opens with when the dictionary cannot make it a term: a verb or adjective in
 * its dictionary form (「くつろぐっていうのは、…状態のことです」) or a kana word joined to a kanji part
 * (「ぬか漬けとは」, which kuromoji reads as ぬく + 漬け). Only what stands alone before the cue.
 */
function openingWord(view: SentenceView, at: number): Phrase | null {
  const text = view.sentence.text;
  let start = at;
  while (start > 0 && !CLAUSE_OPENS.test(text.charAt(start - 1))) start -= 1;
  const word = text.slice(start, at);
  // Only a speaker label or a connective (で、 それで、) may stand before it.
  if (start > 0 && !/^[、,]?$/u.test(text.slice(0, start).replace(/^[^、,「『]*[:\uFF1A]\s*/u, '').replace(/^(?:で|それで|ほんで|じゃあ|まず|あと)[、,]$/u, ''))) return null;
  if ([...word].length < 2 || [...word].length > MAX_OPENING_WORD) return null;
  const inside = view.tokens.filter((token) => token.start >= start && token.end <= at);
  if (inside.length === 0 || (inside[0] as Token).start !== start || (inside[inside.length - 1] as Token).end !== at) return null;
  const phrase = { text: word, start, end: at };
  const only = inside.length === 1 ? (inside[0] as Token).morpheme : null;
  if (only !== null && (only.pos === '動詞' || only.pos === '形容詞') && only.surface === only.base) {
    // 「できるっていうのは、すごいことです」 talks about a verb; 「…状態のことです」 and 「…諦めないことです」 say what it is.
    return /^[\u3041-\u309f\p{sc=Han}]+$/u.test(word) && (DEFINING_END.test(text.slice(at)) || endsInAction(view.tokens)) ? phrase : null;
  }
  // 「追い鰹というのは」「煮切りとは」: a verb's stem joined to a noun or another stem is one word with its
  // okurigana (kuromoji reads 追い + 鰹, 煮 + 切り), not a clause.
  if (inside.length >= 2 && inside.some(isVerbStem) && /^[\p{sc=Han}\u3041-\u3096]+$/u.test(word) && /\p{sc=Han}/u.test(word)) {
    const noun = (token: Token) => token.morpheme.pos === '名詞' && token.morpheme.posDetail !== '非自立' && token.morpheme.posDetail !== '代名詞';
    if (inside.every((token) => isVerbStem(token) || noun(token)) && isTermShaped(word)) return phrase;
  }
  const kanaPart = inside.filter((token) => /^[\u3041-\u3096]+$/u.test(token.morpheme.surface));
  // 「できる人とは」 is a clause about people: the kanji part must be a noun of its own, not 人, 時, 方.
  const head = word.replace(/^[\u3041-\u3096]+/u, '').replace(/[\u3041-\u3096]+$/u, '');
  if (!KANA_COMPOUND.test(word) || isAbstractNoun(head)) return null;
  return kanaPart.every((token) => KANA_PART_POS.has(token.morpheme.pos) && token.morpheme.posDetail !== '代名詞') ? phrase : null;
}

/** Verbs that, before こと, say that something happens (よくあることです) rather than what is done. */
const BEING_VERBS: ReadonlySet<string> = new Set(['ある', 'いる', 'おる', 'なる']);

/**
 * Whether a sentence ends 「<verb>(ない/た…)ことです」: 「頑張るっていうのは、諦めないことです」 says which action
 * the topic verb is. An adjective or a な-adjective before こと (すごいこと, 大事なこと) judges it instead.
 */
function endsInAction(tokens: readonly Token[]): boolean {
  let i = tokens.length - 1;
  while (i >= 0 && (tokens[i] as Token).morpheme.pos === '記号') i -= 1;
  if (i >= 0 && COPULA_WORD.test((tokens[i] as Token).morpheme.surface)) i -= 1;
  else if (i >= 1 && (tokens[i] as Token).morpheme.surface === 'ある' && (tokens[i - 1] as Token).morpheme.surface === 'で') i -= 2;
  if (i < 0 || (tokens[i] as Token).morpheme.surface !== 'こと') return false;
  i -= 1;
  // Past the auxiliaries (ない, た, れる), to the word they follow: a verb, or an adjective (よくない), a noun (大事な).
  while (i >= 0 && (tokens[i] as Token).morpheme.pos === '助動詞') i -= 1;
  const head = tokens[i]?.morpheme;
  return head !== undefined && head.pos === '動詞' && !BEING_VERBS.has(head.base);
}

function meansDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const [pattern, kind, weight] of [[MEANS, 'means', 1], [LIKE, 'like', 1], [KIND_OF, 'means', KIND_OF_FACTOR]] as const) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      // Only a sentence about one topic: in 「RLHFは…できますが、これらの領域は…プロセスです。」 the kind is the second topic's.
      if (pattern === KIND_OF && (MEANS.test(text) || ASKING.test(text) || topicCount(view) !== 1)) continue;
      const factor = (NEGATED.test(text.slice(at)) ? NEGATED_FACTOR : 1) * weight;
      const topic = topicOf(view, at) ?? (pattern === MEANS ? spokenTopicOf(view, at) : null);
      if (pattern === KIND_OF && topic !== null && POINTED_AT.test(text.slice(0, topic.start))) continue;
      out.push(...candidate(view, topic, kind, { factor, variants: topic === null ? [] : namesOfAcronym(topic.text, text.slice(topic.end, at)) }));
    }
  }
  return out;
}

/** A sentence that may call its topic a kind of its own head noun: a topic は, then a kanji or katakana word after kana, before で、 or a copula. */
const HEAD_KIND_CUE = new RegExp(String.raw`は.*[\u3041-\u309f][\p{sc=Han}\p{sc=Katakana}ー]{2,}(?:で[、,]|(?:${COPULA})[。.!！]?$)`, 'u');
const KANJI_OR_KATAKANA = /^[\p{sc=Han}\p{sc=Katakana}ー]+$/u;

/**
 * 「産膜酵母は、ぬか床の表面にできる白い膜状の酵母で、体に害はありません。」: a topic said to be a kind of
 * its own head noun (…の酵母で / …の酵母です) is defined by what the sentence says of that kind.
 */
function headKindDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  if (ASKING.test(text)) return [];
  const topic = topicOf(view, text.length);
  if (topic === null || POINTED_AT.test(text.slice(0, topic.start))) return [];
  // Up to a second topic (「…の酵母で、体に害はありません」): what follows it is said of that one.
  const second = view.tokens.find((token) => token.start > topic.end && token.morpheme.surface === 'は' && token.morpheme.posDetail === '係助詞');
  const rest = text.slice(topic.end, second?.start ?? text.length);
  const chars = [...topic.text];
  for (let length = chars.length - 1; length >= 2; length -= 1) {
    const head = chars.slice(-length).join('');
    if (!KANJI_OR_KATAKANA.test(head)) continue;
    const kind = new RegExp(String.raw`[\u3041-\u309f]${head}(?:で[、,]|(?:${COPULA})[。.!！]?$)`, 'u');
    if (kind.test(rest)) return candidate(view, topic, 'means', { factor: KIND_OF_FACTOR });
  }
  return [];
}

/** Before a spoken topic って: nothing but a speaker label, a connective or an opening quote. */
const SPOKEN_TOPIC_LEAD = /^(?:[^、,「『。]{1,20}[:\uFF1A]\s*)?(?:(?:ちなみに|で|それで|じゃあ|まず|あと|えっと|あの|まあ)[、,]?\s*)?[「『]?$/u;

/**
 * 「LLMってlarge language model、大規模言語モデルのことです」: in speech って marks the topic that
 * のことです defines, when the term opens the sentence.
 */
function spokenTopicOf(view: SentenceView, before: number): Phrase | null {
  const { tokens } = view;
  const text = view.sentence.text;
  for (let i = 1; i < tokens.length && (tokens[i] as Token).start < before; i += 1) {
    const token = tokens[i] as Token;
    if (token.morpheme.surface !== 'って' || token.morpheme.pos !== '助詞') continue;
    const term = termEndingAt(text, tokens, i - 1, false);
    return term !== null && term.end === token.start && SPOKEN_TOPIC_LEAD.test(text.slice(0, term.start)) ? term : null;
  }
  return null;
}

/** The names an explanation lists for an acronym (「large language model、大規模言語モデル」), when one spells it out. */
function namesOfAcronym(term: string, explanation: string): string[] {
  if (!isAcronym(term)) return [];
  const names = explanation.replace(/^\s*(?:って|は|とは)\s*[、,]?\s*/u, '').split(LIST_SEPARATOR).map((name) => name.trim());
  if (!names.every((name) => isTermShaped(name)) || !names.some((name) => spellsAcronym(name, term))) return [];
  return names;
}

/** `- **スタミナ管理**：…立ち回ること。`: a bold term, a colon and its explanation, as a Markdown glossary writes it. */
const BOLD_ENTRY = /^\s*([-*+・]\s+)?\*\*([^*\[\]]{2,30})\*\*\s*[:\uFF1A]\s*(\S.*)$/u;
/** Headings of a glossary section, where an entry need not be a list item. */
const GLOSSARY_HEADING = /用語|語句|キーワード|辞典|索引|glossary|terms|vocabulary/iu;
/** An entry that only points elsewhere (「…の説明を参照。」) explains nothing. */
const POINTER = /参照|を見て(?:ください|下さい)?[。.]?$|\bsee\b/iu;

/**
 * A Markdown glossary entry. A bold label in a list (or under a glossary heading) is a term, not a
 * speaker: a transcript's bold speaker lines (`**田中**：…`) stand outside lists and are attributed to their speaker.
 */
function glossaryEntry(paragraph: Paragraph, sentence: Sentence): DefinitionCandidate[] {
  const match = BOLD_ENTRY.exec(paragraph.text);
  if (match === null) return [];
  const term = (match[2] ?? '').trim();
  const explanation = match[3] ?? '';
  if (match[1] === undefined && !GLOSSARY_HEADING.test(paragraph.section ?? '')) return [];
  if (!isTermShaped(term) || POINTER.test(explanation) || (paragraph.speaker !== null && paragraph.speaker.includes(term))) return [];
  const last = paragraph.sentences[paragraph.sentences.length - 1] ?? sentence;
  return [{ term, variants: [], kind: 'means', strength: STRENGTH.means, start: sentence.start, end: last.end }];
}

/** A transcriber's or editor's gloss ends 「…、の意。」「…の意味。」 or 「…のこと。」 with no copula. */
const GLOSS_END = /(?:の意(?:味)?(?:です|である|だ)?|のこと)[。.]?[)\uFF09]?$/u;
/** A note that opens with a word and ＝ (「※八幡さま＝下町八幡神社。」): the word is glossed. */
const NOTE_EQUALS = /^※\s*([^＝=、。,「」『』\s]{2,12})\s*[＝=]\s*\S/u;
/** A transcriber's note mark: what follows it glosses. */
const NOTE_MARK = /^\s*[※＊*]/u;
/** What ends one word's gloss: 、 before the next word, or the note's 「、の意。」「のこと。」. */
const GLOSS_TAIL = /[、,]?\s*(?:の意(?:味)?(?:です|である|だ)?|のこと)?[。.]?[)\uFF09]?\s*$/u;
/** Within one word's gloss, the sign of a second clause (「有名な話やけど、それも昔のこと」). */
const CLAUSE_BREAK = /[、,。]|けど|けれど|のに|ので/u;
/** Each quoted word glossed in it: 「ごしゃぐ」は怒る, 「がおる」＝弱る. */
const GLOSSED = /[「『]([^「」『』]{1,20})[」』]\s*(?:は|＝|=|:|\uFF1A)/gu;

/**
 * 「※「がおる」は弱る・気落ちする、の意。」「「いきなり」はとても、「がおる」は弱る、の意。」「「おど」は父親のこと。」:
 * a note that glosses one or more quoted words defines each of them (a dialect word may be all kana).
 */
function glossNotes(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  const equals = NOTE_EQUALS.exec(text);
  if (equals !== null) {
    const word = (equals[1] ?? '').trim();
    const start = text.indexOf(word);
    out.push(...candidate(view, { text: word, start, end: start + word.length }, 'means', { quoted: true }));
  }
  const glossed = [...text.matchAll(GLOSSED)];
  const note = NOTE_MARK.test(text);
  for (const [i, match] of glossed.entries()) {
    // Outside a ※ note the gloss follows its word directly: in 「社長の「やってみなはれ」は有名な話やけど、
    // それも昔のこと。」 the のこと ends another clause, and the word is not glossed.
    const gloss = text.slice((match.index ?? 0) + match[0].length, glossed[i + 1]?.index ?? text.length).replace(GLOSS_TAIL, '');
    if (!note && CLAUSE_BREAK.test(gloss)) continue;
    const word = match[1] ?? '';
    const start = (match.index ?? 0) + 1;
    const kana = /^[\u3041-\u309fー]{2,8}$/u.test(word);
    out.push(...candidate(view, { text: word, start, end: start + word.length }, 'means', { kana, quoted: true }));
  }
  return out;
}

/** A word and ＝ opening a clause (after a label, the start, or 、): 「第一種＝帰無仮説が正しいのに棄却しちゃうミス」. */
const EQUALS_GLOSS = /(?:^|[、,！!？?]\s*)([^＝=、。,！!？?「」『』()（）\s:：※]{2,12})\s*＝\s*(?=\S)/gu;
/** Less sure than a note's 「※X＝Y」: in talk, ＝ may join a word to a nickname or a formula. */
const EQUALS_FACTOR = 0.9;

/**
 * 「第一種＝帰無仮説が正しいのに棄却しちゃうミス（あわてんぼう）、第二種＝…」「みさきち＝田中です」: in a chat or
 * notes, a word set equal to what it stands for is glossed by it.
 */
function equalsGlosses(view: SentenceView, label: number): DefinitionCandidate[] {
  const text = view.sentence.text.slice(Math.max(0, label));
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(EQUALS_GLOSS)) {
    const word = match[1] ?? '';
    const start = Math.max(0, label) + (match.index ?? 0) + match[0].indexOf(word);
    const kana = /^[\u3041-\u309fー]{2,8}$/u.test(word);
    out.push(...candidate(view, { text: word, start, end: start + word.length }, 'means', { kana, quoted: true, factor: EQUALS_FACTOR }));
  }
  return out;
}

/** 「…コードに賭けている。これがClaude Codeのことです」: the sentence before explains X. */
function thatIsDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const match = THAT_IS.exec(text);
  if (match === null || view.previous === undefined) return [];
  const at = match.index + match[0].length - (match[1] ?? '').length;
  const term = termBeforeCue(text, view.tokens, at, false);
  return candidate(view, term, 'means').map((found) => ({ ...found, start: view.previous?.start ?? found.start, strength: found.strength * 0.9 }));
}

/**
 * A sentence that is only a term, quoted or bare, after a speaker label and a connective:
 * 「それから「3割控除」。」 announces the term the next sentences explain.
 */
const ANNOUNCED = /^(?:[^、,「『。]{1,20}[:\uFF1A]\s*)?(?:(?:それから|次に|次は|まず|あと|で|そして|最後に|さらに|続いて|もう一つ)[、,]?\s*)?(?:[「『]([^「」『』]{2,24})[」』]|([^「」『』、,。]{2,24}))[。.!！]$/du;
/** 「…半額で済む、という制度です」: the explanation ends by saying what kind of thing the announced term is. */
const SAYS_KIND = new RegExp(`という\\s*([\\p{sc=Han}\\p{sc=Katakana}ー]{1,8}?)(?:${COPULA})[。.!！]?$`, 'u');
/** Kinds an announced term may be said to be besides its own head noun (3割控除 … という控除). */
const ANNOUNCED_KIND = new RegExp(`^(?:${KIND_NOUNS}|制度|ルール|サービス|もの)$`, 'u');
/** How many sentences after the announcement may hold its explanation (those between must go on: これは…). */
const ANNOUNCED_REACH = 2;

/**
 * 「「早割制度」。これは見落としがちです。…半額で済む、という制度です。」: a term announced on its own, then
 * explained as 「…という<kind>です」, where the kind is the term's head noun or a kind of thing. The
 * definition runs from the announcement to the explanation.
 */
function announcedDefinitions(sentences: readonly Sentence[], i: number, tokenizer: Tokenizer): DefinitionCandidate[] {
  const sentence = sentences[i] as Sentence;
  const match = ANNOUNCED.exec(sentence.text);
  if (match === null) return [];
  for (let j = i + 1; j <= Math.min(i + ANNOUNCED_REACH, sentences.length - 1); j += 1) {
    const explaining = sentences[j] as Sentence;
    const kind = SAYS_KIND.exec(explaining.text)?.[1];
    if (kind !== undefined && !ASKING.test(explaining.text)) {
      const tokens = tokensOf(tokenizer, sentence.text);
      const quoted = match[1] !== undefined;
      const [start, end] = match.indices?.[quoted ? 1 : 2] ?? [0, 0];
      // A bare term must be one noun phrase (quoted ones are taken whole).
      const term = quoted ? { text: match[1] ?? '', start, end } : termBeforeCue(sentence.text, tokens, end, false);
      if (term === null || term.start !== start || term.end !== end) return [];
      if (!term.text.endsWith(kind) && !ANNOUNCED_KIND.test(kind)) return [];
      const view: SentenceView = { sentence, previous: sentences[i - 1], next: sentences[i + 1], tokens };
      return candidate(view, term, 'means', { quoted }).map((found) => ({ ...found, end: explaining.end }));
    }
    // Only sentences that go on about it may stand between: 「これは見落としがちです。」.
    if (!EXPLAINS_PREVIOUS.test(explaining.text)) return [];
  }
  return [];
}

/** Kinds of definition whose shape the sentences after it may repeat for other terms. */
const SETS_PATTERN: ReadonlySet<DefinitionKind> = new Set(['topic', 'means']);
/** Said in passing after another term's definition, a parallel one is a little less sure. */
const PARALLEL_FACTOR = 0.85;

/**
 * 「担送っていうのは、…職員がついて運ぶ人。護送は付き添いは要るけど自分で歩ける人。独歩はひとりで大丈夫な人ね。」:
 * right after a sentence that defines a term, one that opens with its own topic and ends in the same head
 * noun (…人, …日, …状態) defines that topic the same way: the speaker runs through a set of terms.
 */
function parallelDefinitions(sentences: readonly Sentence[], i: number, previousFound: readonly DefinitionCandidate[], tokenizer: Tokenizer): DefinitionCandidate[] {
  const sentence = sentences[i] as Sentence;
  const previous = sentences[i - 1];
  if (previous === undefined || ASKING.test(sentence.text)) return [];
  const model = previousFound.find((found) => SETS_PATTERN.has(found.kind) && found.end === previous.end);
  if (model === undefined) return [];
  const view: SentenceView = { sentence, previous, next: sentences[i + 1], tokens: tokensOf(tokenizer, sentence.text) };
  const head = headNoun(view.tokens);
  if (head === null || head !== headNoun(tokensOf(tokenizer, previous.text))) return [];
  const topic = topicOf(view, sentence.text.length);
  if (topic === null || topic.text === model.term || PERSON_TITLE.test(topic.text) || !SPOKEN_TOPIC_LEAD.test(sentence.text.slice(0, topic.start))) return [];
  return candidate(view, topic, 'means', { factor: PARALLEL_FACTOR });
}

/** The noun a sentence ends in, past its copula and final particles (「…大丈夫な人ね。」 → 人), or null. */
function headNoun(tokens: readonly Token[]): string | null {
  let i = tokens.length - 1;
  const trailing = (token: Token) => token.morpheme.pos === '記号' || token.morpheme.pos === '助動詞' || (token.morpheme.pos === '助詞' && token.morpheme.posDetail === '終助詞');
  while (i >= 0 && trailing(tokens[i] as Token)) i -= 1;
  const last = tokens[i]?.morpheme;
  return last !== undefined && last.pos === '名詞' ? last.surface : null;
}

/** An object pointing back (「この黒い膜を」「そういう作業を」): what is named is what the sentence before describes. */
const POINTED_OBJECT = /(?:^|[、,\s:：])(?:この|その|こういう|そういう|こうした|そうした|このような|そのような|こんな|そんな)[^、。,]{0,12}を[、,]?\s*[「『]?$/u;

function calledDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(CALLED)) {
    const at = match.index ?? 0;
    const term = termBeforeCue(text, view.tokens, at, false);
    // 「Xと呼ばれるY」 names a kind of Y; the sentence after usually says more.
    const attributive = CALLED_ATTRIBUTIVE.test(text.slice(at));
    const found = candidate(view, term, 'called', { factor: attributive ? 0.9 : 1 });
    // 「…表面だけが黒くこげたようになっています。この黒い膜を「溶融皮殻」と呼びます。」: the definition is both sentences.
    const from = term !== null && view.previous !== undefined && POINTED_OBJECT.test(text.slice(0, term.start)) ? view.previous.start : null;
    out.push(...found.map((definition) => (from === null ? definition : { ...definition, start: from })));
  }
  return out;
}

function namedDefinitions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(NAMED)) {
    const at = match.index ?? 0;
    const term = termBeforeCue(text, view.tokens, at, false);
    // 「セマンティック飽和っていうらしいわ。言葉を何回も繰り返すと…」: the explanation follows.
    // 「大量の文章を集めたものを、コーパスと言います。」 names what the object says, as と呼びます does.
    const called = term !== null && OBJECT_BEFORE.test(text.slice(0, isQuoted(text, term) ? term.start - 1 : term.start));
    if (!called && NAMED_ONLY_OBJECT.test(match[0])) continue;
    out.push(...candidate(view, term, called ? 'called' : 'named', { withNext: !called }));
  }
  for (const match of text.matchAll(NAMED_POINTED)) {
    const term = termBeforeCue(text, view.tokens, match.index ?? 0, false);
    if (term !== null && POINTING.test(text.slice(0, term.start))) out.push(...candidate(view, term, 'named'));
  }
  return out;
}

function appositions(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(APPOSITION)) {
    const at = match.index ?? 0;
    const term = termBeforeCue(text, view.tokens, at, false);
    // 「AGIエバルっていうのもあって、これは…ベンチマークなんや」: explained in the same sentence.
    const explainedHere = /[、,]\s*(?:これは|それは|これが)/u.test(text.slice(at));
    out.push(...candidate(view, term, 'apposition', { factor: explainedHere ? 1.35 : 1 }));
  }
  return out;
}

function soCalled(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(SO_CALLED)) {
    const start = tokenStartingAt(view.tokens, (match.index ?? 0) + match[0].length);
    out.push(...candidate(view, start === -1 ? null : termStartingAt(text, view.tokens, start), 'so-called'));
  }
  return out;
}

/** X(Y): an acronym and its expansion either way round, two spellings, or a term and a short gloss. */
function parentheses(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(PAREN)) {
    const at = match.index ?? 0;
    const inner = (match[1] ?? '').trim();
    const outer = termBeforeCue(text, view.tokens, text.slice(0, at).trimEnd().length, false);
    // 「講師の田中教授（経済学部）」「記者（NHK）：」: a person with an affiliation, not a term with a gloss.
    if (outer === null || !isTermShaped(outer.text) || PERSON_TITLE.test(outer.text)) continue;
    // 「記者A（テック通信・斉藤）：」: a speaker label, whatever stands in its brackets; 「ハル（窓の外を見て）「…」」:
    // a script's stage direction before the line spoken.
    if (/^\s*[:\uFF1A「『]/u.test(text.slice(at + match[0].length))) continue;
    const outerIsLatin = /^[\p{Script=Latin}\s\d-]+$/u.test(outer.text);
    if (isAcronym(inner) && (!outerIsLatin || spellsAcronym(outer.text, inner))) {
      out.push(...candidate(view, { ...outer, text: inner }, 'expansion', { variants: [outer.text] }));
    } else if (isAcronym(outer.text) && inner.split(LIST_SEPARATOR).every((part) => isTermShaped(part.trim()))) {
      // LLM(Large Language Model、大規模言語モデル): each listed name is a spelling of the acronym.
      out.push(...candidate(view, outer, 'expansion', { variants: inner.split(LIST_SEPARATOR).map((part) => part.trim()) }));
    } else if (isTermShaped(inner) && termSoundKey(inner) !== null && termSoundKey(inner) === termSoundKey(outer.text)) {
      // ヒューマンエバル(HumanEval): a spelling, not an explanation.
      out.push(...candidate(view, outer, 'gloss', { variants: [inner], factor: 0.6 }));
    } else if (/^[\p{Script=Katakana}ー・]{2,}$|^[A-Za-z][A-Za-z -]{2,}$/u.test(inner) && isTermShaped(inner) && !/^[\p{Script=Katakana}ー・]+$/u.test(outer.text)) {
      // 埋め込み(エンベディング), 検索拡張生成(Retrieval-Augmented Generation): the loanword or English name of a Japanese term.
      out.push(...candidate(view, outer, 'gloss', { variants: [inner], factor: 0.6 }));
    } else if ([...inner].length >= 4 && /\p{L}/u.test(inner) && !/^(?:または|いや|例えば|たとえば|毎週|注|笑)/u.test(inner) && !/^[\p{Script=Katakana}ー・]+$/u.test(inner) && !NOT_A_GLOSS.test(inner)) {
      out.push(...candidate(view, outer, 'gloss'));
    }
  }
  return out;
}

/** 「RAGは…の略で、日本語では「検索拡張生成」と訳されます」: the quoted name is another spelling of the topic. */
function translatedAs(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(TRANSLATED_AS)) {
    const name = (match[1] ?? '').trim();
    const topic = topicOf(view, match.index ?? 0);
    if (topic !== null && isTermShaped(name) && name !== topic.text) out.push(...candidate(view, topic, 'restatement', { variants: [name] }));
  }
  return out;
}

/**
 * 「損失関数、ロスファンクションというのは」「勾配降下法、グラディエントディセント、gradient descent です」
 * 「活性化関数、英語で activation function」: one term written side by side in two or three scripts (kanji,
 * katakana, Latin) is one term with several spellings. Items in one script are a list, not spellings.
 */
const SCRIPT_RUN = /(?<![\p{sc=Han}\p{sc=Katakana}ーA-Za-z0-9])((?:[\p{sc=Han}\p{sc=Katakana}ー・A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*\s*、\s*(?:英語で|英語では|英語だと)?\s*){1,2}[\p{sc=Han}\p{sc=Katakana}ー・A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*)(?=(\s*(?:というのは|っていうのは|とは|(?:です|でした|だ|や)[。.!]?\s*$)))/gu;
/** Side by side is not enough (「能力、エラー」 is a list): a cue says the spellings are one term. */
const ENGLISH_CUE = /英語(?:で|では|だと)/u;
const TOPIC_AFTER = /^\s*(?:というのは|っていうのは|とは)/u;

function scriptOf(item: string): 'han' | 'katakana' | 'latin' | null {
  if (/^[\p{sc=Katakana}ー・]+$/u.test(item)) return 'katakana';
  if (/^[A-Za-z][A-Za-z0-9 -]*$/u.test(item)) return 'latin';
  if (/\p{sc=Han}/u.test(item) && !/[A-Za-z]/u.test(item)) return 'han';
  return null;
}

function scriptSpellings(sentence: Sentence): DefinitionCandidate[] {
  const out: DefinitionCandidate[] = [];
  for (const match of sentence.text.matchAll(SCRIPT_RUN)) {
    const items = (match[1] ?? '').split('、').map((item) => item.replace(/^\s*(?:英語で|英語では|英語だと)\s*/u, '').trim());
    const scripts = items.map(scriptOf);
    if (scripts.some((script) => script === null) || new Set(scripts).size !== items.length || !items.every((item) => isTermShaped(item))) continue;
    // Katakana and Latin side by side must sound alike (グラディエントディセント, gradient descent).
    const katakana = items[scripts.indexOf('katakana')];
    const latin = items[scripts.indexOf('latin')];
    const soundsAlike = katakana !== undefined && latin !== undefined && termSoundKey(katakana) !== null && termSoundKey(katakana) === termSoundKey(latin);
    if (katakana !== undefined && latin !== undefined && !soundsAlike) continue;
    // A topic being defined, an English name given, or three spellings (or a transliteration) named.
    if (!TOPIC_AFTER.test(match[2] ?? '') && !ENGLISH_CUE.test(match[1] ?? '') && !(items.length === 3 || soundsAlike)) continue;
    const term = items[scripts.indexOf('han')] ?? items[0] ?? '';
    out.push({
      term,
      variants: items.filter((item) => item !== term),
      kind: 'restatement',
      strength: STRENGTH.restatement,
      start: sentence.start,
      end: sentence.end,
    });
  }
  return out;
}

/** 「英語ではkeyword、key termですね。」: a sentence that only gives the English names of something. */
const ENGLISH_NAMES = /^(?:英語(?:では|で|だと|で言うと|で言えば)|英語名は)[、,]?\s*([A-Za-z][\w.+#-]*(?:\s[\w.+#-]+)*(?:\s*[、,]\s*[A-Za-z][\w.+#-]*(?:\s[\w.+#-]+)*)*)\s*(?:です|でした|だ|や|と(?:言|い|呼))/u;

/**
 * The English names a sentence gives right after a sentence that defines a term (「ある文書だけによく出る
 * 語を、特徴語と言います。英語ではkeyword、key termですね。」) are spellings of that term.
 */
function englishNames(sentence: Sentence, previous: readonly DefinitionCandidate[]): { defined: DefinitionCandidate; extended: DefinitionCandidate } | null {
  const match = ENGLISH_NAMES.exec(sentence.text);
  const defined = [...previous].filter((found) => PLAIN_KINDS.has(found.kind)).sort((left, right) => right.strength - left.strength)[0];
  if (match === null || defined === undefined) return null;
  const names = (match[1] ?? '').split(LIST_SEPARATOR).map((name) => name.trim()).filter((name) => isTermShaped(name) && name !== defined.term);
  if (names.length === 0) return null;
  // The definition goes on to the names, so a reader who looked one up sees it.
  return { defined, extended: { ...defined, variants: [...defined.variants, ...names], end: sentence.end } };
}

/** What may follow a restated name: the end of a clause or sentence, a copula, or a topic or naming particle. */
const APPOSITION_ENDS = /^(?:[、,。.!?\uFF01\uFF1F)\uFF09」』\s]|とは|って|という|は|です|でした|である|だ|や|$)/u;

/** X、つまりY: Y restates X; an acronym and its Japanese name are two spellings of one term. */
function restatements(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(RESTATE)) {
    const at = match.index ?? 0;
    const before = termBeforeCue(text, view.tokens, at, false);
    const startIndex = tokenStartingAt(view.tokens, at + match[0].length);
    const after = startIndex === -1 ? null : termStartingAt(text, view.tokens, startIndex);
    // 「AGI、つまり汎用人工知能とは」 joins spellings; 「…、つまりLLMが外に出て」 is a clause, and in
    // 「LLM、つまり手元のPCで動く…」 an everyday noun only modifies what follows: neither is a name.
    const rest = after === null ? '' : text.slice(after.end);
    const named = after !== null && (APPOSITION_ENDS.test(rest) || (rest.startsWith('の') && !isEverydayNoun(view.tokens, after)));
    const joins = named && before !== null && (isAcronym(before.text) || isAcronym(after.text));
    out.push(...candidate(view, before, joins ? 'expansion' : 'restatement', { variants: joins && after !== null ? [after.text] : [] }));
  }
  return out;
}

function english(view: SentenceView): DefinitionCandidate[] {
  const text = view.sentence.text;
  // Only sentences written in English: a Japanese sentence quoting `X is` is not a definition.
  const latin = text.match(/[\p{Script=Latin}]/gu)?.length ?? 0;
  if (latin * 2 < [...text].length) return [];
  const out: DefinitionCandidate[] = [];
  for (const match of text.matchAll(ENGLISH_DEFINES)) {
    // 「A transformer is…」 defines transformer; 「It is…」「This is…」 define nothing.
    const article = /^(?:A|An|The)\s+/u.exec(match[1] ?? '')?.[0] ?? '';
    const term = (match[1] ?? '').slice(article.length);
    if (term === '' || ENGLISH_PRONOUN.test(term)) continue;
    const verb = match[2] ?? '';
    const start = (match.index ?? 0) + match[0].indexOf(match[1] ?? '') + article.length;
    const factor = verb === 'is' || verb === 'are' ? (match[3] === undefined ? 0 : 0.75) : 1;
    if (factor > 0) out.push(...candidate(view, { text: term, start, end: start + term.length }, 'english', { factor }));
  }
  for (const match of text.matchAll(ENGLISH_CALLED)) {
    const term = match[1] ?? '';
    out.push(...candidate(view, { text: term, start: 0, end: term.length }, 'called'));
  }
  return out;
}

/** One candidate per term and paragraph: the strongest, with every spelling the others gave. */
function strongestPerTerm(candidates: readonly DefinitionCandidate[]): DefinitionCandidate[] {
  const best = new Map<string, DefinitionCandidate>();
  for (const found of candidates) {
    const current = best.get(found.term);
    const variants = [...new Set([...(current?.variants ?? []), ...found.variants])].filter((variant) => variant !== found.term);
    if (current === undefined || found.strength > current.strength) best.set(found.term, { ...found, variants });
    else best.set(found.term, { ...current, variants });
  }
  return [...best.values()].sort((left, right) => right.strength - left.strength);
}
