/**
 * Speaker names and their spellings. A person is one canonical name (the fullest spelling the text
 * gives) with the aliases a reader uses: given name, family name, the label form, honorific forms,
 * and the Latin ↔ katakana twin when the text spells the name both ways. Nothing here knows any
 * particular person: every alias comes from the text, and spellings are compared by sound
 * (`soundKey`), so イリヤ・サツキーバー answers to "Ilya Sutskever" without a table of names.
 */
import { normalizeForMatch, toKatakana } from '../text/normalize.js';
import { boundedEditDistance, soundKeys, spellingSimilarity } from '../text/transliterate.js';
import { TITLE_WORDS } from './speaker-label.js';

export type CastRole = 'host' | 'guest' | 'author' | 'quoted';

/** A person who speaks in a transcript. */
export interface CastMember {
  /** Canonical name, e.g. `イリヤ・サツキーバー`. */
  readonly name: string;
  /** Every spelling the text uses for them, the canonical one first. */
  readonly aliases: readonly string[];
  readonly role: CastRole;
}

/**
 * A side or a unit written before a name (市側, 交通政策課, 広報部, 営業本部, 総務省): who someone is with, not
 * their family name. Two kanji at least before the unit word: 阿部, 服部, 田所 and 仁科 are family names.
 */
export const ORGANISATION = /^(?:\p{sc=Han}{1,10}側|[\p{sc=Han}々]{2,10}(?:課|部|室|局|係|班|科|社|店|所|院|校|省|庁|会))$/u;
/** A rank written after a name (九段, 女流二段): who someone is, never a name of its own. */
export const RANK_WORD = '(?:女流)?[一二三四五六七八九初]段';
/** Honorifics and titles that may follow a name without changing who is meant, ranks (九段, 女流二段) among them. */
export const HONORIFIC = new RegExp(`(?:さん|氏|先生|教授|博士|様|君|くん|ちゃん|${RANK_WORD}|san|sensei)$`, 'iu');
/** Separators inside a full name: katakana middle dots, `=`, spaces. */
const NAME_PARTS = /[・･·=＝\s]+/u;
/** Name parts shorter than this are not aliases on their own (`ン`, `Li` would match everywhere). */
const MIN_PART_LENGTH = 2;

/**
 * A full name's parts: `['セバスチャン', 'ラシュカ']` for `セバスチャン・ラシュカ`.
 *
 * @example nameParts('Sam Altman') // ['Sam', 'Altman']
 */
export function nameParts(name: string): string[] {
  const bare = withoutHonorific(name.normalize('NFKC').trim());
  // A kanji family name and a given name in kana (早川みなみ, 本田ユウキ) split where the script changes.
  const kana = KANA_GIVEN_NAME.exec(bare);
  return (kana === null ? bare : `${kana[1] ?? ''} ${kana[2] ?? ''}`).split(NAME_PARTS).filter((part) => [...part].length >= MIN_PART_LENGTH);
}

const KANA_GIVEN_NAME = /^([\p{Script=Han}々]{1,4})([ぁ-ゖ]{2,4}|[ァ-ヺ][ァ-ヺー]{1,5})$/u;

/** A name without a trailing honorific: `サム・アルマン氏` → `サム・アルマン`. */
export function withoutHonorific(name: string): string {
  const stripped = name.trim().replace(HONORIFIC, '').trim();
  // In a nickname the ending is part of the name: よっちゃん is not よっ, nor ゆうくん ゆう's only name when one kana is left.
  return stripped === '' || /^[ぁ-ゖァ-ヺー]?$|っ$/u.test(stripped) ? name.trim() : stripped;
}

/**
 * The spellings a reader may use for a full name: itself, and each part when it has several
 * (given name, family name).
 *
 * @example aliasesOf('イリヤ・サツキーバー') // ['イリヤ・サツキーバー', 'イリヤ', 'サツキーバー']
 */
export function aliasesOf(name: string): string[] {
  const full = withoutHonorific(name.normalize('NFKC').trim());
  const parts = nameParts(full);
  return unique([full, ...(parts.length > 1 ? parts : [])]);
}

/** The matching key of a spelling: folded width, case, dots and honorifics. */
export function aliasKey(alias: string): string {
  return normalizeForMatch(withoutHonorific(alias.normalize('NFKC'))).replace(/\s+/gu, '');
}

/**
 * The sound key of one name part. `soundKey` declines keys of one consonant (too many common words
 * share them), but a name is only ever compared with a handful of cast names, so both sides get the
 * same trailing consonant and short names such as イリヤ / Ilya compare too.
 */
