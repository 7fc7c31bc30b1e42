import { readNumber } from '../text/dates/find-temporal.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/** What kind of answer a question wants; it decides which excerpts read as answers. */
export type QuestionType = 'time' | 'quantity' | 'person' | 'definition' | 'reason' | 'other';

/**
 * Counters a 何-question counts in besides the common ones (何冊, 何杯, 何軒, 何か国, 何か所, 何種類):
 * each asks how many, and is answered by a number in it. 何部 counts copies only before a verb of
 * printing or selling (何部売れた, not 何部に入ってる — which club), 何階 and 何周 are counts too; 何か国 and
 * 何か所 not before another kanji (何か国際的な賞, 何か所得制限: 何か + a word).
 */
const MORE_COUNTERS = /冊|杯|匹|頭|羽|軒|店舗|曲|泊|票|粒|錠|[かカヶヵケ箇]所(?!\p{sc=Han})|[かカヶヵケ]国(?:語|(?!\p{sc=Han}))|種類|試合|周|階|袋|箱|文字|ページ|部(?=\s*(?:売|刷|発行|印刷|配|作|用意|限定|ほど|くらい|ぐらい|以上))/u;

/**
 * 何 + a one-kanji unit not in any list (何皿, 何秒増えた, 何缶, 何棟): a count of that unit too — except
 * the kanji after 何 that ask which or what (何色, 何語, 何県, 何者, 何故, 何曜, 何学部…), 部 (read above),
 * and 何度も, 何回も: many times, not how many.
 */
const ANY_COUNTER = /何(?![故処者事物方卒気色語県市町村区線系型派科屋製味式流風党宗族曜月日年時部学])(\p{sc=Han})(?!も)/u;

const PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['time', /いつ|何年|何月|何日|何時|何曜|何世紀|何年代|時期|(?:どの|何の|どんな)時間帯|\bwhen\b|\bwhat (?:year|month|date|time)\b|\bhow long ago\b/iu],
  ['quantity', new RegExp(`なんぼ|どんだけ|何人|何名|何本|何枚|何歳|何才|何校|何位|何%|何パーセント|何割|何倍|何個|何台|何回|何社|何件|何億|何万|何点|何度(?!も)|何キロ|何グラム|何メートル|何(?:${MORE_COUNTERS.source})|${ANY_COUNTER.source}|いくつ|いくら|どのくらい|どれくらい|どれほど|何ドル|何円|\\bhow (?:many|much|big|large|long|far)\\b|\\bwhat (?:percent|share|proportion|fraction)\\b|割合|比率`, 'iu')],
  ['person', /誰(?!も)|だれ(?!も)|どなた|どの人|\bwho(?:m|se)?\b/iu],
  ['reason', /なぜ|なんで(?!す|しょ|も)|どうして|(?:理由|原因|きっかけ)(?:は(?:何|なん)|として)|(?:何|なに|なん)が(?:理由|原因|きっかけ)|\bwhy\b|\bhow come\b|\bwhat (?:made|caused)\b/iu],
  ['definition', /.(?<!こ)(?:とは|って何|ってなに|ってなん(?:です|や|だ|でしょ)|というのは|っていうのは|ってどういう|の意味)|\bwhat (?:is|are) (?:an? |the )?[\w-]+(?: [\w-]+)?\s*\??$|\bwhat does .+ mean\b|\bmeaning of\b|\bdefine\b/iu],
];

