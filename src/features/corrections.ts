/**
 * Values said and then taken back. Talk and records correct themselves: 「3時って言いましたけど、記録見たら
 * 2時40分でした」, 「駐車場代、五千五百円って言ってたのは間違いで、正しくは月六千五百円」, 「ope 10日（月）→13日（木）
 * に変更」. The later line repeats the earlier value beside a word of change and a new value of the
 * same kind; that later line, not the first, says what holds.
 */
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { PreparedQuery } from '../search/search-engine.js';
import type { Paragraph, Transcript } from '../corpus/types.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/** A unit or counter after a number that makes it a value (37回, 3時, 10日, 五千五百円, 42.5平米, 三十四か国). */
const UNIT =
  '(?:[かカヶヵケ](?:国|所|月)|箇所|年|月|日|時|分|秒|回|円|人|名|冊|番|個|本|枚|台|歳|件|階|号|週|泊|錠|杯|点|位|手|割|倍|社|校|曲|票|勝|敗|度|%|平米|kg|g|mg|ml|km|m|cm)';
const KANJI_DIGIT = '〇一二三四五六七八九十百千万億';
/**
 * A value: a code with a digit (HW-D80, SR-2503-1207), a number with a unit, a number of three or more
 * digits, or a kanji number with a unit. Read on NFKC text.
 */
const VALUE = new RegExp(
  String.raw`[A-Za-z]+-?[A-Za-z]*\d[A-Za-z0-9-]*|\d+(?:[.,:/]\d+)*${UNIT}|\d{3,}(?:[.,:/]\d+)*|[${KANJI_DIGIT}]+${UNIT}`,
  'gu',
);
/**
 * Words that take a value back or move it (訂正, 正しくは, …の誤り, 間違い, 変更, 延期, 取り消し, A→B), or a
 * speaker's own 「Xって言いましたけど」.
 */
const CHANGE = /訂正|正しくは|誤り|間違|変更|延期|取り?消|キャンセル|言い直|じゃなくて|ではなく|[→⇒]|(?:って|と)[言い](?:いました|った|ってた|っていた|ってました)(?:けど|が|のは)/u;

/** A line that says a word of change (read without NFKC: the words are kanji, kana and arrows), with its place and its said text in NFKC. */
interface ChangeLine {
  readonly at: number;
  readonly paragraph: Paragraph;
  readonly text: string;
}

/** The values a text states, as written (NFKC), in order. */
export function valuesIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(VALUE)].map((match) => match[0]);
}

/** The kind of a value: its unit (回, 円, 時…), or "code" for a code and "number" for a bare number. */
function kindOf(value: string): string {
  if (/^[A-Za-z]/u.test(value)) return 'code';
  const unit = new RegExp(`${UNIT}$`, 'u').exec(value);
  return unit === null ? 'number' : unit[0];
}

