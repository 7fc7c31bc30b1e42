/**
 * Katakana readings of the cast's kanji names, as aliases, so a speaker written 高橋恵美 answers to
 * "Takahashi" and "Emi Takahashi": a Latin spelling is matched to katakana by sound
 * (`speaker-aliases.ts`), and the dictionary knows how common names are read.
 */
import type { Tokenizer } from '../text/tokenizer.js';
import type { CastMember } from './speaker-aliases.js';
import type { Corpus } from './types.js';

const KANJI_NAME = /^[\p{Script=Han}々]{2,8}$/u;
const KANA_GIVEN_NAME = /^([\p{Script=Han}々]{2,4})([ぁ-ゖ]{2,4})$/u;
/** A kanji name written with a space between family and given name (山本 健一), as headers list them. */
const SPACED_NAME = /^([\p{Script=Han}々]{1,4})[\s\u3000]+([\p{Script=Han}々]{1,4})$/u;

/** Hiragana as katakana, the script readings are written in. */
function toKatakana(text: string): string {
  return text.replace(/[ぁ-ゖ]/gu, (char) => String.fromCodePoint((char.codePointAt(0) ?? 0) + 0x60));
}

/**
 * The corpus with each kanji cast member's reading added to its aliases, family and given name
 * apart (タカハシ・エミ) and in Western order too (エミ・タカハシ).
 *
 * @example withNameReadings(corpus, tokenizer).transcripts[0]?.cast[0]?.aliases // […, 'タカハシ・エミ', 'エミ・タカハシ']
 */
export function withNameReadings(corpus: Corpus, tokenizer: Tokenizer): Corpus {
  const read = (member: CastMember): CastMember => {
    const spaced = SPACED_NAME.exec(member.name);
    if (spaced !== null) return withReadings(member, spaced.slice(1).map((part) => tokenizer.tokenize(part).map((morpheme) => morpheme.reading ?? '').join('')));
    // A given name in hiragana (小野寺さやか) reads as written: only the family name needs the dictionary.
    const kana = KANA_GIVEN_NAME.exec(member.name);
    const kanji = kana?.[1] ?? member.name;
    if (!KANJI_NAME.test(kanji)) return member;
    const parts = tokenizer.tokenize(kanji).map((morpheme) => morpheme.reading);
    if (parts.length === 0 || parts.some((reading) => reading === null || reading === '')) return member;
    return withReadings(member, [...(kana === null ? (parts as string[]) : [parts.join('')]), ...(kana?.[2] === undefined ? [] : [toKatakana(kana[2])])]);
  };
  return { ...corpus, transcripts: corpus.transcripts.map((transcript) => ({ ...transcript, cast: transcript.cast.map(read) })) };
}

/** The member with its reading as aliases, parts apart in both orders; unchanged when a part has no reading. */
function withReadings(member: CastMember, readings: readonly string[]): CastMember {
  if (readings.some((reading) => reading === '')) return member;
  const spelled = [readings.join('・'), ...(readings.length > 1 ? [[...readings].reverse().join('・')] : [])];
  return { ...member, aliases: [...new Set([...member.aliases, ...spelled])] };
}