/** Evidence in a sentence that it holds the kind of answer the question wants. */
const EVIDENCE: Readonly<Record<Exclude<QuestionType, 'other'>, RegExp>> = {
  time: /\d{4}\s*年|\d{1,2}\s*月|[月火水木金土日]曜|\d{1,2}\s*日|\d{4}[./-]\d{1,2}|[0-9０-９]+年(?:前|後)|(?:昨|去|来|今|先|前)年|(?:明治|大正|昭和|平成|令和)|\b(?:19|20)\d{2}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)/u,
  // (精一杯, 目一杯, 手一杯 are no counts.)
  quantity: new RegExp(`[0-9０-９]|(?<![精目手腹])[一二三四五六七八九十百千万億兆]+(?:人|つ|個|台|回|倍|割|%|社|件|年|ドル|円|点|度|${MORE_COUNTERS.source})`, 'u'),
  person: /[\u30a1-\u30fa][\u30a1-\u30fa\u30fc・]{2,}|氏|さん|博士|教授|CEO|\b[A-Z][a-z]+ [A-Z][a-z]+\b/u,
  // A reason given: 「…からです」「…ので」「…たんで、」「…ため」「…おかげで」, in dialect 「…さかい」「…けえ」「…けん、」,
  // or named 「理由は」. 「から」 after a predicate only (それから, 東京から, ぐらいから, いつから are no reasons),
  // 「ので」 not 「のです」「のでしょう」, 「んで、」 not the te-form (住んで、).
  reason: /(?<![ぐく]らい)(?<=[るたいだくうぬむぶぐすやんず])から(?:です|でした|だ|や|なんです|なんや|やねん|ね|な|よ|[。、,!！]|$)|ので(?!す|しょ)|(?<=[たい])んで[、,]|ため(?:です|でした|だ|に|で|[。、,])|おかげ|せいで|さかい|(?:けえ|けん)(?:ね|の|な|[。、,!！]|$)|理由は|原因は|きっかけ(?:は|で|に|と|です|だ|や)|なぜなら|というのも|\bbecause\b|\bdue to\b/u,
  // Without the term (an English question): a sentence that defines something.
  definition: /というのは|っていうのは|っちゅうのは|とは[、,]|のこと(?:です|だ|や|で)|を指す|を意味する/u,
};

/** A month in kanji (九月, 十二月), as scripts and older texts write dates; not 一か月 or 数ヶ月. */
const KANJI_MONTH = /(?<![一二三四五六七八九十数何])(?:十[一二]?|[一二三四五六七八九])\s*月(?![間ぶ])/u;

/** 「いつまでに」「期限は」「by when」: a when-question that asks how long something lasts or is allowed. */
const UNTIL_WHEN = /いつまで|期限は|締め?切りは|\bby when\b|\buntil when\b|\bdeadline\b/iu;
/** A sentence that sets an end: 「…3月31日までに」「3年以内」「期限は」, by or until a date. */
const DEADLINE = /[0-9０-９一二三四五六七八九十百日月年末度内中]\s*(?:まで|以内)|期限|締め?切り|\buntil\b|\bby\b|\bdeadline\b|\bwithin\b/iu;

/**
 * A when-question is answered by a date, or by a number that places the event in time: 「1週間後」「3年前」,
 * 「10年以上前」「残り9,000を切ったとき」. Any other number (「創業140年を超える」「浸ける時間は18時間」) says how
 * long or how many, not when.
 */
const RELATIVE_TIME = /[0-9０-９一二三四五六七八九十百千]+\s*(?:時間|分|秒|日|週間?|[かカヶヵケ]月|年)\s*(?:以上|ほど|くらい|ぐらい)?\s*(?:後(?![輩半])|前(?![後半])|以内|以降|経(?![営済験])|たっ|ぶり)|[たるだ](?:とき|時(?!間)|ころ|頃)/u;

/** Whether a line places a number in time (see RELATIVE_TIME): what a when-question accepts besides a date. */
export function placesInTime(text: string): boolean {
  return RELATIVE_TIME.test(text);
}

/** 「何時に」「what time」: a when-question that asks for the time of day. */
const CLOCK_TIME_ASKED = /何時(?!間|代|ごろまで)|(?:どの|何の|どんな)時間帯|\bwhat time\b/iu;
/** A time of day: 9時26分, 21:26, 午後, 夜中の1時. */
const CLOCK_TIME = /[0-9０-９一二三四五六七八九十]\s*時(?!間|代)|\d{1,2}:\d{2}|午前|午後|正午|深夜|夜中/u;

/**
 * 「何月何日に」「何日から」「what date」: a when-question that asks for a day, which a year or a month
 * alone (「今年の誕生日で」) does not give; not 何日間, 何日か, 何日くらいかかる or 何日前に (how many days).
 */
const DAY_ASKED = /何月何日|何日(?!間|目|分|か(?!ら)|ぶり|くらい|ぐらい|ほど|で|以内|以上|おき|も|前|後|経|たっ|かか)|\bwhat (?:date|day)\b|\bon which day\b/iu;
/**
 * A day: 4月20日, 4/20, 20日, 二十日, 廿日, a weekday, 元日, 朔日, or a day counted from another
 * (明日, あした, 翌日, 3日後) — not 日本, 毎日, 1日2回, 三日坊主 or 3/4ページ.
 */