/** Whether `text` (NFKC) holds `value` as a whole value, not inside a longer one (3時 is not in 13時). */
function holds(text: string, value: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z${KANJI_DIGIT}])${escapeRegExp(value)}(?![0-9${KANJI_DIGIT}])`, 'u').test(text);
}

/** A value this long is specific enough to say what it is about on its own. */
const DISTINCT_VALUE_LENGTH = 4;

/** Marks of what a line is about, numbers aside: kanji pairs, katakana words, Latin words (駐車, ナースコール, ope, SpO). */
const TOPIC_MARK = /[\p{Script=Han}々]{2}|[\p{Script=Katakana}ー]{3,}|[A-Za-z]{2,}/gu;

function topicMarks(text: string): Set<string> {
  const marks = new Set<string>();
  // Numbers are no topic (十月 is no word here); a code's letters are (SpO2).
  const rest = text.replace(VALUE, (value) => (kindOf(value) === 'code' ? value : ' '));
  // Overlapping kanji pairs: 駐車場 gives 駐車 and 車場.
  for (let at = 0; at < rest.length; at += 1) {
    TOPIC_MARK.lastIndex = at;
    const match = TOPIC_MARK.exec(rest);
    if (match === null) break;
    marks.add(match[0]);
    at = match.index + (/^[\p{Script=Han}々]/u.test(match[0]) ? 0 : match[0].length - 1);
  }
  return marks;
}

/**
 * Whether `later` takes back or moves a value `earlier` states: it repeats one of the earlier line's
 * values, says a word of change, gives another value of the same kind, and is about the same thing — it
 * shares a word with the earlier line, or the value is a code or long (a model number, 四十か国). 「朝7時40分
 * から」 about a duty is not moved by 「例年は…今年は夕方5時から7時半に変更」 about a festival.
 *
 * @example supersedes('SpO2、夜中3時に88まで下がった。', 'SpO2、3時って言いましたけど、記録見たら2時40分でした。') // true
 */
export function supersedes(earlier: string, later: string): boolean {
  const text = later.normalize('NFKC');
  if (!CHANGE.test(text)) return false;
  const laterValues = valuesIn(text);
  const taken = valuesIn(earlier).find(
    (value) => holds(text, value) && laterValues.some((other) => other !== value && !value.includes(other) && kindOf(other) === kindOf(value)),
  );
  if (taken === undefined) return false;
  // A code or a long value (四十か国, 五千五百円) names what it is about; a short one (7時) may be any time.
  if (kindOf(taken) === 'code' || [...taken].length >= DISTINCT_VALUE_LENGTH) return true;
  const laterMarks = topicMarks(text);
  return [...topicMarks(earlier.normalize('NFKC'))].some((mark) => laterMarks.has(mark));
}

/**
 * A correction or a later addition (「※訂正：…正しくは約690gです」, a paragraph under 「追記（2024/5/1）」)
 * says what holds now: among lines that match alike, it comes first (`CORRECTION_BONUS`). Narrower than
 * `CHANGE`: a plan moved (変更, 延期) is no correction unless it repeats the value it moves (`supersedes`).
 */
const CORRECTS = /訂正|正しくは|誤りでした|誤りがありました|誤記/u;
const UPDATE_SECTION = /追記|訂正|更新情報|アップデート/u;
export const CORRECTION_BONUS = 0.15;

export function corrects(paragraph: Paragraph): boolean {
  return CORRECTS.test(paragraph.text) || UPDATE_SECTION.test(paragraph.section ?? '');
}

/** How far above the line it corrects a correcting line is put. */
const CORRECTED_MARGIN = 0.01;

/**
 * Put a line that takes back or moves a candidate's value (see `supersedes`) just above that
 * candidate: the first later line of the same transcript that does so and shares a word with the
 * question. It takes the candidate's evidence for the question, as it says the same thing updated.
 * `said` strips what is not said (a chat stamp) from a line's text.
 */
export function withCorrections(
  retriever: Retriever,
  query: PreparedQuery,
  candidates: ReadonlyArray<{ passage: RetrievedPassage; score: number }>,
  said: (text: string) => string,
): Array<{ passage: RetrievedPassage; score: number }> {
  const byId = new Map(candidates.map((entry) => [entry.passage.paragraph.id, entry]));
  // Each transcript's lines that say a word of change, with their place, read once per question: only
  // they can correct anything (scanning every later line for every candidate cost /ask ~10 ms).
  const changing = new Map<Transcript, ChangeLine[]>();
  const changesIn = (transcript: Transcript): ChangeLine[] => {
    let found = changing.get(transcript);
    if (found === undefined) {
      found = transcript.paragraphs.flatMap((paragraph, at) => (CHANGE.test(paragraph.text) ? [{ at, paragraph, text: said(paragraph.text).normalize('NFKC') }] : []));
      changing.set(transcript, found);
    }
    return found;
  };
  for (const { passage, score } of [...candidates].sort((left, right) => right.score - left.score)) {
    const earlier = said(passage.paragraph.text);
    const values = valuesIn(earlier);
    if (values.length === 0) continue;
    const changes = changesIn(passage.transcript);
    const from = passage.transcript.paragraphs.indexOf(passage.paragraph);
    const later = changes.find(({ at, text }) => at > from && values.some((value) => text.includes(value)) && supersedes(earlier, text))?.paragraph;
    if (later === undefined) continue;
    const found = byId.get(later.id);
    if (found !== undefined && found.score >= score + CORRECTED_MARGIN) continue;
    const correction = found?.passage ?? retriever.passageFor(later, query);
    if (correction === null || correction.wordCoverage === 0) continue;
    const evidence = {
      wordCoverage: Math.max(correction.wordCoverage, passage.wordCoverage),
      excerpt: { ...correction.excerpt, coverage: Math.max(correction.excerpt.coverage, passage.excerpt.coverage) },
    };
    byId.set(later.id, { passage: { ...correction, ...evidence }, score: score + CORRECTED_MARGIN });
  }
  return [...byId.values()];
}
