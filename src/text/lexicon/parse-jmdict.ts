/**
 * JMdict articles as FreeDict renders them for dictd (`freedict-jpn-eng`). An article is a header
 * line of spellings, each with its priority marks and IPA noise, then senses:
 *
 * ```
 *  [ichi1]  [news1]  [nf02]  購入 /(en)tʃˈaɪniːz…/,  [ichi1]  [news1]  [nf02] こうにゅう /kˌo̞ɯ…/
 * 1. (noun (common) (futsuumeishi))
 *  [computer terminology] purchase, buy
 * 2.
 *          Note: word usually written using kana alonebuy
 * ```
 *
 * The renderer glues a usage note to the gloss that follows it ("Note: abbreviationmail"), so notes
 * are recognised by their fixed JMdict wording; `{…}` cross-references and `[…]` field tags are
 * dropped from glosses and kept as notes.
 */
import { type DictdFile, dictdArticles } from './read-dictd.js';

/** One JMdict entry: the Japanese spellings and the English glosses of each sense. */
export interface JmdictEntry {
  /** Every spelling: kanji forms first (common ones before irregular ones), then kana readings. */
  readonly headwords: readonly string[];
  /** The kana spellings, in dictionary order. */
  readonly readings: readonly string[];
  /** Part-of-speech labels of all senses, in order of first use: "noun (common) (futsuumeishi)". */
  readonly pos: readonly string[];
  /** Glosses per sense, first sense first: [["purchase", "buy"]]. */
  readonly senses: readonly (readonly string[])[];
  /** Usage notes and field tags per sense, parallel to `senses`: [["archaism"], []]. */
  readonly senseNotes: readonly (readonly string[])[];
  /** 0–100 from the best-marked spelling: news1/ichi1/spec1/gai1 high, then the nfXX frequency rank. */
  readonly priority: number;
  /** JMdict's "(P)": some spelling carries news1, ichi1, spec1 or gai1. */
  readonly common: boolean;
  /** The first sense says "word usually written using kana alone". */
  readonly usuallyKana: boolean;
}

const USUALLY_KANA_NOTE = 'word usually written using kana alone';

/**
 * The usage notes this rendering prints after "Note: ", longest first so that "humble (kenjougo)
 * language" wins over "humble". Anything after the matched note on the same line is gloss text.
 */
const NOTE_LABELS: readonly string[] = [
  USUALLY_KANA_NOTE,
  'word usually written using kanji alone',
  'honorific or respectful (sonkeigo) language',
  'humble (kenjougo) language',
  'polite (teineigo) language',
  'onomatopoeic or mimetic word',
  'vulgar expression or word',
  'idiomatic expression',
  'female term or language',
  'male term or language',
  "children's language",
  'familiar language',
  'jocular, humorous term',
  'literary or formal term',
  'rude or X-rated term',
  'historical term',
  'obscure term',
  'obsolete term',
  'poetical term',
  'Internet slang',
  'manga slang',
  'dated term',
  'abbreviation',
  'colloquialism',
  'euphemistic',
  'derogatory',
  'quotation',
  'yojijukugo',
  'sensitive',
  'aphorism',
  'archaism',
  'proverb',
  'slang',
  'rare',
  'honorific or respectful',
  'humble',
  'polite',
].sort((a, b) => b.length - a.length);

const COMMON_MARKS = new Set(['news1', 'ichi1', 'spec1', 'gai1']);
const SECONDARY_MARKS = new Set(['news2', 'ichi2', 'spec2', 'gai2']);
/** JMdict's nfXX ranks run from 01 (the 500 most frequent words) to 48. */
const FREQUENCY_RANKS = 48;

