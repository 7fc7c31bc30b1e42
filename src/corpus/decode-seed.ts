/**
 * Bytes of a seed file → its text, or the reason a server owner needs to fix the file. Pure.
 */

export type DecodedSeed = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Share of control characters (other than tab, line feed, carriage return, form feed) that marks a file as binary. */
const MAX_CONTROL_SHARE = 0.01;
/** How many leading bytes are inspected for binary content. */
const SNIFF_BYTES = 8_192;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decode a seed file. UTF-8 (with or without BOM) is accepted; UTF-16 with a BOM is decoded too,
 * since Windows editors save "Unicode" text that way. Anything else is refused with a reason:
 * `empty file`, `binary file`, or `not UTF-8 text (…)`.
 *
 * @example decodeSeed(new TextEncoder().encode('こんにちは')) // { ok: true, text: 'こんにちは' }
 */
export function decodeSeed(bytes: Uint8Array): DecodedSeed {
  const utf16 = utf16Encoding(bytes);
  let text: string;
  if (utf16 !== null) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return { ok: false, reason: `not valid ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} text (save the file as UTF-8)` };
    }
    if (text.includes('\u0000') || controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary file' };
  } else {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM.length) : bytes;
    if (body.length === 0) return { ok: false, reason: 'empty file' };
    if (looksBinary(body)) return { ok: false, reason: 'binary file' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return { ok: false, reason: notUtf8Reason(body) };
    }
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text: text.replace(/^\uFEFF/u, '') };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** NUL bytes never occur in UTF-8 text; other control bytes only rarely. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) control += 1;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}

function controlShare(text: string): number {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) if (isControl(sample.charCodeAt(i))) control += 1;
  return sample.length === 0 ? 0 : control / sample.length;
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
}

/** Where the UTF-8 breaks, and whether the bytes read as Shift_JIS, the usual culprit for Japanese text. */
function notUtf8Reason(bytes: Uint8Array): string {
  const offset = firstInvalidUtf8(bytes);
  const at = offset === null ? '' : `invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}`;
  const hint = decodesAs(bytes, 'shift_jis') ? 'looks like Shift_JIS' : '';
  const details = [at, hint, 'save the file as UTF-8'].filter((part) => part !== '').join('; ');
  return `not UTF-8 text (${details})`;
}

function decodesAs(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Either the bytes are not in this encoding or this Node build lacks it (small-icu): no hint.
    return false;
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    // Overlong, surrogate and out-of-range forms, as TextDecoder rejects them.
    const second = bytes[i + 1] ?? 0;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return null;
}
