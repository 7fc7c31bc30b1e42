/**
 * WikDict articles as FreeDict renders them for dictd (`freedict-eng-jpn`): a header of the English
 * headword, IPA and `<pos>`, then the Japanese translations of each sense, each followed by an
 * English definition line that this module ignores:
 *
 * ```
 * share //ʃɛə// <n>
 * 1. 株, 株式
 * financial instrument
 * 2. 分担, 持分, 部分
 * portion of something
 * ```
 *
 * An article with one sense has no number: its first body line is the translations. The renderer
 * sometimes leaves a stray sense number at the end of a line ("忘れる, わすれる 2."); it is dropped.
 */
import { type DictdFile, dictdArticles } from './read-dictd.js';
import { splitTopLevel, takeParenthesised } from './parse-jmdict.js';

/** One WikDict entry: an English headword and the Japanese translations of each sense. */
export interface WikdictEntry {
  readonly headword: string;
  /** WikDict's part of speech ("n", "v", "adj", …), or "" when the header has none. */
  readonly pos: string;
  /** Japanese translations per sense, first sense first: [["株", "株式"], ["分担", "持分", "部分"]]. */
  readonly senses: readonly (readonly string[])[];
}

const HEADER = /^(.*?)(?:\s+\/.*?)?(?:\s+<([^>]*)>)?\s*$/u;
const SENSE_NUMBER = /^(\d+)\.(?:\s|$)/u;
const STRAY_NUMBER = /(?:\s+\d+\.)+\s*$/u;
/** A translation is Japanese when it has at least one kana or CJK ideograph. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Parse one article. Returns `null` when it has no headword or no Japanese translation.
 *
 * @example parseWikdictEntry('moat //moʊt// <n>\n堀\ndefensive ditch\n') // { headword: 'moat', pos: 'n', senses: [['堀']] }
 */
export function parseWikdictEntry(text: string): WikdictEntry | null {
  const lines = text.split('\n');
  const header = HEADER.exec(lines[0] ?? '');
  const headword = header?.[1]?.trim() ?? '';
  if (headword === '') return null;
  const senses: string[][] = [];
  let first = true;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const numbered = SENSE_NUMBER.exec(line);
    if (numbered !== null) senses.push(translations(line.slice(numbered[0].length)));
    else if (first) senses.push(translations(line));
    first = false;
  }
  const kept = senses.filter((sense) => sense.length > 0);
  return kept.length === 0 ? null : { headword, pos: header?.[2]?.trim() ?? '', senses: kept };
}

/**
 * Every parseable entry of a `freedict-eng-jpn` dictd file, in body order.
 *
 * @example for (const entry of wikdictEntries(await readDictd(base))) console.log(entry.headword);
 */
export function* wikdictEntries(file: DictdFile): Generator<WikdictEntry> {
  for (const article of dictdArticles(file)) {
    const entry = parseWikdictEntry(article.text);
    if (entry !== null) yield entry;
  }
}

function translations(line: string): string[] {
  const terms: string[] = [];
  for (const part of splitTopLevel(line.replace(STRAY_NUMBER, ''), ',、;')) {
    const term = takeParenthesised(part).outside.replace(/（[^）]*）/gu, '').trim();
    if (term !== '' && JAPANESE.test(term) && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
