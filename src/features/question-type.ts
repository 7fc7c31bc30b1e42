/** What kind of answer a question wants; it decides which excerpts read as answers. */
export type QuestionType = 'time' | 'quantity' | 'person' | 'definition' | 'other';

const PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['time', /いつ|何年|何月|何日|何時|何世紀|何年代|時期|\bwhen\b|\bwhat (?:year|month|date|time)\b|\bhow long ago\b/iu],
  ['quantity', /何人|何%|何パーセント|何割|何倍|何個|何台|何回|何社|何件|何億|何万|いくつ|いくら|どのくらい|どれくらい|どれほど|何ドル|何円|\bhow (?:many|much|big|large|long|far)\b|\bwhat (?:percent|share|proportion|fraction)\b|割合|比率/iu],
  ['person', /誰|だれ|どなた|どの人|\bwho(?:m|se)?\b/iu],
  ['definition', /.(?:とは|って何|ってなに|というのは|っていうのは|ってどういう|の意味)|\bwhat (?:is|are) (?:an? |the )?[\w-]+(?: [\w-]+)?\s*\??$|\bwhat does .+ mean\b|\bmeaning of\b|\bdefine\b/iu],
];

/** Evidence in a sentence that it holds the kind of answer the question wants. */
const EVIDENCE: Readonly<Record<Exclude<QuestionType, 'other'>, RegExp>> = {
  time: /\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|\d{4}[./-]\d{1,2}|[0-9０-９]+年(?:前|後)|(?:昨|去|来|今|先|前)年|(?:明治|大正|昭和|平成|令和)|\b(?:19|20)\d{2}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)/u,
  quantity: /[0-9０-９]|[一二三四五六七八九十百千万億兆]+(?:人|つ|個|台|回|倍|割|%|社|件|年|ドル|円)/u,
  person: /[\u30a1-\u30fa][\u30a1-\u30fa\u30fc・]{2,}|氏|さん|博士|教授|CEO|\b[A-Z][a-z]+ [A-Z][a-z]+\b/u,
  // Without the term (an English question): a sentence that defines something.
  definition: /というのは|っていうのは|っちゅうのは|とは[、,]|のこと(?:です|だ|や|で)|を指す|を意味する/u,
};

/** The term a Japanese definition question asks about: 「天然醸造とは?」「麹というのは何ですか」→ the term. */
const DEFINED_TERM = /^[「『"]?(.+?)[」』"]?\s*[、,]?\s*(?:とは|って何|ってなに|というのは|っていうのは|ってどういう|の意味)/u;

export function questionType(question: string): QuestionType {
  for (const [type, pattern] of PATTERNS) if (pattern.test(question)) return type;
  return 'other';
}

/** The term of a definition question in Japanese, or null (another type, or no term to read). */
export function definedTerm(question: string): string | null {
  if (questionType(question) !== 'definition') return null;
  return DEFINED_TERM.exec(question.normalize('NFKC').trim())?.[1]?.trim() || null;
}

/**
 * Whether `text` holds the kind of thing the question type asks for. For a definition of a known
 * term, the term must be what the sentence is about: 「Xというのは…」「Xとは…」「Xは…」 (X as topic).
 */
export function hasAnswerShape(type: QuestionType, text: string, term: string | null = null): boolean {
  if (type === 'other') return false;
  if (type !== 'definition' || term === null) return EVIDENCE[type].test(text);
  const normalized = text.normalize('NFKC');
  const at = normalized.indexOf(term);
  if (at < 0) return false;
  const after = normalized.slice(at + term.length);
  return /^\s*[、,]?\s*(?:というのは|っていうのは|っちゅうのは|って(?:いう)?のは|とは|は)/u.test(after);
}
