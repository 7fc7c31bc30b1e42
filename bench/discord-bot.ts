/**
 * The bot for bench/discord.ts in a process of its own, as `npm start` runs it: settings from the
 * environment, `boot`, then `startBot`, with discord.js's REST limit raised to BENCH_RPS. It talks
 * to its parent over the IPC channel `fork` opens: `{ ready }` once logged in (start-up work done),
 * `{ marked }` when told `mark`, `{ report: { rssMb, cpuMs } }` when asked `report` (CPU time used
 * since the mark), and it stops when told `stop`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { startBot } from '../src/discord/start-bot.js';
import { createLogger } from '../src/log.js';

const send = (message: object): void => {
  if (process.send === undefined) throw new Error('bench/discord-bot.ts runs under bench/discord.ts (fork with IPC)');
  process.send(message);
};
const config = loadConfig(process.env, process.cwd());
const log = createLogger(config.logLevel);
const { state } = await boot(config, log);
// What a bot that has been up a few seconds has done: the burst should not meet start-up work.
void state.glossary;
void state.timeline;
const bot = await startBot(config, state, log, { globalRequestsPerSecond: Number(process.env.BENCH_RPS ?? '50') });
// With BENCH_CPU_PROFILE, a V8 CPU profile of the burst alone (from `mark` to `report`) goes there.
const profileTo = process.env.BENCH_CPU_PROFILE;
const profiler = profileTo === undefined || profileTo === '' ? undefined : new Session();
let markedAt = process.cpuUsage();
process.on('message', (message: unknown) => {
  if (message === 'mark') {
    void (async () => {
      if (profiler !== undefined) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      }
      markedAt = process.cpuUsage();
      send({ marked: true });
    })();
  }
  if (message === 'report') {
    void (async () => {
      const cpu = process.cpuUsage(markedAt);
      if (profiler !== undefined && profileTo !== undefined) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(profileTo, JSON.stringify(profile));
        profiler.disconnect();
      }
      send({ report: { rssMb: Math.round(process.memoryUsage().rss / 1_048_576), cpuMs: Math.round((cpu.user + cpu.system) / 1_000) } });
    })();
  }
  if (message === 'stop') {
    void (async () => {
      await bot.stop();
      process.disconnect();
    })();
  }
});
send({ ready: true });
