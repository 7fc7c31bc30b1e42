/**
 * The entry points as a server owner runs them: `npm start` and `npm run deploy` as child processes,
 * configured only through the environment, pointed at the Discord-protocol test server.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordServer, type DiscordServer } from './support/discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Child {
  readonly pid: number;
  /** Resolves when every process holding the output pipes (npm and the node it started) has exited. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** `npm <args>` in its own process group, with only the settings given (no .env, no inherited token). */
function npm(args: readonly string[], settings: Readonly<Record<string, string>>): Child {
  const child = spawn('npm', args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', ...settings },
  });
  if (child.pid === undefined) throw new Error('npm did not start');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { pid: child.pid, closed, stdout: () => stdout, stderr: () => stderr };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let server: DiscordServer;
const started: Child[] = [];

beforeAll(async () => {
  server = await startDiscordServer();
});

afterAll(async () => {
  for (const child of started) if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  await server.close();
});

describe('npm start', () => {
  it('logs in with DISCORD_TOKEN, serves, and exits within a few seconds of SIGTERM to its process group', async () => {
    const child = npm(['start'], {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: 'debug',
      // Lifecycle only: a fresh clone would first spend ~10 s building the English lexicon.
      DICTIONARY_DIR: '/nonexistent',
    });
    started.push(child);
    await server.waitForSession({ timeoutMs: 20_000 });
    const reply = await server.sendCommand({ name: 'help', locale: 'ja' }).waitForReply();
    expect(reply.embeds[0]?.title).toBe('使い方');

    const signalled = performance.now();
    process.kill(-child.pid, 'SIGTERM');
    await child.closed;
    const elapsed = performance.now() - signalled;
    while (groupAlive(child.pid) && performance.now() - signalled < 5_000) await sleep(50);

    expect(elapsed).toBeLessThan(5_000);
    expect(groupAlive(child.pid)).toBe(false);
    const messages = child
      .stderr()
      .split('\n')
      .flatMap((line) => {
        const parsed: unknown = line.startsWith('{') ? JSON.parse(line) : undefined;
        return typeof parsed === 'object' && parsed !== null && 'msg' in parsed ? [String(parsed.msg)] : [];
      });
    expect(messages).toEqual(expect.arrayContaining(['booting', 'transcripts read', 'index built', 'logging in to Discord', 'bot ready', 'shutting down', 'bot stopped']));
    expect(child.stderr()).not.toContain(server.token);
    expect(child.stdout()).not.toContain(server.token);
  });

  it('reports every settings problem at once, without the token, and exits 78', async () => {
    const child = npm(['start'], { DISCORD_TOKEN: 'not-a-real-token-value', DISCORD_CLIENT_ID: 'abc', DISCORD_GUILD_ID: 'xyz', COOLDOWN_SECONDS: '-5' });
    started.push(child);
    const { code } = await child.closed;

    expect(code).toBe(78);
    expect(child.stderr()).toMatch(/DISCORD_CLIENT_ID: must be a Discord id/u);
    expect(child.stderr()).toMatch(/DISCORD_GUILD_ID: must be a Discord id/u);
    expect(child.stderr()).toMatch(/COOLDOWN_SECONDS/u);
    expect(child.stderr()).not.toContain('not-a-real-token-value');
  });
});

describe('npm run deploy', () => {
  it('prints the commands it would register with --dry-run, without a token', async () => {
    const child = npm(['run', '--silent', 'deploy', '--', '--dry-run'], { LOG_LEVEL: 'warn' });
    started.push(child);
    const { code } = await child.closed;

    expect(code).toBe(0);
    const body: unknown = JSON.parse(child.stdout());
    expect(Array.isArray(body) ? body.map((command: { name?: unknown }) => command.name) : body).toEqual(['ask', 'help', 'search', 'source']);
    expect(child.stderr()).toContain('dry run: would register 4 commands globally (DISCORD_CLIENT_ID is not set)');
  });
});
