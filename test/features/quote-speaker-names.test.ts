import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { speakerDirectory } from '../../src/corpus/speaker-directory.js';
import { quote, resolveSpeaker } from '../../src/features/quote.js';
import { UserError } from '../../src/features/user-error.js';
import { renderSpeakerChoices } from '../../src/render/quote.js';
import { realAnalyzer } from '../support/analyzer.js';
import { stateFrom } from '../support/state.js';

// One known speaker, サカタ・ミホ (S-K-T M), and a name nobody in the material has that differs from
// her family name only in its last sound: サクラ / Sakura (S-K-R).
const FILES: Readonly<Record<string, string>> = {
  'meeting.txt': [
    '決算説明会',
    '',
    '司会: それでは、財務の説明をお願いします。',
    'サカタ・ミホ: 今期の売上は前年より一割ほど増えました。原材料の値上がりが利益を押し下げています。',
    '司会: ありがとうございます。来期の見通しはいかがですか。',
    'サカタ・ミホ: 来期は価格の見直しで利益率を戻せると考えています。',
  ].join('\n'),
};

let state: AppState;

beforeAll(async () => {
  state = stateFrom(FILES, await realAnalyzer());
});

function refusal(typed: string): unknown {
  try {
    return resolveSpeaker(state.corpus, typed).name;
  } catch (caught) {
    return caught;
  }
}

describe('a speaker name the material does not know', () => {
  it.each(['サクラ', 'Sakura'])('is refused with the known speakers, never taken for someone whose name ends otherwise: %s', (typed) => {
    const error = refusal(typed);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'unknown_speaker', details: { speaker: typed } });
    expect(String((error as UserError).details['known'])).toContain('サカタ・ミホ');
    expect(() => quote(state, { speaker: typed, topic: '売上', limit: 5 })).toThrow(UserError);
  });

  it('is not offered that person in the speaker autocomplete either', () => {
    expect(renderSpeakerChoices(speakerDirectory(state.corpus), 'Sakura')).toEqual([]);
    expect(renderSpeakerChoices(speakerDirectory(state.corpus), 'サクラ')).toEqual([]);
  });

  it('still finds the speaker by her family or given name, in either script', () => {
    for (const typed of ['サカタ', 'Sakata', 'ミホ', 'Miho', 'Sakata Miho', 'サカタさん']) expect(refusal(typed)).toBe('サカタ・ミホ');
    expect(quote(state, { speaker: 'Sakata', topic: '売上', limit: 5 }).results[0]).toMatchObject({ line: 4, speaker: 'サカタ・ミホ' });
    expect(renderSpeakerChoices(speakerDirectory(state.corpus), 'Sakata').map((choice) => choice.value)).toEqual(['サカタ・ミホ']);
  });
});
