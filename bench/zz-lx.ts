import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
const bytes = readFileSync('data/cache/english-japanese-lexicon.tsv.gz');
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  const text = gunzipSync(bytes).toString('utf8');
  const gz = performance.now() - t; t = performance.now();
  const m = new Map<string, string>();
  const body = text.slice(text.indexOf('\n') + 1);
  for (const line of body.split('\n')) { const tab = line.indexOf('\t'); m.set(line.slice(0, tab), line.slice(tab + 1)); }
  const parse = performance.now() - t; t = performance.now();
  createHash('sha256').update(body).digest('hex');
  const hash = performance.now() - t;
  console.log({ gz: gz.toFixed(0), parse: parse.toFixed(0), hash: hash.toFixed(0), size: text.length, lines: m.size });
}
