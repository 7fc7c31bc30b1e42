import { describe, expect, it } from 'vitest';
import type { SourceResult } from '../../src/features/source.js';
import { renderSource } from '../../src/render/discord.js';
import { renderSourceText } from '../../src/render/text.js';

const cited = (speaker: string | null, speakerConfidence: number): SourceResult => ({
  command: 'source',
  file: 'talk.txt',
  line: 2,
  title: '対談',
  section: null,
  speaker,
  speakerConfidence,
  lineCount: 3,
  lines: [
    { line: 1, text: '山田さん、どう思いますか?', kind: 'content', cited: false },
    { line: 2, text: '私はそう思いません。', kind: 'content', cited: true },
    { line: 3, text: 'なるほど。', kind: 'content', cited: false },
  ],
});

describe('source rendering', () => {
  it('tells the reader when a speaker is inferred rather than stated, and how sure', () => {
    expect(renderSourceText(cited('山田', 0.62), 'ja')).toContain('話者: 山田(推定・確度62%)');
    expect(renderSourceText(cited('山田', 0.62), 'en')).toContain('speaker: 山田 (inferred, 62% sure)');
    expect(renderSource(cited('山田', 0.62), 'en').embeds[0]?.toJSON().footer?.text).toContain('山田 (inferred, 62% sure)');
  });

  it('shows a labelled speaker plainly and an unknown one not at all', () => {
    expect(renderSourceText(cited('山田', 0.95), 'ja')).toContain('話者: 山田\n');
    expect(renderSourceText(cited(null, 0), 'ja')).not.toContain('話者');
  });
});