/** Hiragana, katakana (full and half width), the long-vowel mark and the middle dot. */
const KANA_ONLY = /^[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+$/u;
/** The IPA transcription after each spelling: " /kˌo̞ɯ…/". */
const IPA = / \/[^/\n]*\//gu;
const PRIORITY_MARK = /\[([a-z]+)(\d+)\]/gu;
const SENSE_NUMBER = /^(\d+)\.(?:\s|$)/u;
/** A POS label as opposed to a restriction "(ペケ)" or a remark "(orig. meaning)". */
const POS_WORDS =
  /\b(?:noun|verb|adjective|adjectival|adverb|adverbial|pronoun|particle|conjunction|interjection|expressions|prefix|suffix|counter|numeric|copula|auxiliary|pre-noun)\b/u;

/**
 * Is every character of the spelling kana (hiragana, katakana, half-width katakana, ー, ・)?
 *
 * @example isKana('こうにゅう') // true
 */
export function isKana(text: string): boolean {
  return KANA_ONLY.test(text);
}

/**
 * Parse one article. Returns `null` when it has no spelling or no gloss.
 *
 * @example parseJmdictEntry(' [ichi1]  会社 /…/,  [ichi1] かいしゃ /…/\n1. (noun (common) (futsuumeishi))\ncompany, corporation\n2. workplace\n')?.senses // [['company', 'corporation'], ['workplace']]
 */
export function parseJmdictEntry(text: string): JmdictEntry | null {
  const newline = text.indexOf('\n');
  const header = parseHeader(newline < 0 ? text : text.slice(0, newline));
  if (header === null) return null;
  const body = parseSenses(newline < 0 ? '' : text.slice(newline + 1));
  if (body.senses.length === 0) return null;
  return {
    ...header,
    ...body,
    usuallyKana: body.senseNotes[0]?.includes(USUALLY_KANA_NOTE) ?? false,
  };
}

/**
 * Every parseable entry of a `freedict-jpn-eng` dictd file, in body order.
 *
 * @example for (const entry of jmdictEntries(await readDictd(base))) console.log(entry.headwords[0]);
 */
export function* jmdictEntries(file: DictdFile): Generator<JmdictEntry> {
  for (const article of dictdArticles(file)) {
    const entry = parseJmdictEntry(article.text);
    if (entry !== null) yield entry;
  }
}

interface Spelling {
  readonly text: string;
  readonly kana: boolean;
  readonly irregular: boolean;
  readonly marks: readonly string[];
}

function parseHeader(line: string): Pick<JmdictEntry, 'headwords' | 'readings' | 'priority' | 'common'> | null {
  const spellings: Spelling[] = [];
  for (const item of splitTopLevel(line.replace(IPA, ''), ',')) {
    const marks = [...item.matchAll(PRIORITY_MARK)].map((match) => `${match[1] ?? ''}${match[2] ?? ''}`);
    const { outside, groups } = takeParenthesised(item.replace(/\[[^\]]*\]/gu, ''));
    const spelling = outside.trim();
    if (spelling === '' || spellings.some((known) => known.text === spelling)) continue;
    // "(out-dated or obsolete kana usage)", "(irregular kanji usage)": kept, but never the display form.
    const irregular = groups.some((group) => /[a-z]/iu.test(group));
    spellings.push({ text: spelling, kana: isKana(spelling), irregular, marks });
  }
  if (spellings.length === 0) return null;
  const rank = (spelling: Spelling): number => (spelling.irregular ? 2 : spelling.marks.length > 0 ? 0 : 1);
  const kanji = spellings.filter((spelling) => !spelling.kana).sort((a, b) => rank(a) - rank(b));
  const kana = spellings.filter((spelling) => spelling.kana).sort((a, b) => rank(a) - rank(b));
  const marks = spellings.flatMap((spelling) => spelling.marks);
  return {
    headwords: [...kanji, ...kana].map((spelling) => spelling.text),
    readings: kana.map((spelling) => spelling.text),
    priority: priorityFromMarks(marks),
    common: marks.some((mark) => COMMON_MARKS.has(mark)),
  };
}

/**
 * A 0–100 score from JMdict priority marks: a common mark (news1, ichi1, spec1, gai1) gives 70, a
 * secondary one 40, none 10; an nfXX rank adds up to 30, nf01 most.
 *
 * @example priorityFromMarks(['ichi1', 'news1', 'nf02']) // 99
 */
export function priorityFromMarks(marks: readonly string[]): number {
  let score = 10;
  if (marks.some((mark) => COMMON_MARKS.has(mark))) score = 70;
  else if (marks.some((mark) => SECONDARY_MARKS.has(mark))) score = 40;
  const ranks = marks.filter((mark) => mark.startsWith('nf')).map((mark) => Number(mark.slice(2)));
  const best = Math.min(...ranks.filter((rank) => rank >= 1 && rank <= FREQUENCY_RANKS));
  if (Number.isFinite(best)) score += Math.round((30 * (FREQUENCY_RANKS - best)) / (FREQUENCY_RANKS - 1));
  return score;
}

