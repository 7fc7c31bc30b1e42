import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_EMBEDDING_MODEL, type EmbedderSettings } from './search/embedder.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const snowflake = z.string().trim().regex(/^\d{17,20}$/u, 'must be a Discord id (17–20 digits)');

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/u, error: 'must be an http(s) URL' }).optional()),
  SEEDS_DIR: optionalText.default('seeds'),
  DATA_DIR: optionalText.default('data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  DICTIONARY_DIR: optionalText.default('/usr/share/dictd'),
  EMBEDDINGS: optionalText.default('on').pipe(z.enum(['on', 'off', 'download'], { error: 'must be on, off or download' })),
  EMBEDDING_MODEL: optionalText.default(DEFAULT_EMBEDDING_MODEL),
  MODELS_DIR: optionalText.default('models'),
});

export interface Config {
  readonly discordToken: string | undefined;
  readonly discordClientId: string | undefined;
  readonly discordGuildId: string | undefined;
  readonly discordApiUrl: string | undefined;
  readonly seedsDir: string;
  readonly dataDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly cooldownSeconds: number;
  /** Where the dictd files of JMdict (dict-freedict-jpn-eng) are; English questions use them. */
  readonly dictionaryDir: string;
  /** The sentence-embedding model for hybrid retrieval; lexical-only when off or not found. */
  readonly embeddings: EmbedderSettings;
}

/** Every problem with the settings, reported together so a server owner fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse the environment once at start-up. Paths are resolved against `cwd`.
 *
 * @example const config = loadConfig(process.env, process.cwd());
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked beside the schema, not after it, so a server owner sees every problem in one go.
  const hasToken = (env.DISCORD_TOKEN ?? '').trim() !== '';
  if (hasToken && (env.DISCORD_CLIENT_ID ?? '').trim() === '') {
    problems.push('DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set (Developer Portal → General Information → Application ID)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  return {
    discordToken: values.DISCORD_TOKEN,
    discordClientId: values.DISCORD_CLIENT_ID,
    discordGuildId: values.DISCORD_GUILD_ID,
    discordApiUrl: values.DISCORD_API_URL,
    seedsDir: path.resolve(cwd, values.SEEDS_DIR),
    dataDir: path.resolve(cwd, values.DATA_DIR),
    logLevel: values.LOG_LEVEL,
    cooldownSeconds: values.COOLDOWN_SECONDS,
    dictionaryDir: path.resolve(cwd, values.DICTIONARY_DIR),
    embeddings: { mode: values.EMBEDDINGS, model: values.EMBEDDING_MODEL, modelsDir: path.resolve(cwd, values.MODELS_DIR) },
  };
}

/** What Discord mode needs beyond the console's settings; empty when everything is there. */
export function discordProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.discordToken === undefined) problems.push('DISCORD_TOKEN: required to connect to Discord');
  if (config.discordClientId === undefined) problems.push('DISCORD_CLIENT_ID: required to connect to Discord');
  return problems;
}

/** EX_CONFIG from sysexits.h: the settings are wrong, and retrying will not help. */
export const EXIT_CONFIG = 78;

/**
 * The entry points' start: the settings, or null after every problem has been written to stderr
 * (the caller then exits with EXIT_CONFIG).
 *
 * @example const config = configOrReport(); if (config === null) return EXIT_CONFIG;
 */
export function configOrReport(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config | null {
  try {
    return loadConfig(env, cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