const DAY = /[0-9０-９]\s*月\s*[0-9０-９]|(?<![0-9０-９.])[0-9０-９]{1,2}\s*\/\s*[0-9０-９]{1,2}(?![0-9０-９]|\s*(?:ページ|頁|の確率|程度|くらい|ぐらい))|(?:[0-9０-９]|[一二三四五六七八九十廿])\s*日(?![本間中]|\s*[0-9０-９一二三四五六七八九十]+\s*(?:回|食|錠|杯|時間)|坊主|あたり|以上)|あした|あさって|きょう(?![だかみょう])|[月火水木金土日]曜|元日|元旦|朔日|晦日|大晦日|(?:一昨|昨|今|明|明後|翌|前|当)日|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b/u;

/** Whether a when-question asks for a day (see DAY_ASKED) rather than a year or a moment. */
export function asksDay(question: string): boolean {
  return DAY_ASKED.test(question);
}

/** Whether a when-question asks for the time of day (「何時に起きたの？」) rather than a date. */
export function asksClockTime(question: string): boolean {
  return CLOCK_TIME_ASKED.test(question);
}

/** Whether a when-question asks for an end (「いつまでに登記すれば…」) rather than a start or a moment. */
export function asksUntilWhen(question: string): boolean {
  // 「いつからいつまで」 asks for a span: its start will do as well as its end.
  return UNTIL_WHEN.test(question) && !/いつから|\bfrom when\b/iu.test(question);
}

/** Whether a sentence states the kind of time named: an end (`deadline`), a time of day (`clock`) or a day (`day`). */
export function states(text: string, what: 'deadline' | 'clock' | 'day'): boolean {
  return (what === 'deadline' ? DEADLINE : what === 'clock' ? CLOCK_TIME : DAY).test(text);
}

/** The term a Japanese definition question asks about: 「天然醸造とは?」「麹というのは何ですか」→ the term. */
const DEFINED_TERM = /^[「『"]?(.+?)[」』"]?\s*[、,]?\s*(?:とは|って何|ってなに|ってなん(?:です|や|だ|でしょ)|というのは|っていうのは|ってどういう|の意味)/u;

/**
 * 「XのYは何ですか」「XのYはいくら?」「XのYを教えて」: the question asks for the value of Y (of X). Y is the
 * noun compound right before は/を教えて, okurigana inside it kept (最寄り駅, 申し込み方法) but no particle or inflection (東京の天気 is 天気, 必要な書類 is 書類);
 * when Y is only "the name" (名前, タイトル), what is named is X.
 */
const ASKED_ATTRIBUTE = /(?:([\p{sc=Han}\p{sc=Katakana}ーA-Za-z0-9]{1,12}(?:さん|様|氏)?)の)?([\p{sc=Han}\p{sc=Katakana}ーA-Za-z0-9](?:[\p{sc=Han}\p{sc=Katakana}ーA-Za-z0-9]|(?<=\p{sc=Han})(?![のはがをにでともやへかなたいうくぐすつぬぶむるだ])[ぁ-ゖ](?=\p{sc=Han})){1,11})(?:は(?:何(?:[人分歳年回個円%時間日月倍割社台件]|時間|ドル|パーセント)?|なに|なん|どこ|誰|だれ|どなた|いくら|いくつ|どれ|どんな|いつ|どのくらい|どれくらい)?(?:ですか|でしょうか|だろう|か)?|を教えて(?:ください|下さい|くれ|ほしい)?)[?\uFF1F。]?\s*$/u;
const NAME_WORD = /^(?:名前|名称|正式名称|呼び名|タイトル|題名|ニックネーム)$/u;
/** Relations an answer states without naming them (a reason is given, not called 理由). */
const RELATION_WORD = /^(?:理由|原因|目的|方法|手法|やり方|特徴|意味|違い|利点|欠点|長所|短所|メリット|デメリット|作業|仕事|点|ところ|仕組み|影響|効果|役割|結果|内容|考え|意見|立場|問題|課題|秘訣|コツ|ポイント|状況|現状|見通し|予測)$/u;

