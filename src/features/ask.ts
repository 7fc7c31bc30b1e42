import type { Paragraph } from '../corpus/types.js';
import type { RetrievedPassage, Retriever } from '../search/retriever.js';
import type { PreparedQuery } from '../search/search-engine.js';
import { readQueryText } from './query-text.js';
import { hasAnswerShape, questionType, type QuestionType } from './question-type.js';
import { toResultItem, type ResultItem } from './result-item.js';

export interface AskOptions {
  readonly question: string;
  readonly limit: number;
}

export interface AskResult {
  readonly command: 'ask';
  readonly question: string;
  /** False when the material does not seem to answer; the results are then the nearest excerpts. */
  readonly answered: boolean;
  readonly questionType: QuestionType;
  /** Spellings added to the user's words (e.g. アルトマン for Altman), or empty. */
  readonly searchedAs: readonly string[];
  readonly results: readonly ResultItem[];
}

/** How many candidates are read closely for the question's answer type. */
const RERANK_DEPTH = 20;
/** Excerpts scoring below this share of the best one are noise (a single common word), not answers. */
const MIN_RELATIVE_SCORE = 0.4;
/** Bonus for an excerpt that holds what the question type asks for (a date for いつ). */
const ANSWER_SHAPE_BONUS = 0.2;
/**
 * The top excerpt must hold this share of the question's content words (IDF-weighted) and of its
 * bigram weight for the question to count as answered. Set on the development set's unanswerable rows.
 */
export const ANSWERED_MIN_WORD_COVERAGE = 0.4;
export const ANSWERED_MIN_SENTENCE_COVERAGE = 0.3;
/** Word coverage that is enough on its own (names in Latin script share no bigrams with katakana). */
export const ANSWERED_STRONG_WORD_COVERAGE = 0.6;
/**
 * In hybrid retrieval, a top excerpt that both the lexical and the vector search ranked first is
 * taken as an answer with this much word coverage: two independent rankings agreeing is evidence the
 * strict lexical rule cannot see (a paraphrase shares few words). Not calibrated on a real model.
 */
export const ANSWERED_AGREED_MIN_WORD_COVERAGE = 0.25;

/**
 * In an interview a line that asks the user's question is not the answer; the line after it is.
 * A question line keeps this share of its score, and the line answering it takes `ANSWER_SHARE`.
 */
const QUESTION_LINE_SHARE = 0.6;
const ANSWER_SHARE = 0.95;
/** A line that asks: a question mark, or a polite question or request without one (「…きっかけを教えてください。」). */
const ASKS = /(?:[?\uFF1F]|(?:ですか|ますか|でしょうか|ませんか|ましたか|でしたか|てください|ていただけますか|お願いします|というのは|っていうのは)[。.]?)[」』"”)）]?\s*$/u;

/**
 * A line that announces what the next one says: 「…2つあった。今から説明するわ。」「理由は次の通りです:」.
 * It keeps `ANNOUNCEMENT_SHARE` of its score and the line after it takes `ANSWER_SHARE`.
 */
const ANNOUNCES = /(?:[:\uFF1A]|(?:説明|紹介|話|お話し)(?:する|します|しましょう|しよう|させて(?:ください|くれ|な))[わよねでや]?|(?:次|以下)の(?:とおり|通り)(?:です|や|だ)?)[。!\uFF01]?\s*$/u;
const ANNOUNCEMENT_SHARE = 0.8;

/**
 * The line a question or an announcement leads to: for a question, the next paragraph when
 * someone else (or someone unknown) says it; for an announcement, the next paragraph whoever says it.
 */
function answerAfter(passage: RetrievedPassage, asked: boolean): Paragraph | null {
  const { paragraphs } = passage.transcript;
  const next = paragraphs[paragraphs.indexOf(passage.paragraph) + 1];
  if (next === undefined || ASKS.test(next.text)) return null;
  if (!asked) return next;
  return next.speaker !== null && next.speaker === passage.paragraph.speaker ? null : next;
}

/**
 * The retrieved passages with each question line demoted and the line that answers it raised to
 * nearly the question's score (added when the search did not reach it): its evidence for the
 * question is the question line's, so it carries that line's word and sentence coverage too.
 */
function withAnswersToQuestions(retriever: Retriever, query: PreparedQuery, retrieved: readonly RetrievedPassage[]): Array<{ passage: RetrievedPassage; score: number }> {
  const byId = new Map(retrieved.map((passage) => [passage.paragraph.id, { passage, score: passage.score }]));
  for (const question of retrieved) {
    const asked = ASKS.test(question.paragraph.text);
    if (!asked && !ANNOUNCES.test(question.paragraph.text)) continue;
    const own = byId.get(question.paragraph.id);
    if (own !== undefined) own.score = question.score * (asked ? QUESTION_LINE_SHARE : ANNOUNCEMENT_SHARE);
    const next = answerAfter(question, asked);
    const found = next === null ? undefined : byId.get(next.id);
    const answer = found?.passage ?? (next === null ? null : retriever.passageFor(next, query));
    if (next === null || answer === null) continue;
    const score = Math.max(found?.score ?? 0, question.score * ANSWER_SHARE);
    const evidence = { wordCoverage: Math.max(answer.wordCoverage, question.wordCoverage), excerpt: { ...answer.excerpt, coverage: Math.max(answer.excerpt.coverage, question.excerpt.coverage) } };
    byId.set(next.id, { passage: { ...answer, ...evidence }, score });
  }
  return [...byId.values()];
}

/**
 * Answer a question with the best cited excerpts, best first, preferring excerpts whose shape fits
 * the question (dates for when, numbers for how many, names for who).
 *
 * @example ask({ retriever }, { question: 'マイクロソフトはなぜ原発を再稼働するのか', limit: 3 })
 */
export function ask(deps: { readonly retriever: Retriever }, options: AskOptions): AskResult {
  const question = readQueryText(options.question);
  const { retriever } = deps;
  const prepared = retriever.prepare(question, { semantic: true });
  const type = questionType(question);
  const retrieved = retriever.retrieve(prepared, { limit: Math.max(options.limit, RERANK_DEPTH) });
  const passages = withAnswersToQuestions(retriever, prepared, retrieved)
    .map(({ passage, score }) => ({
      passage,
      score: score + (hasAnswerShape(type, passage.excerpt.text) ? ANSWER_SHAPE_BONUS : 0),
    }))
    .sort((left, right) => right.score - left.score)
    .filter((entry, _i, all) => entry.score >= MIN_RELATIVE_SCORE * (all[0]?.score ?? 0))
    .slice(0, options.limit);
  const top = passages[0]?.passage;
  const answered =
    top !== undefined &&
    ((top.wordCoverage >= ANSWERED_MIN_WORD_COVERAGE &&
      (top.excerpt.coverage >= ANSWERED_MIN_SENTENCE_COVERAGE || top.wordCoverage >= ANSWERED_STRONG_WORD_COVERAGE)) ||
      (top.hybrid?.lexicalRank === 1 && top.hybrid.vectorRank === 1 && top.wordCoverage >= ANSWERED_AGREED_MIN_WORD_COVERAGE));
  return {
    command: 'ask',
    question,
    answered,
    questionType: type,
    searchedAs: prepared.alternatives,
    results: passages.map(({ passage, score }) => ({
      ...toResultItem(passage, retriever.marks(passage, prepared)),
      score: Number(score.toFixed(4)),
    })),
  };
}
