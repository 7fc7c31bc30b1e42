/**
 * Speakers a title or introduction names outright: 「XとYとの炉辺談話」, 「研究者のAとBが語る」,
 * `A × B 対談`. Deliberately narrow — a missed speaker costs little here, because speaker attribution
 * works on the whole text later; a wrong one (「経済と政治の対話」) would mislabel every answer.
 */

const HONORIFIC = '(?:氏|さん|先生|教授|博士|様)';
/**
 * A person's name as titles write it: a katakana full name with a middle dot (ジョン・スミス),
 * two or more capitalised Latin words (Sam Altman), or kanji with an honorific (田中氏). A single
 * katakana or kanji word is not enough: it is far more often a topic (ディープラーニング, 経済).
 */
const NAME =
  `(?:[ァ-ヺ][ァ-ヺー]*(?:[・=][ァ-ヺ][ァ-ヺー]*)+${HONORIFIC}?` +
  `|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+` +
  `|[ァ-ヺ][ァ-ヺー]+${HONORIFIC}` +
  `|[一-龥々]{2,6}${HONORIFIC})`;
/** Words that say the named people are talking: a conversation, an interview, 「語る」. */
const TALK = '(?:炉辺談話|対談|対話|鼎談|インタビュー|会話|トーク|座談会|議論|討論|ディスカッション|語る|語り合う|語った|語り合った|話す|話し合う|fireside chat|conversation|interview|discuss)';

const PATTERNS: readonly RegExp[] = [
  // 「AとBとの炉辺談話」「AとBが詳細に語る」「AとBによる対談」
  new RegExp(`(${NAME})と(${NAME})(?:との|の|が|による|は)[^。!?]{0,20}?${TALK}`, 'gu'),
  // 「A × B 対談」
  new RegExp(`(${NAME})\\s*[×xX]\\s*(${NAME})[^。!?]{0,20}?${TALK}`, 'gu'),
  // `A and B discuss …`, `A and B in conversation`
  new RegExp(`(${NAME}) and (${NAME})[^.!?]{0,20}?${TALK}`, 'gu'),
  // 「Aとの対談」「Aインタビュー」「Aに聞く」: one named guest.
  new RegExp(`(${NAME})(?:との|への|に)?(?:対談|インタビュー|聞く)`, 'gu'),
];

/**
 * Names of the people a title or introduction says are speaking, in order of appearance.
 *
 * @example findSpeakers('ジョン・スミスとメアリー・ジョーンズとの対談') // ['ジョン・スミス', 'メアリー・ジョーンズ']
 */
export function findSpeakers(text: string): string[] {
  const folded = text.normalize('NFKC');
  const found: Array<{ readonly index: number; readonly name: string }> = [];
  for (const pattern of PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      let offset = match.index;
      for (const group of match.slice(1)) {
        if (group === undefined) continue;
        const at = folded.indexOf(group, offset);
        found.push({ index: at, name: withoutHonorific(group) });
        offset = at + group.length;
      }
    }
  }
  const names: string[] = [];
  for (const { name } of found.sort((a, b) => a.index - b.index)) {
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function withoutHonorific(name: string): string {
  return name.replace(new RegExp(`${HONORIFIC}$`, 'u'), '');
}