function partSounds(part: string): string[] {
  const folded = normalizeForMatch(part);
  // Chinese names in Latin spell as katakana hears them: Huang → ファン, Zhang → チャン.
  const latin = folded.replace(/^hu(?=[aeo])/u, 'f').replace(/ng$/u, 'n');
  const padded = /^[a-z]+$/u.test(latin) ? `${latin}k` : /^[\u30a1-\u30fa\u30fc]+$/u.test(folded) ? `${folded}ク` : null;
  if (padded === null) return [];
  // ウィ, ウェ, ウォ open on a w, not a vowel: ウィットフィールド and ホイットフィールド are both Whitfield.
  return /^ウ[ィェォ]/u.test(padded) ? soundKeys(padded).flatMap((key) => [key, key.replace(/^_/u, '')]) : soundKeys(padded);
}

/**
 * Whether two name parts sound alike, in any reading of a Latin spelling (Thomas / トーマス):
 * equal keys, or one slip in the usual reading of four or more sounds (アルマン / Altman).
 */
function partsSoundAlike(left: string, right: string, exact = false): boolean {
  const a = partSounds(left);
  const b = partSounds(right);
  // A key of one consonant says nothing of how the name opens, and ワ, a w or a vowel leave no
  // trace in it: ナオ and ワン (Wang) both key as n. Such short names must open alike too.
  const short = [...a, ...b].some((key) => key.replace(/_/gu, '').length <= 2);
  if (short && opensOnVowel(left) !== opensOnVowel(right)) return false;
  if (exact) return a.some((key) => b.includes(key)) && spelledAlike(left, right);
  if (a.some((key) => b.includes(key))) return true;
  const [first, second] = [a[0], b[0]];
  if (first === undefined || second === undefined) return false;
  // One dropped or changed sound inside a long name (アルマン / Altman, セバスチャン / Sebastian), never at
  // its start; at its end a sound may drop (アンドレイ / Andrej) but not change: サクラ is not サカタ (the
  // last key letter is the pad, so the name's last sound is the one before it).
  const changedLast = first.length === second.length && first.at(-2) !== second.at(-2);
  return Math.min(first.length, second.length) >= 4 && first[0] === second[0] && !changedLast && boundedEditDistance(first, second, 1) <= 1;
}

/** Romanised, a katakana part must also look like a Latin one: a sound key alone drops too much (ササキ, シャ and Sasaki all key S-K). */
const MIN_EXACT_SPELLING = 0.75;

function spelledAlike(left: string, right: string): boolean {
  const [a, b] = [normalizeForMatch(left), normalizeForMatch(right)];
  const latin = /^[a-z]+$/u.test(a) ? a : /^[a-z]+$/u.test(b) ? b : null;
  const kana = latin === a ? b : a;
  if (latin === null || !/^[\u30a1-\u30fa\u30fc]+$/u.test(kana)) return true;
  return spellingSimilarity(latin, kana) >= MIN_EXACT_SPELLING;
}

/** Whether a name part opens on a vowel, a w or a y, in either script (ワン, Wang, イリヤ, Ilya). */
function opensOnVowel(part: string): boolean {
  return /^[aeiouwyアイウエオワヲヴヤユヨァィゥェォ]/iu.test(part.normalize('NFKC'));
}

/**
 * How well a typed name matches one spelling: 1 for the same key, 0.9 when every typed part sounds
 * like a part of the spelling in order (Ilya Sutskever ~ イリヤ・サツキーバー, Altman ~ サム・アルマン),
 * 0 otherwise.
 *
 * @example nameMatch('Ilya', 'イリヤ・サツキーバー') // 0.9
 */
export function nameMatch(typed: string, spelling: string, exact = false): number {
  const key = aliasKey(typed);
  if (key === '') return 0;
  if (key === aliasKey(spelling)) return 1;
  if (isKanjiFamilyOrGivenName(key, aliasKey(spelling))) return 0.9;
  const typedParts = nameParts(typed);
  const parts = nameParts(spelling);
  if (typedParts.length === 0 || parts.length === 0) return 0;
  let from = 0;
  for (const typedPart of typedParts) {
    const at = parts.findIndex((part, i) => i >= from && (aliasKey(part) === aliasKey(typedPart) || partsSoundAlike(part, typedPart, exact)));
    if (at < 0) return 0;
    from = at + 1;
  }
  return 0.9;
}

