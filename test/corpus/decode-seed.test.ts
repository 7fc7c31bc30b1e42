import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../src/corpus/decode-seed.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeSeed', () => {
  it.each([
    // Plain UTF-8 Japanese comes back unchanged.
    ['plain', utf8('ほな、ちょっと聞いてや。'), 'ほな、ちょっと聞いてや。'],
    // A UTF-8 BOM is stripped, so line 1 does not start with U+FEFF.
    ['BOM', new Uint8Array([...BOM, ...utf8('見出し画像\r\n本文。')]), '見出し画像\r\n本文。'],
    // UTF-16LE with BOM, as Windows Notepad saves "Unicode", is decoded rather than refused.
    ['UTF-16LE', new Uint8Array([0xff, 0xfe, ...Buffer.from('こんにちは\n', 'utf16le')]), 'こんにちは\n'],
    // UTF-16BE with BOM too.
    ['UTF-16BE', new Uint8Array([0xfe, 0xff, ...Buffer.from('こんにちは', 'utf16le').swap16()]), 'こんにちは'],
    // Tabs and form feeds are text, not signs of a binary file.
    ['tabs', utf8('イリヤ:\tそうや。\f'), 'イリヤ:\tそうや。\f'],
  ])('returns the text when the file is %s', (_, bytes, text) => {
    expect(decodeSeed(bytes)).toEqual({ ok: true, text });
  });

  it.each([
    // Nothing at all.
    ['an empty file', new Uint8Array([]), 'empty file'],
    // Only a BOM: nothing a reader could see.
    ['only a BOM', new Uint8Array(BOM), 'empty file'],
    // Only blank lines and an ideographic space (U+3000).
    ['only whitespace', utf8('\r\n\n　 \t\n'), 'empty file'],
    // A PNG header: NUL bytes never occur in text.
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'binary file'],
    // No NUL, but a high share of control bytes.
    ['full of control bytes', new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x1b, 0x1c, 0x43]), 'binary file'],
  ])('refuses %s', (_, bytes, reason) => {
    expect(decodeSeed(bytes)).toEqual({ ok: false, reason });
  });

  it('names the offending byte and suggests Shift_JIS when the file is Shift_JIS', () => {
    // 「あいう」 in Shift_JIS: 0x82 starts no UTF-8 sequence.
    const result = decodeSeed(new Uint8Array([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4]));
    expect(result).toEqual({
      ok: false,
      reason: 'not UTF-8 text (invalid byte 0x82 at offset 0; looks like Shift_JIS; save the file as UTF-8)',
    });
  });

  it('points past the valid prefix when UTF-8 breaks mid-file', () => {
    // 「AI」 then a lone continuation byte: the offset is where a reader's editor would show garbage.
    const result = decodeSeed(new Uint8Array([0x41, 0x49, 0xe3, 0x81, 0x82, 0x80]));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^not UTF-8 text \(invalid byte 0x80 at offset 5/u);
  });
});
