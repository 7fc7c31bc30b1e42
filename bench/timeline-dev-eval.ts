/**
 * Scoring of temporal extraction against test/fixtures/timeline-dev.jsonl: a labelled event is found
 * when the timeline has an event citing its file and line with its date (`YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`, the start of a range). Shared by `npm run bench:timeline` and the quality test.
 */
import type { Timeline, TimelineEvent } from '../src/features/timeline.js';

export interface DevEvent {
  readonly file: string;
  readonly line: number;
  readonly date: string;
  readonly precision: string;
  readonly expr: string;
}

export interface DevRow extends DevEvent {
  readonly found: boolean;
  /** Found, and with the labelled precision. */
  readonly precise: boolean;
  /** What the timeline dated on that line instead. */
  readonly got: readonly string[];
}

export interface DevReport {
  readonly rows: readonly DevRow[];
  readonly found: number;
  readonly precise: number;
  /** Whether the timeline's dated events are in non-decreasing order of date. */
  readonly chronological: boolean;
  readonly events: number;
  readonly unresolved: number;
}

/** One fixture line, validated (the fixture is outside data). */
export function parseDevEvent(line: string): DevEvent {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error(`not an object: ${line}`);
  const record: Readonly<Record<string, unknown>> = { ...value };
  const { file, line: at, date, precision, expr } = record;
  if (typeof file !== 'string' || typeof at !== 'number' || typeof date !== 'string' || typeof precision !== 'string') {
    throw new Error(`bad fixture row: ${line}`);
  }
  return { file, line: at, date, precision, expr: typeof expr === 'string' ? expr : '' };
}

function cites(event: TimelineEvent, file: string, line: number): boolean {
  return event.citations.some((citation) => citation.file === file && citation.line === line);
}

/**
 * Score a timeline on the labelled events.
 *
 * @example evaluateTimelineDev(buildTimeline(corpus), rows).found // 0.9
 */
export function evaluateTimelineDev(timeline: Timeline, expected: readonly DevEvent[]): DevReport {
  const rows = expected.map((item): DevRow => {
    const onLine = timeline.events.filter((event) => cites(event, item.file, item.line));
    const match = onLine.filter((event) => event.date === item.date);
    return {
      ...item,
      found: match.length > 0,
      precise: match.some((event) => event.precision === item.precision),
      got: onLine.map((event) => `${event.date ?? 'unresolved'}(${event.precision})`),
    };
  });
  const dated = timeline.events.flatMap((event) => (event.date === null ? [] : [event.date]));
  const chronological = dated.every((date, i) => i === 0 || (dated[i - 1] ?? '').slice(0, date.length) <= date.slice(0, (dated[i - 1] ?? '').length));
  const share = (count: number): number => (rows.length === 0 ? 0 : count / rows.length);
  return {
    rows,
    found: share(rows.filter((row) => row.found).length),
    precise: share(rows.filter((row) => row.precise).length),
    chronological,
    events: timeline.events.length,
    unresolved: timeline.events.length - dated.length,
  };
}
