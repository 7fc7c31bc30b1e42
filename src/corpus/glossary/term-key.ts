/**
 * How two spellings of a term are recognised as one: a folded key (width, case, middle dots,
 * hyphens and spaces), a sound key for katakana ↔ Latin (ヒューマンエバル ↔ HumanEval), and the
 * initials of a Latin phrase for acronyms (MoE ↔ Mixture of Experts).
 */
import { normalizeForMatch, toKatakana } from '../../text/normalize.js';
import { soundKey } from '../../text/transliterate.js';

/** Sound keys this short collide between unrelated words (ラマ / ローマ), so they do not join terms. */
const MIN_SOUND_CONSONANTS = 3;
/** Words an acronym often skips (Reinforcement Learning from Human Feedback → RLHF). */
const SKIPPED_INITIALS = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'from', 'with', 'to', 'in', 'on', 'by', 'as']);
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]{1,7}$/u;

/**
 * The key two spellings of one term share: NFKC, lower case, hiragana as katakana, no spaces,
 * hyphens, dots or quotes.
 *
 * @example termKey('Ｍｉｘｔｕｒｅ-of Experts') === termKey('mixture of experts') // true
 */
export function termKey(term: string): string {
  return toKatakana(normalizeForMatch(term)).replace(/[\s\-‐‑–—_.・「」『』"'“”‘’()\uFF08\uFF09【】]/gu, '');
}

/**
 * A katakana or Latin term's sound key (`~` + consonant skeleton), or null when the term mixes
 * scripts or is too short for its sound to identify it.
 *
 * @example termSoundKey('HumanEval') === termSoundKey('ヒューマンエバル') // true
 */
export function termSoundKey(term: string): string | null {
  const key = soundKey(termKey(term));
  if (key === null || key.replace(/_/gu, '').length < MIN_SOUND_CONSONANTS) return null;
  return `~${key}`;
}

/**
 * Whether a word reads as an acronym: 2–8 letters or digits, starting with a capital, with at
 * least two capitals (MoE, RLHF, GPT, LLM; not Qwen).
 *
 * @example isAcronym('MoE') // true
 */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/**
 * Whether a Latin phrase spells the acronym with its words' initials, with or without its small
 * function words (`Mixture of Experts` → MoE or ME).
 *
 * @example spellsAcronym('American Truly Open Models', 'ATOM') // true
 */
export function spellsAcronym(phrase: string, acronym: string): boolean {
  const words = phrase.split(/[\s-]+/u).filter((word) => word !== '');
  if (words.length < 2) return false;
  const letters = acronym.replace(/[^A-Za-z]/gu, '').toLowerCase();
  const all = words.map((word) => word.charAt(0).toLowerCase()).join('');
  const content = words.filter((word) => !SKIPPED_INITIALS.has(word.toLowerCase())).map((word) => word.charAt(0).toLowerCase()).join('');
  return letters.length >= 2 && (all === letters || content === letters);
}

/**
 * Latin phrases in `text` whose initials spell `acronym`, longest first: `… Mixture of Experts …`
 * for MoE. Each is a run of 2–8 words that starts and ends with a content word.
 *
 * @example expansionsIn('それがMixture of Expertsを意味する', 'MOE') // ['Mixture of Experts']
 */
export function expansionsIn(text: string, acronym: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){1,7}/gu)) {
    const words = match[0].split(/\s+/u);
    // Any sub-run may be the expansion: `the Mixture of Experts model` holds `Mixture of Experts`.
    for (let from = 0; from < words.length; from += 1) {
      for (let to = words.length; to > from + 1; to -= 1) {
        const phrase = words.slice(from, to).join(' ');
        const first = words[from] ?? '';
        const last = words[to - 1] ?? '';
        if (SKIPPED_INITIALS.has(first.toLowerCase()) || SKIPPED_INITIALS.has(last.toLowerCase())) continue;
        if (/^[A-Z]/u.test(first) && spellsAcronym(phrase, acronym)) found.add(phrase);
      }
    }
  }
  return [...found].sort((left, right) => right.length - left.length);
}
