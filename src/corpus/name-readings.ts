/**
 * Katakana readings of the cast's kanji names, as aliases, so a speaker written 高橋恵美 answers to
 * "Takahashi" and "Emi Takahashi": a Latin spelling is matched to katakana by sound
 * (`speaker-aliases.ts`), and the dictionary knows how common names are read.
 */
import type { Tokenizer } from '../text/tokenizer.js';
import type { CastMember } from './speaker-aliases.js';
import type { Corpus } from './types.js';

const KANJI_NAME = /^[\p{Script=Han}々]{2,8}$/u;

/**
 * The corpus with each kanji cast member's reading added to its aliases, family and given name
 * apart (タカハシ・エミ) and in Western order too (エミ・タカハシ).
 *
 * @example withNameReadings(corpus, tokenizer).transcripts[0]?.cast[0]?.aliases // […, 'タカハシ・エミ', 'エミ・タカハシ']
 */
export function withNameReadings(corpus: Corpus, tokenizer: Tokenizer): Corpus {
  const read = (member: CastMember): CastMember => {
    if (!KANJI_NAME.test(member.name)) return member;
    const parts = tokenizer.tokenize(member.name).map((morpheme) => morpheme.reading);
    if (parts.length === 0 || parts.some((reading) => reading === null || reading === '')) return member;
    const readings = parts as string[];
    const spelled = [readings.join('・'), ...(readings.length > 1 ? [[...readings].reverse().join('・')] : [])];
    return { ...member, aliases: [...new Set([...member.aliases, ...spelled])] };
  };
  return { ...corpus, transcripts: corpus.transcripts.map((transcript) => ({ ...transcript, cast: transcript.cast.map(read) })) };
}