/** Counters a 何-question names, and the counters an answer may state the same count with (何人 ↔ 30名). */
const COUNTERS: ReadonlyArray<readonly [string, string]> = [
  ['人', '人|名'],
  ['名', '人|名'],
  ['歳', '歳|才'],
  ['才', '歳|才'],
  ['本', '本'],
  ['台', '台'],
  ['枚', '枚'],
  ['回', '回|度'],
  ['点', '点'],
  ['個', '個|つ'],
  ['社', '社'],
  ['件', '件'],
  ['校', '校'],
  ['位', '位'],
  ['倍', '倍'],
  ['割', '割|%|パーセント'],
  ['%', '%|パーセント|割'],
  ['パーセント', '%|パーセント|割'],
  ['ドル', 'ドル|\\$'],
  ['グラム', 'グラム|g'],
  ['キロ', 'キロ|km|kg'],
  ['メートル', 'メートル|m'],
  // 「何年かかる?」 is answered by a number of years (「三年以内」).
  ['年', '年'],
  // Counters of more than one character; one-kanji units (何冊, 何杯…) are read by ANY_COUNTER, but 部,
  // which it leaves out. (何種類 is often answered by a bare number: 「約400のモデル」.)
  ...['試合', '部'].map((counter) => [counter, counter] as const),
  ['店舗', '店舗|店'],
  ['文字', '文字|字'],
  ['ページ', 'ページ|頁'],
  ['か所', '[かカヶヵケ箇]所'],
  ['か国', '[かカヶヵケ]国'],
];
const NUMBER = '[0-9一二三四五六七八九十百千万億兆]';
/** A number as written, digits and kanji mixed (1,200, 500万, 三十): what a counter or a currency follows. */
const AMOUNT = `${NUMBER}[0-9,.一二三四五六七八九十百千万億兆]*`;
/** 「いくら」「値段は?」「How much does it cost?」: a price or a sum, not any count. */
const ASKS_PRICE = /いくら|何円|(?:値段|価格|料金|費用|金額|代金|月額|年額)は(?:いくら|どれ|どの|何)|\bhow much\b.*\b(?:costs?|paid|pay|price[ds]?|charges?|spen[dt])\b|\bhow much (?:is|are|was|were) (?:a|an|the|it|one)\b|\bwhat (?:is|was|were|are) the (?:\w+ )?(?:price|cost|fee)s?\b/iu;
/** An amount of money: a number with a currency (500万ドル, 1,200円, $20), or nothing to pay. */
const MONEY = new RegExp(
  // 数億円 and 約5万円, but not 関東一円 (all over), 一元化, 3元素, タダシ; no 両/文 (2両編成, 一文字).
  `(?<![\\p{sc=Han}--[一二三四五六七八九十百千万億兆数約]])${AMOUNT}\\s*(?:円|ドル|ユーロ|ポンド|元(?![素化論号])|ウォン|セント)|[$¥€£]\\s?[0-9]|[0-9]\\s?(?:USD|JPY|EUR)\\b|無料|タダ(?![\\p{sc=Katakana}ー])`,
  'v',
);
const AGE_COUNTERS: ReadonlySet<string> = new Set(['歳', '才']);

/**
 * For a question that counts in a unit (「何人」「何本」「何歳」), the shape of its answer: a number in
 * that unit, or one that says the same (何人 ↔ 30名); null for any other question.
 *
 * @example countedAnswer('シュートは何本でしたか')?.test('シュートは5本') // true
 */
export function countedAnswer(question: string): RegExp | null {
  // 何カ国, 何ヶ所 and 何箇所 are 何か国 and 何か所.
  const folded = question.normalize('NFKC').replace(/(?<=何)[カヶヵケ箇](?=[国所])/gu, 'か');
  if (ASKS_PRICE.test(folded)) return MONEY;
  for (const [counter, answers] of COUNTERS) {
    if (!folded.includes(`何${counter}`)) continue;
    // 何か国際的な賞 is 何か + 国際: no count of countries.
    if (counter.startsWith('か') && new RegExp(`何${counter}(?!語)\\p{sc=Han}`, 'u').test(folded)) continue;
    const count = `${AMOUNT}\\s*(?:${answers})`;
    // An age is also written in brackets right after a name, as the press does: 「野々村 修一（29）」 (not a
    // list's 「（1）はじめに」).
    return new RegExp(AGE_COUNTERS.has(counter) ? `${count}|(?<=[\\p{sc=Han}\\p{sc=Katakana}\\p{sc=Hiragana}ー々])\\s*[(（]\\s*[0-9]{1,3}\\s*[)）]` : count, 'u');
  }
  // Any other unit, for a how-many question (「何時何分」 asks a time, not a count of minutes).
  const unit = questionType(question) === 'quantity' ? ANY_COUNTER.exec(folded)?.[1] : undefined;
  return unit === undefined ? null : new RegExp(`${AMOUNT}\\s*${escapeRegExp(unit)}`, 'u');
}