const KANJI_NAME = /^[\p{Script=Han}々]+$/u;

/** A kanji name long enough to hold a family and a given name (田中健一). */
function isKanjiFullName(name: string): boolean {
  const key = aliasKey(name);
  return KANJI_NAME.test(key) && [...key].length >= 3;
}

/**
 * Whether `part` is the family or the given name of a kanji full name written without a space
 * (田中 or 健一 of 田中健一): two or more kanji at its start or end, the full name three to six.
 */
function isKanjiFamilyOrGivenName(part: string, full: string): boolean {
  const partLength = [...part].length;
  const fullLength = [...full].length;
  if (!KANJI_NAME.test(part) || !KANJI_NAME.test(full) || partLength < 2 || partLength >= fullLength || fullLength < 3 || fullLength > 6) return false;
  return full.startsWith(part) || full.endsWith(part);
}

/**
 * Whether two spellings name the same person: one's parts all match the other's (`イリヤ` and
 * `イリヤ・サツキーバー`, `Sam Altman` and `サム・アルトマン`).
 *
 * @example sameSpeaker('サム・アルマン', 'Sam Altman') // true
 */
export function sameSpeaker(left: string, right: string): boolean {
  return nameMatch(left, right) > 0 || nameMatch(right, left) > 0;
}

/**
 * Members merged by name: a label `イリヤ` joins `イリヤ・サツキーバー`, a Latin spelling joins its
 * katakana twin. The canonical name is the longest katakana/kanji spelling (the one the text reads in),
 * else the longest one.
 *
 * @example mergeCast([{ name: 'イリヤ', aliases: ['イリヤ'], role: 'guest' }, { name: 'イリヤ・サツキーバー', aliases: [], role: 'guest' }])
 */
export function mergeCast(members: readonly CastMember[]): CastMember[] {
  return groupCast(members).map((group) => group.merged);
}

/**
 * `mergeCast`, with the members each merged person was made of. `apart` keeps two members from
 * one person: the directory keeps apart the people one transcript told apart (田中 and 田中浩二).
 */
export function groupCast(members: readonly CastMember[], apart: (left: CastMember, right: CastMember) => boolean = () => false): Array<{ readonly merged: CastMember; readonly members: readonly CastMember[] }> {
  const groups: Array<{ names: string[]; spellings: string[]; role: CastRole; members: CastMember[] }> = [];
  // Full names first, so that a bare given name meets every full name it could belong to.
  const ordered = [...members].sort((left, right) => nameParts(right.name).length - nameParts(left.name).length);
  for (const member of ordered) {
    const spellings = unique([member.name, ...member.aliases]);
    // Whole names are compared, never a part with a part: two people may share a family name. A
    // name joins a group only if it fits every full name in it ("Mark" must not bridge Mark Chen
    // and マーク・ザッカーバーグ), and a spelling that fits two groups joins neither.
    const fitting = groups.filter((candidate) => fitsGroup(member, candidate) && !candidate.members.some((other) => apart(other, member)));
    // A speaker's own label sides with the people who speak, not with someone a narrator quoted.
    const speaking = member.role === 'quoted' ? fitting : fitting.filter((candidate) => candidate.role !== 'quoted');
    const group = fitting.length === 1 ? fitting[0] : speaking.length === 1 ? speaking[0] : undefined;
    if (group === undefined) groups.push({ names: [member.name], spellings, role: member.role, members: [member] });
    else {
      group.names = unique([...group.names, member.name]);
      group.spellings = unique([...group.spellings, ...spellings]);
      group.role = strongerRole(group.role, member.role);
      group.members.push(member);
    }
  }
  return groups.map(({ names, spellings, role, members: made }) => {
    const name = canonicalName(names);
    return { merged: { name, aliases: unique([name, ...spellings.flatMap(aliasesOf)]), role }, members: made };
  });
}

