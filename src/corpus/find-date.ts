/**
 * Dates as transcripts state them, turned into `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with no more precision
 * than the text gives.
 */
import { ERA_NAME, ERA_START } from '../text/dates/calendar.js';

export interface FoundDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string;
  /** Where the date was written, in UTF-16 units of the searched text. */
  readonly index: number;
  readonly length: number;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';

type Reader = (match: RegExpExecArray) => string | null;

/** A Japanese era and its year: 令和6, 平成元. */
const ERA = `${ERA_NAME}\\s*(元|\\d{1,2})`;

function eraYear(era: string | undefined, n: string | undefined): string | undefined {
  const start = era === undefined ? undefined : ERA_START[era];
  if (start === undefined || n === undefined) return undefined;
  return String(start + (n === '元' ? 1 : Number(n)));
}

/** Most specific forms first: the first form that matches wins, so `2024-03-20` never reads as `2024-03`. */
const FORMS: ReadonlyArray<readonly [RegExp, Reader]> = [
  [/(?<!\d)(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/u, (m) => ymd(m[1], m[3], m[4])],
  // 令和5年（2023年）8月19日, 2023年（令和5年）8月19日: a year given in both calendars.
  [new RegExp(`${ERA}\\s*年\\s*\\(\\s*\\d{4}\\s*年?\\s*\\)\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?`, 'u'), (m) => (m[4] === undefined ? ym(eraYear(m[1], m[2]), m[3]) : ymd(eraYear(m[1], m[2]), m[3], m[4]))],
  [new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*\\(\\s*${ERA}\\s*年?\\s*\\)\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?`, 'u'), (m) => (m[5] === undefined ? ym(m[1], m[4]) : ymd(m[1], m[4], m[5]))],
  // 令和6年11月16日, 平成元年4月: an era year as the Western one.
  [new RegExp(`${ERA}\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'u'), (m) => ymd(eraYear(m[1], m[2]), m[3], m[4])],
  [new RegExp(`${ERA}\\s*年\\s*(\\d{1,2})\\s*月`, 'u'), (m) => ym(eraYear(m[1], m[2]), m[3])],
  [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, (m) => ymd(m[1], m[2], m[3])],
  [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?!\\d)`, 'iu'), (m) => ymd(m[3], monthNumber(m[1]), m[2])],
  [new RegExp(`(?<!\\d)(\\d{1,2})${ORDINAL}\\s+${MONTH_NAME},?\\s+(\\d{4})(?!\\d)`, 'iu'), (m) => ymd(m[3], monthNumber(m[2]), m[1])],
  [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月/u, (m) => ym(m[1], m[2])],
  [new RegExp(`\\b${MONTH_NAME},?\\s+(\\d{4})(?!\\d)`, 'iu'), (m) => ym(m[2], monthNumber(m[1]))],
  [/(?<!\d)(\d{4})\s*[-/]\s*(\d{1,2})(?![\d/-])/u, (m) => ym(m[1], m[2])],
  [/(?<!\d)(\d{4})\s*年(?!\s*\d)/u, (m) => year(m[1])],
];

/**
 * The first date stated in `text`, in the most specific form that matches.
 *
 * @example findDate('Updated on December 15, 2024, 17:04 pm JST')?.date // '2024-12-15'
 */
export function findDate(text: string): FoundDate | null {
  const folded = text.normalize('NFKC');
  // Offsets are only meaningful when NFKC kept the length; callers that need them pass NFKC text.
  for (const [pattern, read] of FORMS) {
    const match = pattern.exec(folded);
    if (match === null) continue;
    const date = read(match);
    if (date !== null) return { date, index: match.index, length: match[0].length };
  }
  return null;
}

/**
 * A date of at least month precision that ends `text`, as in a title closing with `2021年4月`.
 * A bare year at the end of a title is too often the subject (`AIの未来 2030年`) to count.
 *
 * @example dateAtEnd('対談 - AIのこれから 2021年4月') // '2021-04'
 */
export function dateAtEnd(text: string): string | null {
  const folded = text.normalize('NFKC').replace(/[\s)\]】）]+$/u, '');
  for (const [pattern, read] of FORMS) {
    const anchored = new RegExp(`(?:${pattern.source})$`, pattern.flags);
    const match = anchored.exec(folded);
    if (match === null) continue;
    const date = read(match);
    if (date !== null && date.length >= 7) return date;
  }
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const prefix = name.toLowerCase().replace('.', '').slice(0, 3);
  const index = MONTHS.findIndex((month) => month.startsWith(prefix));
  return index < 0 ? undefined : String(index + 1);
}

function year(y: string | undefined): string | null {
  if (y === undefined) return null;
  const n = Number(y);
  return n >= 1900 && n <= 2100 ? y : null;
}

function ym(y: string | undefined, m: string | undefined): string | null {
  const yy = year(y);
  if (yy === null || m === undefined) return null;
  const n = Number(m);
  return n >= 1 && n <= 12 ? `${yy}-${String(n).padStart(2, '0')}` : null;
}

function ymd(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  const month = ym(y, m);
  if (month === null || d === undefined) return null;
  const n = Number(d);
  return n >= 1 && n <= 31 ? `${month}-${String(n).padStart(2, '0')}` : null;
}
