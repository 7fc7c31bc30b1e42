import { describe, expect, it } from 'vitest';
import { repairPacket } from '../../src/discord/repair-packet.js';

describe('repairPacket', () => {
  it('gives an interaction the empty entitlements and integration owners discord.js reads', () => {
    const packet = { t: 'INTERACTION_CREATE', d: { id: '1', type: 2 } as Record<string, unknown> };
    repairPacket(packet);
    expect(packet.d).toMatchObject({ entitlements: [], authorizing_integration_owners: {} });
  });

  it('drops a message’s interaction metadata that has no user, and fills its integration owners otherwise', () => {
    const orphan = { t: 'INTERACTION_CREATE', d: { entitlements: [], message: { id: 'm', interaction_metadata: { id: 'i', type: 2 } } } as Record<string, unknown> };
    repairPacket(orphan);
    expect(orphan.d.message).toEqual({ id: 'm' });
    const owned = { t: 'INTERACTION_CREATE', d: { message: { interaction_metadata: { id: 'i', user: { id: 'u' } } } } as Record<string, unknown> };
    repairPacket(owned);
    expect(owned.d.message).toEqual({ interaction_metadata: { id: 'i', user: { id: 'u' }, authorizing_integration_owners: {} } });
  });

  it('leaves other packets and whole interactions as they are', () => {
    const message = { t: 'MESSAGE_CREATE', d: { id: 'm' } };
    repairPacket(message);
    expect(message.d).toEqual({ id: 'm' });
    const whole = { t: 'INTERACTION_CREATE', d: { entitlements: [{ id: 'e' }], authorizing_integration_owners: { 0: 'g' } } };
    repairPacket(whole);
    expect(whole.d).toEqual({ entitlements: [{ id: 'e' }], authorizing_integration_owners: { 0: 'g' } });
  });
});
