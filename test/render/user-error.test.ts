import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/features/user-error.js';
import { userErrorMessage } from '../../src/render/messages.js';

describe('userErrorMessage', () => {
  it('echoes what the user typed cut short, and keeps the list of valid choices whole', () => {
    const typed = '*_'.repeat(3_000);
    const known = 'a.txt, b.txt, c.txt';
    const message = userErrorMessage(new UserError('unknown_file', { file: typed, known }), 'en');
    expect(message).toContain(known);
    expect([...message].length).toBeLessThan(400);
    expect(message).toContain('…');
  });

  it('says no speakers are known rather than listing none', () => {
    for (const locale of ['ja', 'en'] as const) {
      const message = userErrorMessage(new UserError('unknown_speaker', { speaker: '森田', known: '' }), locale);
      expect(message).toContain('森田');
      expect(message).not.toMatch(/[:：]\s*$/u);
    }
    expect(userErrorMessage(new UserError('unknown_speaker', { speaker: '森田', known: '佐伯健一' }), 'ja')).toContain('佐伯健一');
  });
});
