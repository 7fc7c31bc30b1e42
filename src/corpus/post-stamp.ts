/**
 * The stamp a chat export or a message log writes at the head of a post: the day and time it was sent.
 */
import { isValid, point, type CalendarPoint } from '../text/dates/calendar.js';

export interface PostStamp {
  /** The day the post was sent. */
  readonly date: CalendarPoint;
  /** The time of day as written, `HH:MM` or `HH:MM:SS`. */
  readonly time: string;
  /** Length (UTF-16) of the stamp with the spaces after it: the sender's label starts there. */
  readonly length: number;
}

/**
 * Only at the head of a line: a date with a time inside a sentence (「次回（2024年6月14日 10:00〜）は」)
 * is when something is planned, not when the line was said. Before the stamp there may be only the
 * indent and arrow of a thread's reply (「    ↳ スレッドに返信 [2024-05-14 21:22] 高橋:」). Bracketed, the
 * date may be written with 年月日 and a weekday (【2024年5月14日(火) 21:03】); bare, it is an export's
 * ISO-like 2024-05-14 21:03, and the sender's label must follow it.
 */
const POST_STAMP = new RegExp(
  String.raw`^\s*(?:↳[^\[【(（]{0,16})?(?:` +
    String.raw`[\[【(（]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:[(（][月火水木金土日][)）])?\s*[ T]?\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*[\]】)）]` +
    String.raw`|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}:\d{2}(?::\d{2})?)(?=\s+[^\s:：]{1,20}[:：])` +
    String.raw`)\s*`,
  'u',
);

/**
 * The stamp that opens a post's line, or null when the line does not open with one. It says nothing
 * of the sender: a caller that needs one checks for the label at `length`.
 *
 * @example readPostStamp('[2024-05-14 21:03] 佐藤: おつかれ') // { date: 2024-05-14, time: '21:03', length: 19 }
 */
export function readPostStamp(text: string): PostStamp | null {
  const match = POST_STAMP.exec(text);
  if (match === null) return null;
  const bracketed = match[1] !== undefined;
  const year = Number(bracketed ? match[1] : match[5]);
  const month = Number(bracketed ? match[2] : match[6]);
  const day = Number(bracketed ? match[3] : match[7]);
  const time = (bracketed ? match[4] : match[8]) ?? '';
  if (!isValid(year, month, day)) return null;
  return { date: point(year, month, day), time, length: match[0].length };
}
