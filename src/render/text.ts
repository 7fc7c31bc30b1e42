import type { AskResult } from '../features/ask.js';
import type { ResultItem } from '../features/result-item.js';
import type { SearchResult } from '../features/search.js';
import type { SourceResult } from '../features/source.js';
import { messages, type Locale } from './messages.js';

/** How matched words are shown in plain text: between brackets that cannot be confused with the quote. */
export interface TextStyle {
  readonly mark: (text: string) => string;
}

export const PLAIN_STYLE: TextStyle = { mark: (text) => `【${text}】` };
export const TERMINAL_STYLE: TextStyle = { mark: (text) => `\u001b[1;4m${text}\u001b[0m` };

/** The excerpt with its matched spans marked. */
export function markedExcerpt(item: Pick<ResultItem, 'excerpt' | 'marks' | 'cutBefore' | 'cutAfter'>, mark: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of item.marks) {
    out += item.excerpt.slice(at, start) + mark(item.excerpt.slice(start, end));
    at = end;
  }
  out += item.excerpt.slice(at);
  return `${item.cutBefore ? '…' : ''}${out}${item.cutAfter ? '…' : ''}`;
}

/** `title · section · line N · speaker` — the citation under every excerpt. */
export function citation(item: Pick<ResultItem, 'title' | 'section' | 'line' | 'lineEnd' | 'file' | 'speaker'>, locale: Locale): string {
  const text = messages(locale);
  const parts = [item.title];
  if (item.section !== null && item.section !== item.title) parts.push(item.section);
  const lines = item.lineEnd === undefined ? `${item.line}` : `${item.line}–${item.lineEnd}`;
  parts.push(locale === 'ja' ? `${item.file} ${lines}${text.line}` : `${item.file} ${item.lineEnd === undefined ? text.line : text.lines} ${lines}`);
  if (item.speaker !== null) parts.push(`${text.speaker}: ${item.speaker}`);
  return parts.join(' · ');
}

function renderItems(items: readonly ResultItem[], locale: Locale, style: TextStyle, firstNumber = 1): string {
  return items
    .map((item, i) => {
      const also = item.alsoAt.length === 0 ? '' : `\n   (${messages(locale).alsoAt}: ${item.alsoAt.map((at) => `${at.file}:${at.line}`).join(', ')})`;
      return `${firstNumber + i}. ${markedExcerpt(item, style.mark)}\n   — ${citation(item, locale)}${also}`;
    })
    .join('\n\n');
}

export function renderAskText(result: AskResult, locale: Locale, style: TextStyle = PLAIN_STYLE): string {
  const text = messages(locale);
  const head = `Q: ${result.question}\n${result.results.length === 0 ? text.noResults : result.answered ? text.answerFound : text.notAnswered}`;
  const searched = result.searchedAs.length === 0 ? '' : `\n(${text.searchedAs}: ${result.searchedAs.join(' ')})`;
  return `${head}${searched}\n\n${renderItems(result.results, locale, style)}`.trimEnd();
}

export function renderSearchText(result: SearchResult, locale: Locale, style: TextStyle = PLAIN_STYLE): string {
  const text = messages(locale);
  if (result.total === 0) return `${result.query}: ${text.noResults}`;
  const who = result.speaker === null ? '' : ` (${text.speaker}: ${result.speaker})`;
  const head = `${result.query}${who} — ${text.matches(result.total)}, ${text.page(result.page, result.pageCount)}`;
  const searched = result.searchedAs.length === 0 ? '' : `\n(${text.searchedAs}: ${result.searchedAs.join(' ')})`;
  const first = (result.page - 1) * result.pageSize + 1;
  return `${head}${searched}\n\n${renderItems(result.results, locale, style, first)}`;
}

export function renderSourceText(result: SourceResult, locale: Locale): string {
  const text = messages(locale);
  const head = [result.title, result.section, text.sourceTitle(result.file, result.line)]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const speaker = result.speaker === null ? '' : `\n${text.speaker}: ${sourceSpeaker(result, locale)}`;
  const width = String(result.lines[result.lines.length - 1]?.line ?? result.line).length;
  const body = result.lines
    .map((line) => `${line.cited ? '>' : ' '} ${String(line.line).padStart(width)} | ${line.text}`)
    .join('\n');
  return `${head}${speaker}\n\n${body}`;
}

export function renderHelpText(locale: Locale): string {
  return messages(locale).help.replace(/\*\*/gu, '');
}

/** The speaker of a cited line as /source shows it: marked as inferred below `INFERRED_BELOW` confidence. */
export function sourceSpeaker(result: Pick<SourceResult, 'speaker' | 'speakerConfidence'>, locale: Locale): string {
  if (result.speaker === null) return '';
  return result.speakerConfidence < INFERRED_BELOW ? messages(locale).inferredSpeaker(result.speaker, result.speakerConfidence) : result.speaker;
}

/** Attribution confidence below which /source tells the reader the speaker is inferred, not stated. */
const INFERRED_BELOW = 0.8;
