import { normalizeForMatch } from '../../text/normalize.js';
import type { Citation, TimelineEvent } from './extract-events.js';

/** Share of character bigrams two statements must have in common (Dice) to be the same event. */
const SAME_EVENT_SIMILARITY = 0.85;

/**
 * One event per thing that happened: the same date stated twice on one line, or the same statement
 * with the same date in two places (a repost, a quoted passage), becomes one event citing every place.
 * The first statement (in corpus order) is kept, unless a later one on the same line states the date outright.
 *
 * @example mergeEvents([a, copyOfAInAnotherFile]) // [a with both citations]
 */
export function mergeEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const groups = new Map<string, Array<{ event: TimelineEvent; grams: Set<string>; citations: Citation[] }>>();
  const order: Array<{ key: string; index: number }> = [];
  for (const event of events) {
    const key = `${event.date ?? '?'}|${event.end ?? ''}|${event.precision}|${event.kind === 'publication' ? 'p' : 'e'}`;
    const group = groups.get(key) ?? [];
    if (!groups.has(key)) groups.set(key, group);
    // Compared without the date itself, which the two share by construction: 「2023年3月にGPT-4が
    // 発表された」 and 「2023年3月にClaudeが発表された」 are two events. Two lines of one file are two
    // statements unless they read the same.
    const grams = bigrams((event.kind === 'publication' ? event.event : event.sentence).replaceAll(event.dateText, ''));
    const same = group.find((other) =>
      event.date === null
        ? sameLine(other.event, event) && other.event.dateText === event.dateText
        : sameLine(other.event, event) || (other.event.file !== event.file && dice(other.grams, grams) >= SAME_EVENT_SIMILARITY),
    );
    if (same === undefined) {
      group.push({ event, grams, citations: [...event.citations] });
      order.push({ key, index: group.length - 1 });
      continue;
    }
    for (const citation of event.citations) {
      if (!same.citations.some((other) => other.file === citation.file && other.line === citation.line)) same.citations.push(citation);
    }
    // On one line, a date stated outright (2026年の現在) tells the event better than a relative one (今日).
    if (sameLine(same.event, event) && same.event.resolved !== null && event.resolved === null) {
      same.event = event;
      same.grams = grams;
    }
  }
  return order.flatMap(({ key, index }) => {
    const entry = groups.get(key)?.[index];
    return entry === undefined ? [] : [{ ...entry.event, citations: entry.citations }];
  });
}

function sameLine(left: TimelineEvent, right: TimelineEvent): boolean {
  return left.file === right.file && left.line === right.line;
}

function bigrams(text: string): Set<string> {
  const chars = [...normalizeForMatch(text).replace(/[^\p{L}\p{N}]+/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

function dice(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}
