/**
 * Lines that lead to their answer: an interviewer's question (「…どう思いますか?」「…を教えてください。」)
 * and an announcement (「今から説明するわ。」). Whoever searches for the words of the question finds the
 * question; the answer is the next line. /ask and /quote both rank with this.
 */
import type { Paragraph } from '../corpus/types.js';
import type { RetrievedPassage, Retriever } from '../search/retriever.js';
import type { PreparedQuery } from '../search/search-engine.js';

/**
 * In an interview a line that asks the user's question is not the answer; the line after it is.
 * A question line keeps this share of its score, and the line answering it takes `ANSWER_SHARE`.
 */
export const QUESTION_LINE_SHARE = 0.6;
export const ANSWER_SHARE = 0.95;
/**
 * A line that asks: a question mark, or a polite question or a request to tell without one
 * (「…きっかけを教えてください。」); 「足元が滑るので注意してください。」 tells the audience, it asks nothing.
 */
const ASKS = /(?:[?\uFF1F]|(?:ですか|ますか|でしょうか|ませんか|ましたか|でしたか|(?:教え|聞かせ|話し|説明し|紹介し|見せ|挙げ)てください|お(?:聞かせ|教え|話し)ください|(?:お?伺い|お尋ね|お聞き)(?:します|いたします|ます)|(?:答弁|見解|お考え)を(?:求めます|伺います|お聞かせください)|ていただけますか|お願いします|というのは|っていうのは)[。.]?)[」』"”)）]?\s*$/u;
/**
 * 「…どういう仕組みなんでしょう。」「…管路はどれくらいあるのか。」: a question word and a conjectural or
 * のか ending ask too, in the line's last sentence (「そうだったのか。」 alone does not).
 */
const WH_WORD = /どう|どんな|どの|何|なに|なん[での]|いつ|どこ|誰|だれ|なぜ|いくつ|いくら|どれ/u;
const WH_ENDING = /(?:でしょう|だろう|かな|のかしら|のか|んか)[。.]?[」』"”)）]?\s*$/u;

/**
 * A short afterthought that only gives an example of what was asked: 「…ご予定はありますか。2号店とか。」
 * 「…どうですか？たとえば価格なんか。」 — the question before it is still the line's last word.
 */
const AFTERTHOUGHT = /(?:^|[。.!?\uFF01\uFF1F]\s*)(?:例えば|たとえば)?[、,]?[^。.!?\uFF01\uFF1F、,]{1,12}(?:とか|など|なんか|なども|とかも)[。.]?[」』"”)）]?\s*$/u;

/**
 * Talk that asks without a question mark: 「試験いつだっけ」「どこで集まるんだっけ。」 — with a question word;
 * without one 「…いっつもごしゃいでたっけ。」 recalls rather than asks.
 */
const CASUAL_ASKS = /(?:っけ|っけか)[。.]?[」』"”)）]?\s*$/u;
/** A line a Q&A or FAQ marks as the question: 「Q. 旅行で何日か混ぜられません」「Q3：…」「質問：…」 */
const MARKED_QUESTION = /^\s*(?:[QＱ]\s*[0-9０-９]*\s*[.．:：)）\s]|質問\s*[0-9０-９]*\s*[:：]|問\s*[0-9０-９]+\s*[.．:：])/u;

/**
 * An interviewer's question cut short after its object: 「──戦後はどんなお仕事を。」「ご出身はどこで。」 — a
 * short last sentence with a question word, ending on を or で.
 */
const ELLIPTIC_ENDING = /(?:を|で)[。.]?[」』"”)）]?\s*$/u;
const ELLIPTIC_MAX_LENGTH = 20;

/** Whether a line asks (a question or a request), so that it is not what answers. */
export function asks(text: string): boolean {
  if (ASKS.test(text)) return true;
  const last = lastSentence(text);
  if (ELLIPTIC_ENDING.test(text) && WH_WORD.test(last) && [...last].length <= ELLIPTIC_MAX_LENGTH) return true;
  if (MARKED_QUESTION.test(text) || (CASUAL_ASKS.test(text) && WH_WORD.test(lastSentence(text)))) return true;
  const afterthought = AFTERTHOUGHT.exec(text);
  if (afterthought !== null && afterthought.index > 0 && asks(text.slice(0, afterthought.index + 1))) return true;
  return WH_ENDING.test(text) && WH_WORD.test(lastSentence(text));
}

function lastSentence(text: string): string {
  return text.replace(/[。.]\s*$/u, '').split(/[。!?\uFF01\uFF1F]/u).at(-1) ?? '';
}

/**
 * A line that announces what the next one says: 「…2つあった。今から説明するわ。」「理由は次の通りです:」.
 * It keeps `ANNOUNCEMENT_SHARE` of its score and the line after it takes `ANSWER_SHARE`.
 */
const ANNOUNCES = /(?:[:\uFF1A]|(?:説明|紹介|話|お話し)(?:する|します|しましょう|しよう|させて(?:ください|くれ|な))[わよねでや]?|(?:次|以下)の(?:とおり|通り)(?:です|や|だ)?)[。!\uFF01]?\s*$/u;
const ANNOUNCEMENT_SHARE = 0.8;
/**
 * A line that says more than this before its announcing sentence has content of its own
 * (「旗当番というのは、朝7時40分から8時10分まで…立つ当番のことです。…改めて説明します。」): it keeps its
 * score, and the line after it still takes `ANSWER_SHARE` of it.
 */
const ANNOUNCEMENT_MAX_LEAD = 40;

/** Whether an announcing line is little more than its announcement (see ANNOUNCEMENT_MAX_LEAD). */
function onlyAnnounces(text: string): boolean {
  return [...text].length - [...lastSentence(text)].length <= ANNOUNCEMENT_MAX_LEAD;
}

/** A short line that passes a question to whoever answers it: 「担当の井上からお答えします。」「私からご説明いたします。」 */
const HANDS_OVER = /(?:から|より)?(?:お答え|回答|ご説明|説明|ご回答)(?:します|いたします|させていただきます|申し上げます)[。.]?\s*$/u;
const HANDOVER_MAX_LENGTH = 40;

/** A moderator passing the floor by name: 「じゃあこれはLucasさん。」「では加藤さん、お願いします。」 */
const GIVES_FLOOR = /^(?:[^:\uFF1A]{1,24}[:\uFF1A]\s*)?(?:じゃあ|では|それでは|続いて|次に)[、,\s]*(?:これは|こちらは|この質問は)?[^。、,]{1,16}(?:さん|氏|先生)(?:[、,]\s*(?:お願いします|お願いいたします|どうぞ|いかがですか))?[。.]?\s*$/u;

function handsOver(text: string): boolean {
  return (HANDS_OVER.test(text) || (GIVES_FLOOR.test(text) && !/皆さん|みなさん|皆様/u.test(text))) && [...text].length <= HANDOVER_MAX_LENGTH;
}

/**
 * A question its speaker puts to themselves before answering it, as an essay or a talk does
 * (「こうして投じた費用は、いつ、どのように回収するのか。」): plain のか or だろうか closed by a full stop;
 * a polite 「…のでしょうか。」 is how one asks someone else.
 */
const POSES_ITSELF = /(?:のか|だろうか)[。.]\s*$/u;

/**
 * The line a question or an announcement leads to: for a question, the next paragraph when
 * someone else (or someone unknown) says it, or whoever says it when the question is put to oneself
 * (POSES_ITSELF); for an announcement, the next paragraph whoever says it.
 */
function answerAfter(passage: RetrievedPassage, asked: boolean): Paragraph | null {
  const { paragraphs } = passage.transcript;
  const at = paragraphs.indexOf(passage.paragraph);
  let next = paragraphs[at + 1];
  // 「担当の井上からお答えします。」 hands the question on; the answer is the line after it.
  const after = paragraphs[at + 2];
  if (asked && next !== undefined && handsOver(next.text) && after !== undefined) next = after;
  if (next === undefined || asks(next.text)) return null;
  if (!asked || POSES_ITSELF.test(passage.paragraph.text)) return next;
  return next.speaker !== null && next.speaker === passage.paragraph.speaker ? null : next;
}

/**
 * The retrieved passages with each question line demoted and the line that answers it raised to
 * nearly the question's score (added when the search did not reach it): its evidence for the
 * question is the question line's, so it carries that line's word and sentence coverage too.
 */
export function withAnswersToQuestions(retriever: Retriever, query: PreparedQuery, retrieved: readonly RetrievedPassage[]): Array<{ passage: RetrievedPassage; score: number }> {
  const byId = new Map(retrieved.map((passage) => [passage.paragraph.id, { passage, score: passage.score }]));
  for (const question of retrieved) {
    const asked = asks(question.paragraph.text);
    if (!asked && !ANNOUNCES.test(question.paragraph.text)) continue;
    const own = byId.get(question.paragraph.id);
    if (own !== undefined && (asked || onlyAnnounces(question.paragraph.text))) own.score = question.score * (asked ? QUESTION_LINE_SHARE : ANNOUNCEMENT_SHARE);
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