/** 「XのYは…?」 read: Y, the attribute asked, and X, whose it is (either may be absent). */
function readAsked(question: string): { readonly owner: string | undefined; readonly attribute: string | undefined } {
  const match = ASKED_ATTRIBUTE.exec(question.normalize('NFKC').trim());
  return { owner: match?.[1], attribute: match?.[2] };
}

/** What a question asks the value of (「大河内さんの出身地はどこですか」→ 出身地), or null. */
export function askedAttribute(question: string): string | null {
  const { owner, attribute } = readAsked(question);
  // 「甲府の監督は誰?」 asks who holds a role: a line that names someone without the role does not answer it
  // (a precision trade: 「会議の参加者は誰?」 is then not answered by 「会議に出席したのは佐藤さんと…」).
  if (questionType(question) === 'person') return owner !== undefined && attribute !== undefined && !RELATION_WORD.test(attribute) && !NAME_WORD.test(attribute) ? attribute : null;
  if (attribute === undefined || RELATION_WORD.test(attribute) || RELATION_WORD.test(attribute.slice(-2))) return null;
  if (!NAME_WORD.test(attribute)) return attribute;
  return owner !== undefined && [...owner].length >= 2 ? owner : null;
}

/**
 * The frame a question puts round its content when it asks what the material says: 「…って提案してる？」
 * 「…と説明されてる？」「…って紹介されてた？」「…と書いてある？」. The verb says how the answer is reported,
 * not what it is about: a line that happens to use it (「提案しています」) is no likelier to answer, and the
 * line that answers rarely repeats it. (English questions have theirs among the stop words: explain, mention.)
 */
const REPORTING_FRAME = /(?<!誰|だれ|どなた)(?:と|って)\s*(?:言|話|語|書|述べ|触れ|説明|紹介|提案|表現|主張|指摘|解説|強調|報告|予想|予測|考え|思)[ぁ-ゖ]{0,12}[?？]?\s*$/u;
/** What is left must still say something: 「彼は何と言ってる？」 keeps its words. */
const FRAMED_CONTENT_MIN_LENGTH = 4;

/**
 * The question without its reporting frame, for searching (its type is read from the whole question).
 *
 * @example withoutReportingFrame('お金をどうやって回収しようって提案してる？') // 'お金をどうやって回収しよう'
 */
export function withoutReportingFrame(question: string): string {
  const match = REPORTING_FRAME.exec(question);
  if (match === null) return question;
  const content = question.slice(0, match.index).trim();
  return [...content].length >= FRAMED_CONTENT_MIN_LENGTH ? content : question;
}

/** A name with a title or an honorific is a person's (白石先生, 鈴木選手, 田中さん): their attributes are told without their name. */
const PERSON_TITLE = /(?:さん|様|氏|君|くん|ちゃん|先生|選手|監督|社長|会長|部長|課長|教授|博士|医師|議員|委員|市長|知事|大臣|CEO)$/u;
/** Words that place or point rather than name a thing (今年の目標, 今回のテーマ, 自分の役割): nothing a line must repeat. */
const DEICTIC_OWNER = /^(?:今|来|去|昨|先|毎|本|明|次|前|当|最|全|自|今後|以前|現在)(?:年|日|週|月|回|度|期|体|分|初|後|近|身)?$/u;

/**
 * What a question asks the attribute of, when it names it as a thing (「統計学Ⅱの期末試験の範囲は?」→ 期末試験),
 * not as a person (…さんの, a who-question) and not by pointing (今年の): a line about another thing's
 * 範囲 does not answer it. Bare names (山田の出身地) are taken for things: a known limit.
 *
 * @example askedOwner('統計学Ⅱの期末試験の範囲は？') // '期末試験'
 */
export function askedOwner(question: string): string | null {
  if (questionType(question) === 'person') return null;
  const { owner, attribute } = readAsked(question);
  if (owner === undefined || attribute === undefined || PERSON_TITLE.test(owner) || DEICTIC_OWNER.test(owner) || [...owner].length < 2) return null;
  return owner;
}

