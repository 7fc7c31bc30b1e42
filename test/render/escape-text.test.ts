import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/features/rotation.js';
import { escapeText } from '../../src/render/discord.js';

/** What Discord shows for escaped text: a backslash before ASCII punctuation shows the mark alone. */
function shown(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])/gu, '$1').replaceAll('\u200b', '');
}

/** A syntax character with no backslash of its own before it, or line-start syntax left bare. */
function unescapedSyntax(escaped: string): string | null {
  const prose = escaped.replace(/\bhttps?:\/\/[^\s<>"\\]+/gu, '');
  const match = /(?<!\\)(?:\\\\)*[*_~`|[\]]/u.exec(prose) ?? /^\s*(?:[-#>]|\d+\.\s)/mu.exec(prose);
  return match === null ? null : match[0];
}

describe('escapeText', () => {
  it.each([
    ['原子力発電所はいつ再稼働する?', '原子力発電所はいつ再稼働する?'],
    ['**太字**と_斜体_', '\\*\\*太字\\*\\*と\\_斜体\\_'],
    ['原子力 ******x******', '原子力 \\*\\*\\*\\*\\*\\*x\\*\\*\\*\\*\\*\\*'],
    ['-# 小さな文字', '\\-\\# 小さな文字'],
    ['1. 番号', '1\\. 番号'],
    ['3.5 billion. 2024-03-20 (C#)', '3.5 billion. 2024-03-20 (C#)'],
    ['# 見出し\n- 箇条書き\n> 引用', '\\# 見出し\n\\- 箇条書き\n\\> 引用'],
    ['see https://example.com/snake_case_url and_more', 'see https://example.com/snake_case_url and\\_more'],
    ['@everyone @here <@&1> <#2> <:e:3>', '@\u200beveryone @\u200bhere <\u200b@&1> <\u200b#2> <\u200b:e:3>'],
  ])('escapes %j as %j', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });

  it('shows any text as typed, leaves no syntax character unescaped and no mention whole', () => {
    const random = mulberry32(7);
    const alphabet = ['*', '_', '`', '~', '|', '#', '-', '.', '[', ']', '(', ')', '\\', '<', '>', '@', ':', ' ', '\n', '1', 'a', '原', 'everyone', 'here', 'http://x.y/'];
    for (let i = 0; i < 2_000; i += 1) {
      const length = 1 + Math.floor(random() * 14);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join('');
      const escaped = escapeText(text);
      expect(shown(escaped), JSON.stringify(text)).toBe(text);
      expect(unescapedSyntax(escaped), JSON.stringify(escaped)).toBeNull();
      expect(escaped).not.toMatch(/<[@#:]|@everyone|@here/u);
    }
  });
});