function fitsGroup(member: CastMember, group: { readonly names: readonly string[]; readonly spellings: readonly string[]; readonly role: CastRole }): boolean {
  // A full name's other spellings (its reading クドウ・マサキ, a Latin twin) stand for it: `Kudo` is
  // 工藤 正樹 when the group reads クドウ・マサキ. Only whole names, never a part of one.
  // Sounds must agree exactly here: a reading is a guess, and one slip in it (サンカ for Sasaki) makes anyone anyone.
  const whole = (spellings: readonly string[]): string[] => spellings.filter((spelling) => nameParts(spelling).length > 1);
  const groupWhole = whole(group.spellings);
  const spelledAlike = (left: string, right: string): boolean => nameMatch(left, right, true) > 0 || nameMatch(right, left, true) > 0;
  // Only a Latin name or a full name reaches a reading: a lone katakana given name (ユウキ) is anyone's.
  const reaches = (name: string): boolean => isLatinSpelling(name) || nameParts(name).length > 1;
  const theirs = reaches(member.name) && groupWhole.some((spelling) => spelledAlike(spelling, member.name));
  const mine = whole(member.aliases);
  // Two full names in one script that differ (Laura Smith, Laura Park) are two people, whatever else matches.
  if (mine.some((spelling) => groupWhole.some((other) => scriptOf(other) === scriptOf(spelling) && !sameSpeaker(other, spelling)))) return false;
  const alike = (known: string): boolean => sameSpeaker(known, member.name) || theirs || (reaches(known) && mine.some((spelling) => spelledAlike(spelling, known)));
  if (!group.names.some(alike)) return false;
  const fullNames = group.names.filter((known) => nameParts(known).length > 1 || isKanjiFullName(known));
  return fullNames.every(alike);
}

/**
 * Whether a spelling is all printable ASCII: a Latin spelling (Sam Altman), not the katakana or kanji one.
 *
 * @example isLatinSpelling('Sam Altman') // true
 */
export function isLatinSpelling(spelling: string): boolean {
  return /^[\x20-\x7e]+$/u.test(spelling);
}

function scriptOf(name: string): 'latin' | 'kana' | 'kanji' {
  return isLatinSpelling(name) ? 'latin' : /[\p{Script=Han}]/u.test(name) ? 'kanji' : 'kana';
}

function canonicalName(spellings: readonly string[]): string {
  const byLength = [...spellings].map(withoutHonorific).sort((a, b) => [...b].length - [...a].length);
  return byLength.find((spelling) => !isLatinSpelling(spelling)) ?? byLength[0] ?? '';
}

const ROLE_ORDER: readonly CastRole[] = ['quoted', 'author', 'guest', 'host'];

function strongerRole(left: CastRole, right: CastRole): CastRole {
  return ROLE_ORDER.indexOf(left) >= ROLE_ORDER.indexOf(right) ? left : right;
}

/**
 * How a typed speaker name resolves against a cast: the best member, or null when none matches. A
 * post typed after the name (マキノ部長, 山田営業部長) is how a reader calls someone the text names
 * without it: when the whole does not match, the name before the post is looked up.
 *
 * @example findCastMember(cast, '山田部長')?.name // '山田 太郎'
 */
export function findCastMember<M extends Pick<CastMember, 'name' | 'aliases'>>(cast: readonly M[], typed: string): M | null {
  // 「たかはし」 typed for 高橋: a name typed in hiragana is also its reading in katakana (the aliases
  // hold kanji names' readings in katakana).
  const find = (name: string): M | null => bestCastMember(cast, name) ?? (HIRAGANA_NAME.test(name.trim()) ? bestCastMember(cast, toKatakana(name.trim())) : null);
  for (const name of [typed, ...namesBeforePost(typed)]) {
    const found = find(name);
    if (found !== null) return found;
  }
  return null;
}

const HIRAGANA_NAME = /^[\u3041-\u3096ー\s]+$/u;
const POST_AFTER_NAME = new RegExp(`^${TITLE_WORDS}$`, 'u');

/**
 * The names a typed name may be with a post cut off its end, the longest first: 山田営業部長 is
 * 山田営業 (before 部長), 山田営 (before 業部長) or 山田 (before 営業部長), since a post's unit (営業)
 * is written onto it.
 */
function namesBeforePost(typed: string): string[] {
  const chars = [...withoutHonorific(typed.normalize('NFKC'))];
  const names: string[] = [];
  for (let cut = chars.length - 1; cut > 0; cut -= 1) {
    const name = chars.slice(0, cut).join('').trim();
    if (name !== '' && POST_AFTER_NAME.test(chars.slice(cut).join(''))) names.push(name);
  }
  return names;
}

function bestCastMember<M extends Pick<CastMember, 'name' | 'aliases'>>(cast: readonly M[], typed: string): M | null {
  let best: { member: M; score: number } | null = null;
  for (const member of cast) {
    const score = Math.max(...[member.name, ...member.aliases].map((alias) => nameMatch(typed, alias)));
    if (score > 0 && (best === null || score > best.score)) best = { member, score };
  }
  return best?.member ?? null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
