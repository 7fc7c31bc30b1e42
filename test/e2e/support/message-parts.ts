import { ComponentType, MessageFlags, type APIMessage } from 'discord.js';

/** Whether only the invoking user sees the message. */
export function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** The custom ids of every component on the message, in order. */
export function customIds(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow ? row.components.flatMap((component) => ('custom_id' in component ? [component.custom_id] : [])) : [],
  );
}

/**
 * Fresh invoking users from `first` on (the server makes each a guild member on first use), so a
 * test's per-user cooldown shows only where it wants it.
 *
 * @example const newUser = userIds(400_000_000_000_000_000n); server.sendCommand({ …, userId: newUser() });
 */
export function userIds(first: bigint): () => string {
  let next = first;
  return () => {
    next += 1n;
    return String(next);
  };
}
