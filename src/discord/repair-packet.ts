/**
 * Gateway packets made whole before discord.js reads them. discord.js 14 assumes fields Discord
 * always sends (`entitlements`, `authorizing_integration_owners`, the `user` of a message's
 * interaction metadata) and throws inside its gateway handler — taking the process down — when a
 * server leaves one out. Filling in the empty value keeps that interaction, and the bot, alive.
 */

interface Packet {
  readonly t?: string | null;
  readonly d?: unknown;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fill in, in place, the fields of an INTERACTION_CREATE packet discord.js cannot do without.
 *
 * @example client.on(Events.Raw, repairPacket)
 */
export function repairPacket(packet: Packet): void {
  if (packet.t !== 'INTERACTION_CREATE' || !isObject(packet.d)) return;
  const interaction = packet.d;
  if (!Array.isArray(interaction.entitlements)) interaction.entitlements = [];
  if (!isObject(interaction.authorizing_integration_owners)) interaction.authorizing_integration_owners = {};
  const message = interaction.message;
  if (!isObject(message)) return;
  for (const key of ['interaction_metadata', 'interaction'] as const) {
    const metadata = message[key];
    // Without its user the metadata cannot be read at all; a message is whole without it.
    if (isObject(metadata) && !isObject(metadata.user)) delete message[key];
    else if (isObject(metadata) && key === 'interaction_metadata' && !isObject(metadata.authorizing_integration_owners)) metadata.authorizing_integration_owners = {};
  }
}
