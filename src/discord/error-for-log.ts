import { DiscordAPIError, HTTPError } from 'discord.js';

/** Interaction and webhook tokens sit in REST paths; they are credentials for 15 minutes. */
const TOKEN_IN_PATH = /\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/gu;

export function redactPath(url: string): string {
  return url.replace(TOKEN_IN_PATH, '/$1/[redacted]');
}

/**
 * An error as it may be logged: discord.js REST errors carry the request URL (with the interaction
 * token in it) and body, so they are reduced to what helps and the token is cut out.
 */
export function errorForLog(error: unknown): unknown {
  if (error instanceof DiscordAPIError) {
    return { type: error.name, message: error.message, code: error.code, status: error.status, method: error.method, url: redactPath(error.url), stack: error.stack };
  }
  if (error instanceof HTTPError) {
    return { type: error.name, message: error.message, status: error.status, method: error.method, url: redactPath(error.url), stack: error.stack };
  }
  return error;
}
