import { describe, expect, it } from 'vitest';
import type { DigestResult } from '../../src/features/digest.js';
import { isDigestFooter, renderDigest, renderDigestText, renderTimeZoneChoices } from '../../src/render/digest.js';
import { EMBED_FIELD_VALUE_MAX, EMBED_TOTAL_MAX } from '../../src/render/discord.js';

const cite = { file: 'talk.txt', line: 3, title: '対談' };
const HOSTILE = '@everyone **太字** <@&123> '.repeat(200);

function result(text: string): DigestResult {
  return {
    command: 'digest',
    serverId: '42',
    date: '2026-11-23',
    passageNumber: 3,
    passageCount: 10,
    passage: { ...cite, section: null, speaker: null, text, cutAfter: false },
    term: { ...cite, term: 'MoE', variants: ['Mixture of Experts'], definition: text },
    quote: { ...cite, speaker: 'ミホ', quote: text, cutAfter: true },
    event: {
      date: '2024-03',
      end: null,
      precision: 'month',
      approximate: false,
      part: null,
      kind: 'event',
      event: text,
      cutBefore: false,
      cutAfter: false,
      dateText: '2024年3月',
      resolved: null,
      file: 'talk.txt',
      line: 4,
      title: '対談',
      citations: [{ file: 'talk.txt', line: 4 }],
      sentence: text,
    },
    question: { ...cite, term: '強化学習', answer: text },
  };
}

function embedJson(text: string) {
  return renderDigest(result(text), 'ja').embeds[0]?.toJSON();
}

describe('renderDigest', () => {
  it('keeps every section within Discord’s limits and pings nobody, however long and hostile the text', () => {
    const reply = renderDigest(result(HOSTILE), 'ja');
    const embed = embedJson(HOSTILE);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(embed?.fields).toHaveLength(5);
    for (const field of embed?.fields ?? []) {
      expect([...field.value].length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
      expect(field.value).not.toMatch(/(?<!\\)@everyone|(?<!\\)<@&/u);
    }
    const total = [embed?.title, embed?.footer?.text, ...(embed?.fields ?? []).flatMap((field) => [field.name, field.value])].join('');
    expect([...total].length).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
  });

  it('fits text made of characters outside the BMP (two UTF-16 units each)', () => {
    const astral = '𠮷😀'.repeat(600);
    const embed = embedJson(astral);
    for (const field of embed?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
  });

  it('hides the answer to the question behind a spoiler, with its citation', () => {
    const question = embedJson('強化学習とは、報酬から学ぶ方法です。')?.fields?.at(-1);
    expect(question?.value).toMatch(/「強化学習」とは何のことでしょう/u);
    expect(question?.value).toMatch(/\|\|強化学習とは、報酬から学ぶ方法です。 — 対談 · talk\.txt 3行目\|\|/u);
  });

  it('marks its footer so a posted digest is recognised for its date, in either language', () => {
    const ja = embedJson('本文です。')?.footer?.text;
    const en = renderDigest(result('text.'), 'en').embeds[0]?.toJSON().footer?.text;
    expect(isDigestFooter(ja, '2026-11-23')).toBe(true);
    expect(isDigestFooter(en, '2026-11-23')).toBe(true);
    expect(isDigestFooter(ja, '2026-11-24')).toBe(false);
    expect(isDigestFooter('学習ダイジェストについて', '2026-11-23')).toBe(false);
  });
});

describe('renderDigestText', () => {
  it('prints every section with its citation, the answer last', () => {
    const text = renderDigestText(result('本文です。'), 'en');
    expect(text).toMatch(/Today's passage[\s\S]*Term of the day[\s\S]*Quote of the day[\s\S]*From the timeline[\s\S]*Something to think about/u);
    expect(text).toContain('— 対談 · talk.txt, line 3');
  });
});

describe('renderTimeZoneChoices', () => {
  it('puts the zones whose city starts with what was typed first, at most 25', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(renderTimeZoneChoices(zones, 'tok')[0]?.value).toBe('Asia/Tokyo');
    expect(renderTimeZoneChoices(zones, '').length).toBe(25);
  });
});
