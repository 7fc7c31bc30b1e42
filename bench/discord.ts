/**
 * The bot under load, over Discord's protocol (a benchmark that prints numbers, not a test).
 *
 *   npm run bench:discord [-- --count 200] [-- --distinct] [-- --warm-up 50] [-- --in-process] [-- --json]
 *                         [-- --cpu-profile burst.cpuprofile]
 *
 * Starts the Discord-protocol test server (test/e2e/support/) and the bot in a process of its own
 * (bench/discord-bot.ts: booted and started as `npm start` does), so that the server's work, which
 * is Discord's in production, does not share the bot's thread; `--in-process` runs both in this
 * process, as the first version of this benchmark did. It registers the commands, lets the bot
 * finish its start-up work (the glossary and the timeline) and answer `--warm-up` other questions
 * (a bot that has been up a while has compiled its code; 0 measures a cold one), then dispatches
 * `--count` /ask interactions at once (distinct users, locales mixed; the 12 questions below in
 * turn, or with `--distinct` as many different questions made from the corpus by bench:perf's
 * generator) and waits for every reply. Prints:
 * - whether each interaction was answered exactly once (one accepted response: the answer itself,
 *   or a deferral and one accepted edit; no follow-up), how many were deferred, lost or doubled;
 * - p50 / p95 / max of dispatch → first response (Discord's 3 s deadline) and dispatch → answer
 *   (the response that carries it, or the edit of a deferred one);
 * - the bot's CPU time per interaction over the burst (a figure other load on the machine barely
 *   moves) and its process's RSS after it (with `--in-process`, the test server's too).
 * `--cpu-profile FILE` writes a V8 CPU profile of the bot's process during the burst alone (not with
 * `--in-process`); open it in Chrome's DevTools, or summarise it by function and package.
 * discord.js's own limit of 50 REST requests a second is raised (`--rps`, default 10 000), as a bot
 * with a higher global limit from Discord would run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { boot } from '../src/boot.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { loadConfig, type Config } from '../src/config.js';
import { loadCommands } from '../src/discord/load-commands.js';
import { deployCommands } from '../src/discord/register-commands.js';
import { startBot } from '../src/discord/start-bot.js';
import { createLogger, type Logger } from '../src/log.js';
import { loadTokenizer } from '../src/text/tokenizer.js';
import { startDiscordServer } from '../test/e2e/support/discord-server.ts';
import type { InteractionRecord } from '../test/e2e/support/interaction-record.ts';
import { generateQuestions } from './perf-questions.js';

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
    options: {
      count: { type: 'string', default: '200' },
      rps: { type: 'string', default: '10000' },
      distinct: { type: 'boolean', default: false },
      'warm-up': { type: 'string', default: '50' },
      'in-process': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'cpu-profile': { type: 'string' },
    },
  });
  const count = Number(values.count);
  const rps = Number(values.rps);
  const warmUp = Number(values['warm-up']);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rps) || rps < 1 || !Number.isInteger(warmUp) || warmUp < 0) {
    process.stderr.write('usage: npm run bench:discord [-- --count N] [-- --distinct] [-- --warm-up N] [-- --in-process] [-- --rps N] [-- --json]\n');
    return 2;
  }
  const log = createLogger('warn');
  const inProcess = values['in-process'] === true;
  const server = await startDiscordServer({ maxLoggedRequests: 100_000 });
  const settings = {
    DISCORD_TOKEN: server.token,
    DISCORD_CLIENT_ID: server.applicationId,
    DISCORD_GUILD_ID: server.guildId,
    DISCORD_API_URL: server.apiUrl,
    COOLDOWN_SECONDS: '3',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-discord-')),
    // No English lexicon and no embedding model, as in the first version of this benchmark.
    DICTIONARY_DIR: path.join(tmpdir(), 'bench-discord-no-dictionary'),
    EMBEDDINGS: 'off',
    LOG_LEVEL: 'error',
  };
  await deployCommands(await loadCommands(), { token: server.token, applicationId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });
  const generated = values.distinct || warmUp > 0 ? await generatedQuestions(count + warmUp) : [];
  const questions = values.distinct ? generated.slice(0, count) : QUESTIONS;
  const bot = inProcess ? await botHere(loadConfig(settings, ROOT), log, rps) : await botChild(settings, rps, values['cpu-profile']);
  try {
    // Other questions first, as a bot that has been up a while has answered some: its code is compiled.
    const warmUpRecords = generated.slice(generated.length - warmUp).map((question, i) =>
      server.sendCommand({ name: 'ask', options: { question }, userId: String(600_000_000_000_000_000n + BigInt(i)), locale: 'ja' }),
    );
    await Promise.all(warmUpRecords.map((record) => record.waitForReply({ timeoutMs: 60_000 })));
    await bot.mark();
    const started = performance.now();
    const records = Array.from({ length: count }, (_, i) =>
      server.sendCommand({
        name: 'ask',
        options: { question: questions[i % questions.length] ?? '' },
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
    /** The accepted request that carried the answer: the response itself, or the edit of a deferral. */
    const answerOf = (record: InteractionRecord): { elapsedMs: number } | undefined => {
      const [response, ...more] = record.acknowledgements;
      const edits = accepted(record.edits);
      if (response === undefined || more.length > 0 || record.followUps.length > 0) return undefined;
      if (response.type === 4 && edits.length === 0) return response;
      return response.type === 5 && edits.length === 1 ? edits[0] : undefined;
    };
    const exactlyOnce = records.filter((record) => answerOf(record) !== undefined).length;
    const deferred = records.filter((record) => record.acknowledgements[0]?.type === 5).length;
    const ack = summary(records.flatMap((record) => record.acknowledgements.slice(0, 1).map((callback) => callback.elapsedMs)));
    const reply = summary(records.flatMap((record) => answerOf(record)?.elapsedMs ?? []));
    const { rssMb, cpuMs } = await bot.report();
    const result = { warmUp, botProcess: inProcess ? 'this process (with the test server)' : 'its own', count, distinctQuestions: Math.min(count, questions.length), exactlyOnce, deferred, lost, doubled, wallMs: Math.round(wallMs), ackMs: ack, replyMs: reply, rssMb, cpuMsPerInteraction: Number((cpuMs / count).toFixed(2)), globalRequestsPerSecond: rps };
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        [
          `/ask × ${count} at once (${result.distinctQuestions} different questions): ${exactlyOnce} answered exactly once (${deferred} of them deferred first), ${lost} lost, ${doubled} answered more than once (${Math.round(wallMs)} ms in all)`,
          `dispatch → first response  p50 ${ack.p50} ms  p95 ${ack.p95} ms  max ${ack.max} ms  (Discord's deadline: 3000 ms)`,
          `dispatch → answer          p50 ${reply.p50} ms  p95 ${reply.p95} ms  max ${reply.max} ms`,
          `CPU ${(cpuMs / count).toFixed(1)} ms per interaction, RSS ${rssMb} MiB (${inProcess ? 'bot and test server in one process' : 'the bot’s process'})`,
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

interface BenchBot {
  /** Start counting CPU time. */
  mark(): Promise<void>;
  /** Resident memory now, and CPU time (user + system) since `mark`. */
  report(): Promise<{ rssMb: number; cpuMs: number }>;
  stop(): Promise<void>;
}

/** The bot in this process, booted and started as `npm start` does. */
async function botHere(config: Config, log: Logger, rps: number): Promise<BenchBot> {
  const { state } = await boot(config, log);
  void state.glossary;
  void state.timeline;
  const bot = await startBot(config, state, log, { globalRequestsPerSecond: rps });
  let markedAt = process.cpuUsage();
  return {
    mark: async () => {
      markedAt = process.cpuUsage();
    },
    report: async () => {
      const cpu = process.cpuUsage(markedAt);
      return { rssMb: Math.round(process.memoryUsage().rss / 1_048_576), cpuMs: Math.round((cpu.user + cpu.system) / 1_000) };
    },
    stop: () => bot.stop(),
  };
}

/** Different questions made from the seeds by bench:perf's generator (its seed). */
async function generatedQuestions(count: number): Promise<string[]> {
  const corpus = await readCorpus(path.join(ROOT, 'seeds'), () => undefined);
  return generateQuestions(corpus, await loadTokenizer(), count, 42).map((question) => question.question);
}

/** The bot in a child process (bench/discord-bot.ts), started with `settings` as its environment. */
async function botChild(settings: Readonly<Record<string, string>>, rps: number, cpuProfile: string | undefined): Promise<BenchBot> {
  const child: ChildProcess = fork(path.join(ROOT, 'bench', 'discord-bot.ts'), {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', BENCH_RPS: String(rps), ...(cpuProfile === undefined ? {} : { BENCH_CPU_PROFILE: path.resolve(cpuProfile) }), ...settings },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = async <T>(key: string): Promise<T> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [Record<string, T>];
      if (key in message) return message[key] as T;
    }
  };
  const exited = once(child, 'exit');
  await Promise.race([next('ready'), exited.then(() => Promise.reject(new Error('the bot process exited before it was ready')))]);
  return {
    mark: async () => {
      child.send('mark');
      await next('marked');
    },
    report: async () => {
      child.send('report');
      return next<{ rssMb: number; cpuMs: number }>('report');
    },
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}

process.exitCode = await main();
