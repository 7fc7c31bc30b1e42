/**
 * Reads a REST request body the way Discord accepts it: JSON, or multipart with the JSON in
 * `payload_json` and files in other parts (discord.js switches to multipart when files are attached).
 */
import type { IncomingMessage } from 'node:http';
import { DiscordApiError, FormErrors } from './discord-api-error.ts';
import type { UploadedFile } from './message-store.ts';

/** Larger request bodies are refused with 413 instead of being read further. */
export const MAX_REQUEST_BYTES = 26 * 1_024 * 1_024;

export interface RequestBody {
  /** Parsed JSON, or `undefined` for an empty body. */
  body: unknown;
  files: UploadedFile[];
}

/**
 * Throws `DiscordApiError` 413 for an oversized body and 50035 for malformed JSON.
 *
 * @example const { body, files } = await requestBody(request);
 */
export async function requestBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) throw new DiscordApiError('requestTooLarge');
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const contentType = request.headers['content-type'];
  if (contentType?.startsWith('multipart/form-data') !== true) return { body: parseJson(raw.toString('utf8')), files: [] };
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') files.push({ field, name: value.name, size: value.size, contentType: value.type });
    else if (field === 'payload_json') body = parseJson(value);
  }
  return { body, files };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors = new FormErrors();
    errors.add([], 'JSON_INVALID', 'The request body contains invalid JSON.');
    errors.throwIfAny();
    return undefined;
  }
}
