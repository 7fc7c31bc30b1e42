import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** Write transcripts to a fresh directory, as a server owner would drop them in SEEDS_DIR. */
export async function seedsDir(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seeds-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `src/cli.ts` (what `npm run cli --` runs) with the given arguments, stdin and seeds. */
export function runCli(
  args: readonly string[],
  options: { readonly seeds: string; readonly stdin?: string; readonly entry?: string; readonly env?: Readonly<Record<string, string>> },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/cli.ts', ...args], {
      cwd: PROJECT_ROOT,
      // No dictionary unless a test asks for one: building the lexicon takes ~10 s.
      env: { PATH: process.env.PATH ?? '', SEEDS_DIR: options.seeds, LOG_LEVEL: 'warn', DICTIONARY_DIR: '/nonexistent', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
