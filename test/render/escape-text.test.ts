import { escapeMarkdown } from '@discordjs/formatters';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/features/rotation.js';
import { escapeText } from '../../src/render/discord.js';

/** What escapeText promises: every markdown rule on, then mention syntax broken. */
function everyRule(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/<(?=[@#/:]|a:|t:)/gu, '\\<')
    .replace(/@(?=everyone|here)/gu, '@\u200b');
}

describe('escapeText', () => {
  it.each([
    ['原子力発電所はいつ再稼働する?', 'plain Japanese: nothing to escape'],
    ['**太字**と_斜体_と__下線__', 'bold, italic and underline'],
    ['***三つ*** と ___三つ___', 'runs of three'],
    ['# 見出し\n- 箇条書き\n* 星\n1. 番号', 'line-start syntax: heading, lists'],
    ['`code` と ```block```', 'inline code and code blocks'],
    ['~~取り消し~~ ||ネタバレ||', 'strikethrough and spoiler'],
    ['[リンク](https://example.com/a_b*c)', 'a masked link whose URL holds syntax characters'],
    ['C:\\path\\_x_', 'a backslash before syntax'],
    ['https://example.com/snake_case_url and_more', 'underscores inside and after a URL'],
    ['<:emoji_name:123> <a:x_y:1> @everyone <@&1>', 'emoji, mentions'],
    ['3.5 billion. 2024-03-20', 'digits with dots and dashes mid-line'],
  ])('escapes %j as every rule would (%s)', (text) => {
    expect(escapeText(text)).toBe(everyRule(text));
  });

  it('agrees with every rule on random strings of syntax characters and text', () => {
    const random = mulberry32(7);
    const alphabet = ['*', '_', '`', '~', '|', '#', '-', '.', '[', ']', '(', ')', '\\', '<', '@', ':', ' ', '\n', '1', 'a', '原', 'http://x.y/'];
    for (let i = 0; i < 2_000; i += 1) {
      const length = 1 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join('');
      expect(escapeText(text), JSON.stringify(text)).toBe(everyRule(text));
    }
  });
});
