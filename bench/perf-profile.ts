/**
 * Self time of a V8 `.cpuprofile` (from `node --cpu-prof`), grouped by where the code lives
 * (kuromoji, minisearch, src/text, …) and by function. Used by bench/perf.ts `--profile`; also
 * runnable alone: `npx tsx bench/perf-profile.ts FILE.cpuprofile`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface ProfileRow {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byArea: readonly ProfileRow[];
  readonly byFunction: readonly ProfileRow[];
}

/** Which part of the program a script URL belongs to. */
export function area(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName;
    return `native: ${functionName}`;
  }
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(url);
  if (modules?.[1] !== undefined) return modules[1];
  const own = /\/(src|bench)\/(.+?)(?:\?.*)?$/u.exec(url);
  if (own?.[1] !== undefined && own[2] !== undefined) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function shortUrl(url: string): string {
  const own = /\/((?:src|bench|node_modules)\/.+?)(?:\?.*)?$/u.exec(url);
  return own?.[1] ?? url;
}

/**
 * @example summarizeProfile(JSON.parse(text), 25).byArea[0] // { name: 'kuromoji', ms: …, share: … }
 */
export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) continue;
    total += ms;
    const where = area(frame.url, frame.functionName);
    byArea.set(where, (byArea.get(where) ?? 0) + ms);
    const name = frame.url === '' ? where : `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const rows = (map: Map<string, number>, limit: number): ProfileRow[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Number((ms / Math.max(1, total)).toFixed(3)) }));
  return { totalMs: Math.round(total), byArea: rows(byArea, 20), byFunction: rows(byFunction, top) };
}

export async function summarizeProfileFile(file: string, top = 25): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, top);
}

export function formatProfile(summary: ProfileSummary): string {
  const line = (row: ProfileRow): string => `  ${String(row.ms).padStart(8)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`;
  return [
    `self time, ${summary.totalMs} ms sampled`,
    'by area:',
    ...summary.byArea.map(line),
    'by function:',
    ...summary.byFunction.map(line),
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: npx tsx bench/perf-profile.ts FILE.cpuprofile\n');
    process.exit(2);
  }
  process.stdout.write(`${formatProfile(await summarizeProfileFile(file, 40))}\n`);
}
