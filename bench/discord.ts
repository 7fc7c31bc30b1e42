/**
 * The bot under load, over Discord's protocol (a benchmark that prints numbers, not a test).
 *
 *   npm run bench:discord [-- --count 200] [-- --json]
 *
 * Starts the Discord-protocol test server (test/e2e/support/) and the bot through `startBot`, as
 * `npm start` does, registers the commands, then dispatches `--count` /ask interactions at once
 * (distinct users, questions and locales mixed) and waits for every reply. Prints:
 * - whether each interaction was answered exactly once (one accepted acknowledgement, one accepted
 *   edit of the reply, no follow-up), and how many were lost (no visible reply) or doubled;
 * - p50 / p95 / max of dispatch → acknowledgement (Discord's 3 s deadline) and dispatch → reply;
 * - the process's RSS after the run (bot, kuromoji's dictionary and the small test server together).
 * discord.js's own limit of 50 REST requests a second is raised (`--rps`, default 10 000), as a bot
 * with a higher global limit from Discord would run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { loadCommands } from '../src/discord/load-commands.js';
import { deployCommands } from '../src/discord/register-commands.js';
import { startBot } from '../src/discord/start-bot.js';
import { createLogger } from '../src/log.js';
import { startDiscordServer } from '../test/e2e/support/discord-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUESTIONS = [
  'マイクロソフトはなぜ原発を再稼働するのか',
  'スリーマイル島の原子炉はいつ再稼働する?',
  'イリヤ・サツキーバーは何を予測した?',
  'ジェンセン・ファンはGPUについて何と言った',
  'AI社員で人間の仕事はどうなる',
  'サム・アルトマンが去ったのはなぜ',
  'オープンAIの取締役会は何をした',
  'スケーリング則とは何か',
  '強化学習の最新状況',
  'Who is Nathan Lambert?',
  'What did Microsoft buy?',
  'データセンターの電力はどれくらい必要?',
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(values: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((left, right) => left - right);
  const round = (value: number): number => Math.round(value);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '200' }, rps: { type: 'string', default: '10000' }, json: { type: 'boolean', default: false } },
  });
  const count = Number(values.count);
  const rps = Number(values.rps);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rps) || rps < 1) {
    process.stderr.write('usage: npm run bench:discord [-- --count N] [-- --rps N] [-- --json]\n');
    return 2;
  }
  const log = createLogger('warn');
  const [{ state }, server] = await Promise.all([
    boot({ seedsDir: path.join(ROOT, 'seeds'), dictionaryDir: null, dataDir: path.join(ROOT, 'data') }, log),
    startDiscordServer({ maxLoggedRequests: 100_000 }),
  ]);
  const config = loadConfig(
    {
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_URL: server.apiUrl,
      COOLDOWN_SECONDS: '3',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-discord-')),
    },
    ROOT,
  );
  await deployCommands(await loadCommands(), { token: server.token, applicationId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });
  const bot = await startBot(config, state, log, { globalRequestsPerSecond: rps });
  try {
    const started = performance.now();
    const records = Array.from({ length: count }, (_, i) =>
      server.sendCommand({
        name: 'ask',
        options: { question: QUESTIONS[i % QUESTIONS.length] ?? '' },
        userId: String(500_000_000_000_000_000n + BigInt(i)),
        locale: i % 3 === 0 ? 'en-US' : 'ja',
      }),
    );
    const outcomes = await Promise.allSettled(records.map((record) => record.waitForReply({ timeoutMs: 60_000 })));
    const wallMs = performance.now() - started;
    const accepted = <T extends { status: number; errorCode?: number }>(list: readonly T[]): T[] =>
      list.filter((item) => item.status < 300 && item.errorCode === undefined);
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected').length;
    const doubled = records.filter(
      (record) => record.acknowledgements.length > 1 || accepted(record.edits).length > 1 || record.followUps.length > 0 || record.deliveries > 1,
    ).length;
    const exactlyOnce = records.filter(
      (record) => record.acknowledgements.length === 1 && accepted(record.edits).length === 1 && record.followUps.length === 0,
    ).length;
    const ack = summary(records.flatMap((record) => record.acknowledgements.map((callback) => callback.elapsedMs)));
    const reply = summary(records.flatMap((record) => accepted(record.edits).map((edit) => edit.elapsedMs)));
    const rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
    const result = { count, exactlyOnce, lost, doubled, wallMs: Math.round(wallMs), ackMs: ack, replyMs: reply, rssMb, globalRequestsPerSecond: rps };
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        [
          `/ask × ${count} at once: ${exactlyOnce} answered exactly once, ${lost} lost, ${doubled} answered more than once (${Math.round(wallMs)} ms in all)`,
          `dispatch → ack    p50 ${ack.p50} ms  p95 ${ack.p95} ms  max ${ack.max} ms  (Discord's deadline: 3000 ms)`,
          `dispatch → reply  p50 ${reply.p50} ms  p95 ${reply.p95} ms  max ${reply.max} ms`,
          `RSS ${rssMb} MiB (bot, dictionary and test server in one process)`,
          '',
        ].join('\n'),
      );
    }
    return exactlyOnce === count ? 0 : 1;
  } finally {
    await bot.stop();
    await server.close();
  }
}

process.exitCode = await main();