/** 「何年ぐらいで」「何年間」「何年かけて」: how many years something takes — a count, not a date. */
const YEARS_TAKEN = /何年(?:間|ぐらい|くらい|ほど|程度|で|かけ|かか|以上|以内|も|近く)|\bhow many years\b/iu;

/** 「何時間」「何日間」「何か月」: how long something takes — a count, as 何年間 is (see YEARS_TAKEN). */
const DURATION_ASKED = /何時間|何分間|何日間|何週間|何[かカヶヵケ]月/u;

export function questionType(question: string): QuestionType {
  if (YEARS_TAKEN.test(question) || DURATION_ASKED.test(question)) return 'quantity';
  for (const [type, pattern] of PATTERNS) if (pattern.test(question)) return type;
  return 'other';
}

/** The term of a definition question in Japanese, or null (another type, or no term to read). */
export function definedTerm(question: string): string | null {
  if (questionType(question) !== 'definition') return null;
  return DEFINED_TERM.exec(question.normalize('NFKC').trim())?.[1]?.trim() || null;
}

/**
 * Dates and times of day (2024年5月20日, 令和6年, 5月20日, 午後3時, 14:03): a number in one is no count,
 * so 「どれくらい短くなる?」 is not answered by 「5月20日…午後3時に開通」 but by 「40分が15分に」. A year is
 * one of four digits, an era's, or one with its month; 「5年かかった」「10年前」 are counts.
 */
const DATE_OR_CLOCK = /(?:(?:明治|大正|昭和|平成|令和)\s*[0-9０-９元]{1,2}|[0-9０-９]{4})\s*年(?![間代度])(?:\s*[0-9０-９]{1,2}\s*月)?(?:\s*[0-9０-９]{1,2}\s*日(?!間))?|[0-9０-９]{1,2}\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日(?!間))?|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?!間)|(?:午前|午後)?\s*[0-9０-９]{1,2}\s*時(?!間)(?:\s*[0-9０-９]{1,2}\s*分(?!間))?|[0-9０-９]{1,2}:[0-9０-９]{2}/gu;
/**
 * Whether `text` holds the kind of thing the question type asks for. For a definition of a known
 * term, the term must be what the sentence is about: 「Xというのは…」「Xとは…」「Xは…」 (X as topic).
 */
export function hasAnswerShape(type: QuestionType, text: string, term: string | null = null): boolean {
  if (type === 'other') return false;
  if (type === 'quantity') return EVIDENCE.quantity.test(text.replace(DATE_OR_CLOCK, ' '));
  if (type === 'time' && KANJI_MONTH.test(text)) return true;
  if (type !== 'definition' || term === null) return EVIDENCE[type].test(text);
  const normalized = text.normalize('NFKC');
  const at = normalized.indexOf(term);
  if (at < 0) return false;
  const after = normalized.slice(at + term.length);
  return /^\s*[、,]?\s*(?:というのは|っていうのは|っちゅうのは|って(?:いう)?のは|とは|は)/u.test(after);
}

/**
 * A numbered part: 第2話, 第3節, 第1巻, 第5章; the kind is its counter, a compound one read whole so
 * that 甲第3号証 (an exhibit) and 第418号 (a case number) are parts of different kinds.
 */
const NUMBERED_PART = /第\s*([0-9]+|[一二三四五六七八九十]+)\s*(号証|回目|話|回|節|章|巻|号|条|項|期|部|幕|戦|試合|弾|問)/gu;

/**
 * Whether the question asks about a numbered part (「第2話の放送日は?」) that the given context — a
 * line with its section (not the title: a case number there says nothing) — never names, while it names another part of the same kind
 * (第1話): the line is then about something else, however well its other words match.
 *
 * @example namesOtherPart('第2話の放送日はいつ?', '第1話の放送が2023年4月8日だった') // true
 */
export function namesOtherPart(question: string, context: string): boolean {
  const parts = (text: string) => [...text.normalize('NFKC').matchAll(NUMBERED_PART)].map(([, number, kind]) => ({ number: readNumber(number ?? ''), kind }));
  const asked = parts(question);
  if (asked.length === 0) return false;
  const named = parts(context);
  return asked.some(({ number, kind }) => named.some((part) => part.kind === kind) && !named.some((part) => part.kind === kind && part.number === number));
}

