import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/search/bounded-memo.js';

describe('BoundedMemo', () => {
  it('computes a key once and returns the remembered value after', () => {
    const memo = new BoundedMemo<string, number>(2);
    let computed = 0;
    const square = (n: number) => () => {
      computed += 1;
      return n * n;
    };
    expect(memo.get('3', square(3))).toBe(9);
    expect(memo.get('3', square(100))).toBe(9);
    expect(computed).toBe(1);
  });

  it('forgets the key used least recently when full', () => {
    const memo = new BoundedMemo<string, string>(2);
    memo.get('a', () => 'A');
    memo.get('b', () => 'B');
    memo.get('a', () => 'not again');
    memo.get('c', () => 'C');
    // b was used least recently (a was read after it), so b went.
    expect(memo.get('a', () => 'recomputed')).toBe('A');
    expect(memo.get('b', () => 'recomputed')).toBe('recomputed');
  });

  it('recomputes a key that was deleted', () => {
    const memo = new BoundedMemo<string, string>(4);
    memo.get('a', () => 'first');
    memo.delete('a');
    expect(memo.get('a', () => 'second')).toBe('second');
  });
});
