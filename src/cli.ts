/**
 * One-shot console commands: `npm run cli -- ask --question "…" [--json | --jsonl] [--limit N]`.
 * Replies go to stdout, logs and warnings to stderr.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import 'dotenv/config';
import { boot } from './boot.js';
import { configOrReport, EXIT_CONFIG } from './config.js';
import { CONSOLE_COMMANDS, findCommand, type OptionValues } from './console/console-commands.js';
import { runCommand, type RunContext } from './console/run-command.js';
import { createLogger } from './log.js';
import { PLAIN_STYLE, TERMINAL_STYLE } from './render/text.js';

const usage = `usage: npm run cli -- <${CONSOLE_COMMANDS.map((command) => command.name).join('|')}> [--option value …] [--json | --jsonl] [--limit N] [--lang ja|en]`;

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name === undefined ? undefined : findCommand(name);
  if (command === undefined) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const optionConfig = Object.fromEntries(command.options.map((option) => [option.name, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        ...optionConfig,
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        limit: { type: 'string' },
        lang: { type: 'string', default: 'ja' },
      },
      allowPositionals: false,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const { values } = parsed;
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const maxLimit = command.maxLimit ?? 100;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)) {
    process.stderr.write(`--limit must be a whole number from 1 to ${maxLimit}\n`);
    return 2;
  }
  const config = configOrReport();
  if (config === null) return EXIT_CONFIG;
  const log = createLogger(config.logLevel);
  const { state } = await boot(config, log);
  const context: RunContext = {
    locale: values.lang === 'en' ? 'en' : 'ja',
    limit,
    style: process.stdout.isTTY && values.json !== true ? TERMINAL_STYLE : PLAIN_STYLE,
    log,
  };
  if (values.jsonl === true) {
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      if (line.trim() === '') continue;
      const options = readJsonOptions(line);
      const known = new Set(command.options.map((option) => option.name));
      const unknown = options === null ? [] : Object.keys(options).filter((key) => !known.has(key));
      const outcome =
        options === null
          ? { json: { command: command.name, error: { code: 'bad_json', message: 'each line must be a JSON object of options' } } }
          : unknown.length > 0
            ? { json: { command: command.name, error: { code: 'unknown_option', message: `unknown option ${unknown.map((key) => `"${key}"`).join(', ')} for ${command.name}; options: ${[...known].join(', ') || 'none'}` } } }
            : runCommand(state, command, options, context);
      process.stdout.write(`${JSON.stringify(outcome.json)}\n`);
    }
    return 0;
  }
  const given: Readonly<Record<string, unknown>> = values;
  const options: OptionValues = Object.fromEntries(
    command.options.flatMap((option) => {
      const value = given[option.name];
      return typeof value === 'string' ? [[option.name, value]] : [];
    }),
  );
  const outcome = runCommand(state, command, options, context);
  process.stdout.write(values.json === true ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${outcome.text}\n`);
  return outcome.ok ? 0 : 1;
}

function readJsonOptions(line: string): OptionValues | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const options: Record<string, string | number> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry === 'string' || typeof entry === 'number') options[key] = entry;
    }
    return options;
  } catch {
    return null;
  }
}

process.exitCode = await main();
