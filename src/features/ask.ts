import type { Retriever } from '../search/retriever.js';
import { asks, withAnswersToQuestions } from './answer-lines.js';
import { readQueryText, searchableText } from './query-text.js';
import { unspacedKey } from '../text/normalize.js';
import type { RetrievedPassage } from '../search/retriever.js';
import type { PreparedQuery } from '../search/search-engine.js';
import { askedAttribute, askedKind, askedName, askedOwner, asksClockTime, asksDay, asksUntilWhen, countedAnswer, definedTerm, hasAnswerShape, identifies, namesKind, namesOtherPart, placesInTime, questionType, states, withoutReportingFrame, type QuestionType } from './question-type.js';
import { toResultItem, type ResultItem } from './result-item.js';
import { readPostStamp } from '../corpus/post-stamp.js';
import type { Paragraph } from '../corpus/types.js';
import { CORRECTION_BONUS, corrects, withCorrections } from './corrections.js';

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
  /** What `answered` was decided on, for the first result; null when nothing was found. */
  readonly evidence: AnswerEvidence | null;
}

/** The first result's evidence that it answers the question. */
export interface AnswerEvidence {
  /** IDF-weighted share of the question's words the line holds (or the question line it answers). */
  readonly wordCoverage: number;
  /** Share of the question's bigram weight its best sentence holds. */
  readonly sentenceCoverage: number;
  /** For a when or how-many question: whether the line holds a date or number of the kind asked. */
  readonly shaped: boolean;
  /** Whether the line holds what the question type asks for (a date, a count, a reason, a name…). */
  readonly fits: boolean;
  /** How far the first result's score stands above the second's, as a share of the first's: 0..1. */
  readonly margin: number;
  /** False when the line is about something else than asked: another numbered part, or without the attribute asked. */
  readonly onTopic: boolean;
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
 * Whether a passage, or the line before it (the question it answers), names what the question asks
 * the value of: 「大河内さんの出身地はどこ?」 is not answered by a line about 大河内さん that never
 * mentions 出身地, however well the name matches.
 */
function mentionedAround(passage: RetrievedPassage, attribute: string): boolean {
  const { paragraphs } = passage.transcript;
  const before = paragraphs[paragraphs.indexOf(passage.paragraph) - 1];
  return unspacedKey(`${before?.text ?? ''}\n${passage.paragraph.text}`).includes(unspacedKey(attribute));
}

/** Whether the passage's title or section names `thing` (a whole transcript about 期末試験 need not repeat it). */
function inHeadings(passage: RetrievedPassage, thing: string): boolean {
  return unspacedKey(`${passage.transcript.title}\n${passage.paragraph.section ?? ''}`).includes(unspacedKey(thing));
}

/**
 * In talk the value asked for often comes a line later: 「大阪いうたらたこ焼きやろ。」 /
 * 「八個で六百円やってん。」, and so does a reason (「店は商店街に移りました。」/「家賃が半分になったんで…」).
 * For a when, how-much or why question, a candidate without a date, a number or a reason lends the
 * line right under it, when that line has one, `NEIGHBOUR_SHARE` of its score (with the
 * answer-shape bonus, enough to rank it above the line that lent it) and
 * its evidence for the question (added when the search did not reach it).
 */
function withNeighbouringAnswers(
  retriever: Retriever,
  query: PreparedQuery,
  candidates: ReadonlyArray<{ passage: RetrievedPassage; score: number }>,
  type: QuestionType,
  fits: (text: string) => boolean,
): Array<{ passage: RetrievedPassage; score: number }> {
  if (type !== 'time' && type !== 'quantity' && type !== 'reason') return [...candidates];
  const byId = new Map(candidates.map((entry) => [entry.passage.paragraph.id, entry]));
  for (const { passage, score } of [...candidates].sort((left, right) => right.score - left.score).slice(0, RERANK_DEPTH)) {
    if (fits(passage.excerpt.text) || asks(passage.paragraph.text)) continue;
    const { paragraphs } = passage.transcript;
    const at = paragraphs.indexOf(passage.paragraph);
    const next = nextAnswering({ paragraphs, at, fits, type, asked: (paragraph) => (retriever.passageFor(paragraph, query)?.wordCoverage ?? 0) > 0 });
    if (next === null) continue;
    const found = byId.get(next.paragraph.id);
    const answer = found?.passage ?? retriever.passageFor(next.paragraph, query);
    if (answer === null) continue;
    const lent = score * NEIGHBOUR_SHARE ** next.steps;
    if (found !== undefined && found.score >= lent) continue;
    const evidence = { wordCoverage: Math.max(answer.wordCoverage, passage.wordCoverage), excerpt: { ...answer.excerpt, coverage: Math.max(answer.excerpt.coverage, passage.excerpt.coverage) } };
    byId.set(next.paragraph.id, { passage: { ...answer, ...evidence }, score: lent });
  }
  return [...byId.values()];
}
/** The share of a line's score the line under it takes when it holds the date or number asked for (squared a line further on). */
const NEIGHBOUR_SHARE = 0.95;
/** How far under the line (in source lines) its neighbour may start: a blank line between is fine. */
const NEIGHBOUR_MAX_GAP = 2;
/** How many lines on the answer may come: the next, or the one after when the same voice goes on between. */
const NEIGHBOUR_MAX_STEPS = 2;
/** A line that turns to another matter: what follows it answers that, not the line before. */
const TOPIC_CHANGE = /話(?:は|が)?変わ|ところで|それはそうと|閑話休題|余談(?:です|だ|や|ですが|やけど)?[、,]/u;

/** Where to look for a line's answer: the lines of its transcript, its place, what answers, what is on the question's matter. */
interface Reach {
  readonly paragraphs: readonly Paragraph[];
  readonly at: number;
  readonly fits: (text: string) => boolean;
  readonly asked: (paragraph: Paragraph) => boolean;
  /** The user's question's type: a follow-up asks the same (a why for a why). */
  readonly type: QuestionType;
}

/** The line found to answer, and how many lines on it is. */
interface Reached {
  readonly paragraph: Paragraph;
  readonly steps: number;
}

/**
 * 「卵は二回に分けて入れます。」/「二回に分けるのはなんでですか。」/「…残るからです。」: another voice asks about
 * a line — in the words of the user's question (`asked`) and asking the same (a why for a why), not
 * where the eggs come from — and its speaker answers right after; that answer is the line's.
 */
function answerToFollowUp({ paragraphs, at, fits, asked, type }: Reach): Reached | null {
  const from = paragraphs[at];
  const question = paragraphs[at + 1];
  const answer = paragraphs[at + 2];
  if (from?.speaker == null || question === undefined || answer === undefined || question.speaker === from.speaker || !asked(question) || questionType(question.text) !== type) return null;
  if (answer.speaker !== from.speaker || answer.line - (question.lineEnd ?? question.line) > NEIGHBOUR_MAX_GAP || !fits(answer.text)) return null;
  return { paragraph: answer, steps: 2 };
}

/**
 * The line under paragraph `at` that holds the answer: the next one, or — when the same voice goes
 * on through a line without it — the one after (「…一番売れるのは生餃子で、千二百円。」/「よう売れるんは夜の十時から
 * 十二時やって。」 answers when the shop's line above them is found). Never past a question put by
 * another voice, nor over a gap.
 */
function nextAnswering(reach: Reach): Reached | null {
  const { paragraphs, at, fits } = reach;
  const from = paragraphs[at];
  if (from === undefined) return null;
  let last = from;
  for (let steps = 1; steps <= NEIGHBOUR_MAX_STEPS; steps += 1) {
    const next = paragraphs[at + steps];
    if (next === undefined || next.line - (last.lineEnd ?? last.line) > NEIGHBOUR_MAX_GAP || (steps > 1 && next.section !== from.section)) return null;
    // 「…8割くらいでしょうか。」 hedges rather than asks when the same speaker goes on.
    const goesOn = next.speaker === from.speaker;
    if (asks(next.text) && !(goesOn && next.speaker !== null)) return steps === 1 ? answerToFollowUp(reach) : null;
    if (fits(next.text)) return { paragraph: next, steps };
    // Not through a line that says it leaves the matter (「話は変わりますけど…」).
    if (!goesOn || TOPIC_CHANGE.test(next.text)) return null;
    last = next;
  }
  return null;
}

/**
 * A chat export's stamp of when a message was posted (「[2024-05-14 21:03] 佐藤: …」, 「2024/05/14 21:03 佐藤：…」)
 * says when it was said, not what it says: a when-question is not answered by it.
 */
function withoutPostStamp(text: string): string {
  const stamp = readPostStamp(text);
  return stamp === null ? text : text.slice(stamp.length);
}

/**
 * Answer a question with the best cited excerpts, best first, preferring excerpts whose shape fits
 * the question (dates for when, numbers for how many, names for who, the term as topic for what is).
 *
 * @example ask({ retriever }, { question: 'マイクロソフトはなぜ原発を再稼働するのか', limit: 3 })
 */
export function ask(deps: { readonly retriever: Retriever }, options: AskOptions): AskResult {
  const question = readQueryText(options.question);
  const words = searchableText(question);
  const { retriever } = deps;
  const prepared = retriever.prepare(withoutReportingFrame(words), { semantic: true });
  const type = questionType(words);
  const term = definedTerm(words);
  const name = type === 'person' ? askedName(words) : null;
  // 「いつまでに」 asks for a deadline (a date something lasts until), 「何時に」 for a time of day, 「何月何日」 for a day, not any date.
  const needs = type !== 'time' ? null : asksUntilWhen(words) ? 'deadline' : asksClockTime(words) ? 'clock' : asksDay(words) ? 'day' : null;
  const timed = (text: string): boolean => needs === null || states(text, needs);
  // 「何時ですか」 is answered by a time of day (「2時40分でした」), with or without a date beside it.
  const dated = (text: string): boolean => (needs === 'clock' ? states(text, needs) : hasAnswerShape('time', text) && timed(text));
  const fits = (text: string): boolean => {
    const said = withoutPostStamp(text);
    return type === 'time' ? dated(said) : hasAnswerShape(type, said, term);
  };
  // 「みさきちって誰?」 is answered by the line that says who みさきち is (「みさきち＝田中です」), above lines that only use the name.
  const says = (text: string): boolean => name !== null && identifies(text, name);
  const retrieved = retriever.retrieve(prepared, { limit: Math.max(options.limit, RERANK_DEPTH) });
  const scored = withNeighbouringAnswers(retriever, prepared, withAnswersToQuestions(retriever, prepared, retrieved), type, fits).map(
    ({ passage, score }) => ({
      passage,
      score:
        score +
        (fits(passage.excerpt.text) ? ANSWER_SHAPE_BONUS : 0) +
        (says(passage.paragraph.text) ? ANSWER_SHAPE_BONUS : 0) +
        (corrects(passage.paragraph) ? CORRECTION_BONUS : 0),
    }),
  );
  // A later line that takes back the value of a candidate (「3時って言いましたけど…2時40分でした」) says what holds.
  const passages = withCorrections(retriever, prepared, scored, withoutPostStamp)
    .sort((left, right) => right.score - left.score)
    .filter((entry, _i, all) => entry.score >= MIN_RELATIVE_SCORE * (all[0]?.score ?? 0))
    .slice(0, options.limit);
  const top = passages[0]?.passage;
  const attribute = askedAttribute(words);
  const owner = askedOwner(words);
  // 「何という制度ですか」 is answered by a line that names one, not by one about the scheme that never says what it is called.
  const kind = askedKind(words);
  // A how-many question is answered by a line with a number (or a date: 「2019年から」 can say how long),
  // a when-question by one with a date or a number that places the event (placesInTime: 1週間後, not
  // 創業140年), not by one without; and such a line is evidence enough with the question's words,
  // however its sentence is worded.
  const typed = type === 'time' || type === 'quantity';
  // 「何本」 is answered by a count of 本, not by any number (「何歳」 not by a year).
  const counted = countedAnswer(words);
  const topText = top === undefined ? '' : withoutPostStamp(top.paragraph.text);
  // A scene or update heading dates the lines under it: 「■シーン3（九月二十六日）」 answers when its lines happened.
  const datedSection = type === 'time' && top !== undefined && top.paragraph.section !== null && dated(top.paragraph.section);
  const shaped =
    datedSection ||
    (top !== undefined &&
      typed &&
      (counted === null ? dated(topText) || ((type !== 'time' || placesInTime(topText)) && hasAnswerShape('quantity', topText) && timed(topText)) : counted.test(topText.normalize('NFKC'))));
  const second = passages[1]?.score ?? 0;
  const first = passages[0]?.score ?? 0;
  const evidence: AnswerEvidence | null =
    top === undefined
      ? null
      : {
          wordCoverage: top.wordCoverage,
          sentenceCoverage: top.excerpt.coverage,
          shaped,
          fits: fits(top.excerpt.text) || says(top.paragraph.text),
          margin: first > 0 ? Math.max(0, (first - second) / first) : 0,
          onTopic:
            (attribute === null || mentionedAround(top, attribute)) &&
            (kind === null || namesKind(topText, kind, words)) &&
            (owner === null || mentionedAround(top, owner) || inHeadings(top, owner)) &&
            !namesOtherPart(words, `${top.paragraph.text}\n${top.paragraph.section ?? ''}`),
        };
  const answered =
    top !== undefined &&
    evidence !== null &&
    evidence.onTopic &&
    (!typed || shaped) &&
    // A line that says who the asked name is answers, however few of the question's words it shares
    // (みさきちって is read as みさき + ちる, so word coverage undercounts it).
    (says(top.paragraph.text) ||
      (top.wordCoverage >= ANSWERED_MIN_WORD_COVERAGE &&
        (shaped || top.excerpt.coverage >= ANSWERED_MIN_SENTENCE_COVERAGE || top.wordCoverage >= ANSWERED_STRONG_WORD_COVERAGE)) ||
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
    evidence,
  };
}
