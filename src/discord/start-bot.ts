import { repairPacket } from './repair-packet.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, RESTEvents, type ClientOptions } from 'discord.js';
import type { AppState } from '../boot.js';
import { ConfigError, discordProblems, type Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Command } from './command.js';
import { createDigestService, openDigestStore, type DigestServiceOptions } from './digest-service.js';
import type { DigestStore } from '../store/digest-store.js';
import { BoundedMemo } from '../search/bounded-memo.js';
import { ComputeQueue } from './compute-queue.js';
import { Cooldown } from './cooldown.js';
import { errorForLog } from './error-for-log.js';
import { loadCommands } from './load-commands.js';
import { BACKLOG_DEFER_MS, DEFER_AFTER_MS } from './reply-when-ready.js';
import { createRouter } from './router.js';

export interface BotOptions {
  /** discord.js's own REST limit (50 a second, Discord's global limit) unless given; load tests raise it. */
  readonly globalRequestsPerSecond?: number;
  /** The commands to serve; default everything in `commands/`. */
  readonly commands?: ReadonlyMap<string, Command>;
  /** Clock for the cooldown. */
  readonly now?: () => number;
  /** The digest's database; default `bot.sqlite` in DATA_DIR. */
  readonly digestStore?: DigestStore;
  /** The digest scheduler's clock and tick. */
  readonly digest?: DigestServiceOptions;
  /** How long a reply may take before its interaction is deferred; default DEFER_AFTER_MS, 0 defers first. */
  readonly deferAfterMs?: number;
  /** An interaction finding more work than this queued ahead is deferred at once; default BACKLOG_DEFER_MS. */
  readonly backlogDeferMs?: number;
}

/** A running bot. `stop()` finishes within {@link STOP_TIMEOUT_MS} even if Discord does not answer. */
export interface Bot {
  readonly client: Client<true>;
  stop(): Promise<void>;
}

/** Interactions being handled get this long to finish when the bot stops. */
export const DRAIN_TIMEOUT_MS = 2_000;
/** `client.destroy()` can hang (e.g. before READY); it gets this long. */
export const DESTROY_TIMEOUT_MS = 2_000;
export const STOP_TIMEOUT_MS = DRAIN_TIMEOUT_MS + DESTROY_TIMEOUT_MS;
/**
 * Replies kept for reuse (an /ask answer is the same for everyone who asks the same question in the
 * same language, and the material does not change while the bot runs): a class asking one question
 * at once costs one answer. A few hundred embeds, a few MB at most.
 */
const REMEMBERED_REPLIES = 256;

/** Whichever comes first: `task` settling or `ms` passing. True when `task` won. */
async function within(task: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const settled = task.then(
    () => true,
    () => true,
  );
  const timedOut = sleep(ms, false, { signal: timer.signal, ref: false }).catch(() => false);
  const finished = await Promise.race([settled, timedOut]);
  timer.abort();
  return finished;
}

function clientOptions(config: Config, options: BotOptions): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: {
      ...(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }),
      ...(options.globalRequestsPerSecond === undefined ? {} : { globalRequestsPerSecond: options.globalRequestsPerSecond }),
    },
  };
}

/**
 * Log in and serve the commands in `commands/` until `stop()`. Commands are not registered here:
 * that is `npm run deploy`'s job, done once, not at every start.
 *
 * @example const bot = await startBot(config, state, log); process.once('SIGTERM', () => void bot.stop());
 */
export async function startBot(config: Config, state: AppState, log: Logger, options: BotOptions = {}): Promise<Bot> {
  const token = config.discordToken;
  const problems = discordProblems(config);
  if (problems.length > 0 || token === undefined) throw new ConfigError(problems);
  const commands = options.commands ?? (await loadCommands());
  const client = new Client(clientOptions(config, options));
  const digests = createDigestService(client, state, options.digestStore ?? openDigestStore(config.dataDir, log), log, options.digest);
  const route = createRouter({ commands, context: { state, log, digests }, queue: new ComputeQueue(), deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS, backlogDeferMs: options.backlogDeferMs ?? BACKLOG_DEFER_MS, replies: new BoundedMemo(REMEMBERED_REPLIES), cooldown: new Cooldown(config.cooldownSeconds * 1_000, options.now), log });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    // The router never rejects; the set lets stop() wait for handlers still at work.
    const task: Promise<void> = route(interaction).finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  // Runs before discord.js reads the packet: a field a server left out must not crash its handler.
  client.on(Events.Raw, repairPacket);
  client.on(Events.Error, (error) => log.error({ err: errorForLog(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'rate limited by Discord'),
  );

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  log.info({ api: config.discordApiUrl ?? 'https://discord.com/api', commands: [...commands.keys()] }, 'logging in to Discord');
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await within(client.destroy(), DESTROY_TIMEOUT_MS);
    await digests.stop();
    throw error;
  }
  if (!client.isReady()) throw new Error('discord.js emitted clientReady without being ready');
  log.info({ user: client.user.tag, guilds: client.guilds.cache.size }, 'bot ready');
  digests.start();
  // The glossary and the timeline are built on first use; build them now, so the first /define,
  // /glossary or /timeline does not spend its 3-second window on it.
  setImmediate(() => {
    try {
      log.debug({ terms: state.glossary.entries.length, events: state.timeline.events.length }, 'glossary and timeline ready');
    } catch (error) {
      log.error({ err: errorForLog(error) }, 'building the glossary or the timeline failed');
    }
  });

  let stopping: Promise<void> | undefined;
  return {
    client,
    stop() {
      stopping ??= (async () => {
        accepting = false;
        log.info({ inFlight: inFlight.size }, 'bot stopping');
        const drained = await within(Promise.allSettled(inFlight), DRAIN_TIMEOUT_MS);
        await within(digests.stop(), DRAIN_TIMEOUT_MS);
        const destroyed = await within(client.destroy(), DESTROY_TIMEOUT_MS);
        log.info({ drained, destroyed }, 'bot stopped');
      })();
      return stopping;
    },
  };
}
