/** What kind of answer a question wants; it decides which excerpts read as answers. */
export type QuestionType = 'time' | 'quantity' | 'person' | 'other';

const PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['time', /いつ|何年|何月|何日|何時|何世紀|何年代|時期|\bwhen\b|\bwhat (?:year|month|date|time)\b|\bhow long ago\b/iu],
  ['quantity', /何人|何%|何パーセント|何割|何倍|何個|何台|何回|何社|何件|何億|何万|いくつ|いくら|どのくらい|どれくらい|どれほど|何ドル|何円|\bhow (?:many|much|big|large|long|far)\b|\bwhat (?:percent|share|proportion|fraction)\b|割合|比率/iu],
  ['person', /誰|だれ|どなた|どの人|\bwho(?:m|se)?\b/iu],
];

/** Evidence in a sentence that it holds the kind of answer the question wants. */
const EVIDENCE: Readonly<Record<Exclude<QuestionType, 'other'>, RegExp>> = {
  time: /\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|\d{4}[./-]\d{1,2}|[0-9０-９]+年(?:前|後)|(?:昨|去|来|今|先|前)年|(?:明治|大正|昭和|平成|令和)|\b(?:19|20)\d{2}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)/u,
  quantity: /[0-9０-９]|[一二三四五六七八九十百千万億兆]+(?:人|つ|個|台|回|倍|割|%|社|件|年|ドル|円)/u,
  person: /[\u30a1-\u30fa][\u30a1-\u30fa\u30fc・]{2,}|氏|さん|博士|教授|CEO|\b[A-Z][a-z]+ [A-Z][a-z]+\b/u,
};

export function questionType(question: string): QuestionType {
  for (const [type, pattern] of PATTERNS) if (pattern.test(question)) return type;
  return 'other';
}

/** Whether `text` holds the kind of thing the question type asks for. */
export function hasAnswerShape(type: QuestionType, text: string): boolean {
  return type === 'other' ? false : EVIDENCE[type].test(text);
}