function parseSenses(body: string): Pick<JmdictEntry, 'pos' | 'senses' | 'senseNotes'> {
  const pos: string[] = [];
  const senses: string[][] = [];
  const senseNotes: string[][] = [];
  let open = false;
  const startSense = (): void => {
    senses.push([]);
    senseNotes.push([]);
    open = true;
  };
  for (const rawLine of body.split('\n')) {
    let rest = rawLine;
    const numbered = SENSE_NUMBER.exec(rest);
    if (numbered !== null) {
      startSense();
      rest = rest.slice(numbered[0].length);
    }
    rest = rest.trim();
    if (rest === '') continue;
    if (!open) startSense();
    const glosses = senses[senses.length - 1];
    const notes = senseNotes[senseNotes.length - 1];
    if (glosses === undefined || notes === undefined) continue;
    rest = takeNote(rest, notes);
    rest = takeTags(rest, notes);
    if (rest === '') continue;
    const { outside, groups } = takeParenthesised(rest);
    if (outside.trim() === '') {
      // A line of labels only: "(noun (common) (futsuumeishi))", " (transitive verb)", "(as 〜にする)".
      for (const group of groups) {
        if (POS_WORDS.test(group)) {
          if (!pos.includes(group)) pos.push(group);
        } else notes.push(group);
      }
      continue;
    }
    for (const gloss of splitTopLevel(rest, ',;')) {
      const trimmed = gloss.trim();
      if (trimmed !== '' && !glosses.includes(trimmed)) glosses.push(trimmed);
    }
  }
  const kept = senses.map((glosses, index) => ({ glosses, notes: senseNotes[index] ?? [] })).filter((sense) => sense.glosses.length > 0);
  return { pos, senses: kept.map((sense) => sense.glosses), senseNotes: kept.map((sense) => sense.notes) };
}

/** "Note: archaismto die" → note "archaism", rest "to die". An unknown note takes the whole line. */
function takeNote(line: string, notes: string[]): string {
  let rest = line;
  while (rest.startsWith('Note:')) {
    const text = rest.slice('Note:'.length).trimStart();
    const label = NOTE_LABELS.find((candidate) => text.startsWith(candidate));
    if (label === undefined) {
      notes.push(text);
      return '';
    }
    notes.push(label);
    rest = text.slice(label.length).trimStart();
  }
  return rest;
}

/** Leading cross-references "{丸・まる・1}, {×}" and field tags "[computer terminology]". */
function takeTags(line: string, notes: string[]): string {
  let rest = line;
  for (;;) {
    const tag = /^(?:\{[^}]*\}|\[[^\]]*\])\s*,?\s*/u.exec(rest);
    if (tag === null) return rest;
    if (tag[0].startsWith('[')) notes.push(tag[0].replace(/[[\],]/gu, '').trim());
    rest = rest.slice(tag[0].length);
  }
}

/**
 * Split on any of `separators` outside parentheses, brackets and braces.
 *
 * @example splitTopLevel('dot (between terms, etc.), interpoint', ',') // ['dot (between terms, etc.)', ' interpoint']
 */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth -= 1;
    else if (depth === 0 && separators.includes(char)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The text outside top-level parentheses, and the inside of each group. An unclosed "(" is text.
 *
 * @example takeParenthesised('a (b (c)) d') // { outside: 'a  d', groups: ['b (c)'] }
 */
export function takeParenthesised(text: string): { outside: string; groups: string[] } {
  if (!text.includes('(')) return { outside: text, groups: [] };
  const pieces: string[] = [];
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') {
      if (depth === 0) {
        pieces.push(text.slice(start, i));
        start = i + 1;
      }
      depth += 1;
    } else if (char === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        groups.push(text.slice(start, i));
        start = i + 1;
      }
    }
  }
  // An unclosed group is text, not a label.
  pieces.push(depth > 0 ? text.slice(start - 1) : text.slice(start));
  return { outside: pieces.join(''), groups };
}