/** 「何という制度ですか」「なんていう店?」: the kind of thing whose name is asked (not a person: 何という人 asks who). */
const NAMED_KIND = /(?:何|なん|なに)\s*(?:と|て)\s*(?:いう|言う|いった)\s*([\p{sc=Han}\p{sc=Katakana}ー]{1,8})/u;
const PERSON_KIND = /^(?:人|方|者|名前|名称|呼び名)$/u;

/** The kind a what-is-it-called question names (「補助金は、何という制度ですか」→ 制度), or null. */
export function askedKind(question: string): string | null {
  const kind = NAMED_KIND.exec(question.normalize('NFKC'))?.[1];
  return kind === undefined || PERSON_KIND.test(kind) ? null : kind;
}

/** A count before a kind word (20曲, 三十曲) is no name of one. */
const COUNT_ONLY = /^[0-9一二三四五六七八九十百千万数何]+$/u;

/**
 * Whether a line gives a name of the kind asked, beyond the question's own words: a quoted name
 * (「ひかり補助金」), a compound ending in the kind (省エネ更新支援制度, not 20曲), or the kind introduced by
 * という (not 「何という制度」, which asks). 「半分は市の補助金」 names no scheme.
 */
export function namesKind(text: string, kind: string, question: string): boolean {
  const folded = text.normalize('NFKC');
  const asked = question.normalize('NFKC');
  const fresh = (word: string): boolean => !asked.includes(word);
  const quoted = [...folded.matchAll(/[「『]([^」』]{2,30})[」』]/gu)].some(([, inner]) => fresh(inner ?? ''));
  const compound = [...folded.matchAll(new RegExp(`([\\p{sc=Han}\\p{sc=Katakana}ーA-Za-z0-9]{2,})${escapeRegExp(kind)}`, 'gu'))].some(
    ([whole, before]) => fresh(whole) && !COUNT_ONLY.test(before ?? ''),
  );
  const introduced = new RegExp(`(?<!何|なん|なに)(?:という|っていう|って|との)\\s*${escapeRegExp(kind)}`, 'u').test(folded);
  return quoted || compound || introduced;
}

/** 「みさきちって誰のこと？」「オノさんとは誰ですか」: who a name or nickname stands for. */
const WHO_IS = /^[「『"]?(.+?)[」』"]?\s*(?:って|とは|というのは|っていうのは)\s*(?:誰|だれ|どなた|どんな人|どういう人)(?:のこと|の(?:あだ名|愛称|ニックネーム))?(?:です|でしょう|なの|なん)?(?:か)?[?？。]*$/u;

/** The name a who-is question asks about (「みさきちって誰のこと？」→ みさきち), or null. */
export function askedName(question: string): string | null {
  const name = WHO_IS.exec(question.normalize('NFKC').trim())?.[1]?.trim();
  return name === undefined || name === '' ? null : name;
}

/**
 * Whether a line says who a name stands for: 「みさきち＝田中です」「田中＝みさきち」「みさきちこと田中」
 * 「田中美咲（みさきち）」「みさきちって呼ばれて」「みさきちというのは…」 — not a line that only uses the name.
 */
export function identifies(text: string, name: string): boolean {
  const folded = text.normalize('NFKC');
  const bare = name.replace(/(?:さん|くん|君|ちゃん|氏|様)$/u, '');
  if (bare === '') return false;
  const at = (pattern: string): boolean => new RegExp(pattern, 'u').test(folded);
  const quoted = `[「『"]?${escapeRegExp(bare)}(?:さん|くん|君|ちゃん)?[」』"]?`;
  return (
    at(`${quoted}\\s*(?:=|＝|こと[^ば]|というのは|っていうのは|って(?:いう|言う)?の(?:は|が)|と(?:は|いうのが))`) ||
    at(`(?:=|＝)\\s*${quoted}`) ||
    at(`[(（]\\s*${quoted}\\s*[)）](?!\\s*[:：])`) ||
    at(`${quoted}\\s*(?:と|って)(?:呼ば|呼ん|よば|よん|言われ|いわれ)`) ||
    at(`(?:あだ名|愛称|ニックネーム|通称|呼び名)(?:は|が|の)\\s*${quoted}`)
  );
}

