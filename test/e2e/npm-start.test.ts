/**
 * The entry points as a server owner runs them: `npm start` and `npm run deploy` as child processes,
 * configured only through the environment, pointed at the Discord-protocol test server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCommands } from '../../src/discord/load-commands.js';
import { deployCommands } from '../../src/discord/register-commands.js';
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
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'npm-start-')),
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

  it('stops too when SIGTERM goes to the npm process alone, not its group', async () => {
    const child = npm(['start'], {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_API_URL: server.apiUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'npm-start-')),
      DICTIONARY_DIR: '/nonexistent',
    });
    started.push(child);
    await server.waitForSession({ timeoutMs: 20_000 });
    const signalled = performance.now();
    process.kill(child.pid, 'SIGTERM');
    while (groupAlive(child.pid) && performance.now() - signalled < 5_000) await sleep(50);
    expect(groupAlive(child.pid)).toBe(false);
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

/** SIGTERM to the whole process group, as a process manager sends it; resolves once it has exited. */
async function stop(child: Child): Promise<void> {
  process.kill(-child.pid, 'SIGTERM');
  await child.closed;
}

/** `HH:MM` a minute before now in a zone where that is still today (not just past midnight). */
function aMinuteAgo(): { time: string; timezone: string } {
  const earlier = new Date(Date.now() - 60_000);
  for (const timezone of ['Asia/Tokyo', 'Europe/London']) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(earlier);
    const today = (instant: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(instant);
    if (today(earlier) === today(new Date())) return { time: parts, timezone };
  }
  throw new Error('midnight in both zones at once');
}

describe('npm start with a daily digest', () => {
  it('posts once for a time a minute in the past, and not again after SIGTERM and a new start', async () => {
    const settings = {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_API_URL: server.apiUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'npm-start-digest-')),
      DICTIONARY_DIR: '/nonexistent',
    };
    await deployCommands(await loadCommands(), { token: server.token, applicationId: server.applicationId, apiUrl: server.apiUrl, guildId: server.guildId });
    const posts = (): number => server.channelMessages(server.channelId).filter((message) => message.author.id === server.botUserId && message.webhook_id === undefined).length;
    const before = posts();
    const manager = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

    const first = npm(['start'], settings);
    started.push(first);
    await server.waitForSession({ timeoutMs: 20_000 });
    const set = await server.sendCommand({ name: 'digest', subcommand: 'set', options: { channel: server.channelId, ...aMinuteAgo() }, memberPermissions: manager }).waitForReply();
    expect(set.content).toMatch(/every day at/u);
    await vi.waitFor(() => expect(posts()).toBe(before + 1), { timeout: 10_000 });
    await stop(first);

    const second = npm(['start'], settings);
    started.push(second);
    await server.waitForSession({ timeoutMs: 20_000 });
    const status = await server.sendCommand({ name: 'digest', subcommand: 'status', memberPermissions: manager }).waitForReply();
    expect(status.content).toMatch(/Last post: \d{4}-\d{2}-\d{2}/u);
    await sleep(1_500);
    expect(posts()).toBe(before + 1);
    await stop(second);
    // Two boots of the bot in child processes: on a busy 2-core machine that is well over the default.
  }, 120_000);
});

describe('npm run deploy', () => {
  it('prints the commands it would register with --dry-run, without a token', async () => {
    const child = npm(['run', '--silent', 'deploy', '--', '--dry-run'], { LOG_LEVEL: 'warn' });
    started.push(child);
    const { code } = await child.closed;

    expect(code).toBe(0);
    const body: unknown = JSON.parse(child.stdout());
    const files = readdirSync(path.join(ROOT, 'commands')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/u, '')).sort();
    expect(files).toEqual(expect.arrayContaining(['ask', 'help', 'search', 'source']));
    expect(Array.isArray(body) ? body.map((command: { name?: unknown }) => command.name) : body).toEqual(files);
    expect(child.stderr()).toContain(`dry run: would register ${files.length} commands globally (DISCORD_CLIENT_ID is not set)`);
  });

  it('says in one line, without a stack trace or the token, when Discord refuses the token', async () => {
    const child = npm(['run', '--silent', 'deploy'], { DISCORD_TOKEN: 'refused.token.value', DISCORD_CLIENT_ID: server.applicationId, DISCORD_API_URL: server.apiUrl, LOG_LEVEL: 'warn' });
    started.push(child);
    const { code } = await child.closed;

    expect(code).toBe(1);
    expect(child.stderr().trim().split('\n')).toHaveLength(1);
    expect(child.stderr()).toMatch(/^could not register the commands \(HTTP 401\)/u);
    expect(child.stderr()).not.toContain('refused.token.value');
  });
});
