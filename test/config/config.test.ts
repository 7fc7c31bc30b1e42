import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env, '/srv/bot');
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : ['not a ConfigError'];
  }
}

describe('loadConfig', () => {
  it('runs the console with nothing set, with the documented defaults', () => {
    expect(loadConfig({}, '/srv/bot')).toMatchObject({
      discordToken: undefined,
      seedsDir: '/srv/bot/seeds',
      dataDir: '/srv/bot/data',
      logLevel: 'info',
      cooldownSeconds: 3,
    });
  });

  it('reports every problem together, the missing client id among the format errors', () => {
    const problems = problemsOf({ DISCORD_TOKEN: 'x', DISCORD_GUILD_ID: 'abc', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining(['DISCORD_GUILD_ID', 'LOG_LEVEL', 'DISCORD_API_URL', 'DISCORD_CLIENT_ID']),
    );
    expect(problems.join('\n')).not.toContain('x,');
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', SEEDS_DIR: '' }, '/srv/bot').seedsDir).toBe('/srv/bot/seeds');
  });
});
