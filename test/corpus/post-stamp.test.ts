import { describe, expect, it } from 'vitest';
import { readPostStamp } from '../../src/corpus/post-stamp.js';
import { formatPoint } from '../../src/text/dates/calendar.js';

function read(text: string): string | null {
  const stamp = readPostStamp(text);
  return stamp === null ? null : `${formatPoint(stamp.date)} ${stamp.time} → ${text.slice(stamp.length)}`;
}

describe('readPostStamp', () => {
  it.each([
    // A chat export's stamp; the sender's label starts right after it.
    ['[2024-05-14 21:03] 佐藤: おつかれ', '2024-05-14 21:03 → 佐藤: おつかれ'],
    // A thread's reply, indented behind its arrow.
    ['    ↳ スレッドに返信 [2024-05-14 21:22] 高橋: じゃあ', '2024-05-14 21:22 → 高橋: じゃあ'],
    // 年月日 and a weekday in lenticular brackets, seconds kept.
    ['【2024年6月14日(金) 10:00:05】田中: はい', '2024-06-14 10:00:05 → 田中: はい'],
    // Bare, an export's date needs a sender after it.
    ['2024/05/14 21:03 鈴木: 了解', '2024-05-14 21:03 → 鈴木: 了解'],
  ])('reads the stamp that opens %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['次回（2024年6月14日 10:00〜）は、結果を確認します。', 'a date with a time inside a sentence is a plan'],
    ['（2024年6月14日）佐藤: はい', 'a stamp has a time of day'],
    ['2024-05-14 21:03 に集合', 'a bare date with no sender after it'],
    ['[2024-02-30 21:03] 佐藤: はい', 'a day the calendar does not have'],
  ])('reads nothing in %s (%s)', (text) => {
    expect(readPostStamp(text)).toBeNull();
  });
});
