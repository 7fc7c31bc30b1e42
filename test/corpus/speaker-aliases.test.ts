import { describe, expect, it } from 'vitest';
import { aliasesOf, findCastMember, mergeCast, nameMatch, sameSpeaker, withoutHonorific, type CastMember } from '../../src/corpus/speaker-aliases.js';
import { findSpeaker, speakerDirectory } from '../../src/corpus/speaker-directory.js';
import { attributeSpeakers } from '../../src/corpus/attribute-speakers.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';

/** A cast member known by a name and the aliases it gives. */
const member = (name: string, role: CastMember['role']): CastMember => ({ name, aliases: aliasesOf(name), role });

describe('aliasesOf', () => {
  it.each([
    // Katakana full name: given and family name on their own.
    ['イリヤ・サツキーバー', ['イリヤ・サツキーバー', 'イリヤ', 'サツキーバー']],
    // Latin: the same split on the space.
    ['Sam Altman', ['Sam Altman', 'Sam', 'Altman']],
    // An honorific is not part of the name.
    ['サム・アルマン氏', ['サム・アルマン', 'サム', 'アルマン']],
    // A one-word name has no parts to add.
    ['ジェンセン', ['ジェンセン']],
    // A kanji family name and a hiragana given name split where the script changes.
    ['藤井みのり', ['藤井みのり', '藤井', 'みのり']],
    // …and a katakana given name too (stage names are often written so).
    ['森田サトル', ['森田サトル', '森田', 'サトル']],
  ])('gives %j the aliases %j', (name, aliases) => {
    expect(aliasesOf(name)).toEqual(aliases);
  });

  it('strips honorifics but keeps a name that is only an honorific-shaped word', () => {
    expect(withoutHonorific('田中さん')).toBe('田中');
    expect(withoutHonorific('Prof')).toBe('Prof');
  });

  it('strips a rank after a name as it strips an honorific (北条 健吾 九段, 水無瀬 女流二段), and finds the person by it', () => {
    expect(withoutHonorific('北条 健吾 九段')).toBe('北条 健吾');
    expect(withoutHonorific('水無瀬女流二段')).toBe('水無瀬');
    expect(findCastMember([{ name: '北条 健吾', aliases: aliasesOf('北条 健吾') }], '北条九段')?.name).toBe('北条 健吾');
  });
});

describe('nameMatch', () => {
  it.each([
    // Width, dots and honorifics fold away.
    ['ｲﾘﾔ･ｻﾂｷｰﾊﾞｰ', 'イリヤ・サツキーバー', 1],
    ['イリヤさん', 'イリヤ', 1],
    // A given name alone, in either script.
    ['Ilya', 'イリヤ・サツキーバー', 0.9],
    ['イリヤ', 'イリヤ・サツキーバー', 0.9],
    // Latin ↔ katakana by sound, the long vowel from -er included.
    ['Ilya Sutskever', 'イリヤ・サツキーバー', 0.9],
    // One dropped sound inside a long name: アルマン is how one transcript spells Altman.
    ['Sam Altman', 'サム・アルマン', 0.9],
    // Chinese names in Latin: Huang is ファン in katakana.
    ['Jensen Huang', 'ジェンセン・ファン', 0.9],
    // A Latin-only name typed in katakana.
    ['レックス', 'Lex Fridman', 0.9],
    // ウィ opens on a w: a Latin Wh- name matches both katakana spellings, and they match each other.
    ['Whitney', 'エマ・ウィットニー', 0.9],
    ['ホイットニー', 'エマ・ウィットニー', 0.9],
    // Different people.
    ['Sam Altman', 'イリヤ・サツキーバー', 0],
    ['アルトマン', 'Fridman', 0],
    ['Nathan', 'セバスチャン・ラシュカ', 0],
    // Short names key to one consonant, and a w leaves no trace in it: they must also open alike.
    ['ワン', 'Wan', 0.9],
    ['ニア', 'Wan', 0],
    ['ニア', 'ワン', 0],
    // A slip may drop a sound at a name's end (Andrej → アンドレイ) but not change it: another name.
    ['Andrej', 'アンドレイ', 0.9],
    ['Sakura', 'サカタ・ミホ', 0],
    ['サクラ', 'サカタ', 0],
  ])('scores %j against %j as %d', (typed, spelling, score) => {
    expect(nameMatch(typed, spelling)).toBe(score);
  });
});

describe('mergeCast', () => {
  it('joins a label to the full name it shortens, and a Latin spelling to its katakana twin', () => {
    const merged = mergeCast([
      member('イリヤ・サツキーバー', 'guest'),
      { name: 'イリヤ', aliases: ['イリヤ'], role: 'guest' },
      member('Ilya Sutskever', 'quoted'),
      member('ジェンセン・ファン', 'host'),
    ]);
    expect(merged.map((member) => member.name)).toEqual(['イリヤ・サツキーバー', 'ジェンセン・ファン']);
    expect(merged[0]?.aliases).toEqual(expect.arrayContaining(['イリヤ', 'Ilya Sutskever', 'Ilya', 'Sutskever']));
    expect(merged[0]?.role).toBe('guest');
    expect(merged[1]?.role).toBe('host');
  });

  it('joins a label that gives only the katakana given name to the full name in the list of speakers', () => {
    const merged = mergeCast([
      member('森田サトル', 'guest'),
      member('川口ユイ', 'guest'),
      { name: 'サトル', aliases: ['サトル'], role: 'guest' },
      { name: 'ユイ', aliases: ['ユイ'], role: 'guest' },
    ]);
    expect(merged.map((member) => member.name)).toEqual(['森田サトル', '川口ユイ']);
    expect(findCastMember(merged, '森田')?.name).toBe('森田サトル');
  });

  it('joins a kanji family or given name to the full name written without a space', () => {
    const merged = mergeCast([
      member('田中健一', 'guest'),
      { name: '田中', aliases: ['田中'], role: 'guest' },
      { name: '美咲', aliases: ['美咲'], role: 'guest' },
      member('佐藤美咲', 'guest'),
    ]);
    expect(merged.map((member) => member.name)).toEqual(['田中健一', '佐藤美咲']);
    expect(merged[0]?.aliases).toContain('田中');
    // Three kanji of a four-kanji name that are neither its start nor its end are not a name.
    expect(sameSpeaker('中健', '田中健一')).toBe(false);
  });

  it('lets no given name bridge two people, in whatever order they come', () => {
    const members = [
      { name: 'Mark', aliases: ['Mark'], role: 'guest' as const },
      member('Mark Chen', 'guest'),
      member('マーク・ザッカーバーグ', 'quoted'),
    ];
    for (const order of [members, [...members].reverse()]) {
      const merged = mergeCast(order);
      expect(merged.find((member) => member.aliases.includes('Mark'))?.name).toBe('Mark Chen');
      expect(merged.map((member) => member.name).sort()).toEqual(['Mark Chen', 'マーク・ザッカーバーグ']);
    }
  });

  it('leaves a family name two people share with neither of them', () => {
    const merged = mergeCast([
      member('田中健一', 'guest'),
      member('田中花子', 'guest'),
      { name: '田中', aliases: ['田中'], role: 'guest' },
    ]);
    expect(merged.map((member) => member.name)).toEqual(['田中健一', '田中花子', '田中']);
  });

  it('keeps apart two people whose family names merely sound alike', () => {
    const merged = mergeCast([
      member('サム・アルトマン', 'quoted'),
      member('Lex Fridman', 'host'),
    ]);
    expect(merged).toHaveLength(2);
    expect(sameSpeaker('サム・アルトマン', 'Lex Fridman')).toBe(false);
  });
});

describe('mergeCast: readings', () => {
  it('joins a Latin family name to the kanji full name whose reading it spells, never by a slip in the sound', () => {
    const merged = mergeCast([
      { name: 'Mori', aliases: ['Mori'], role: 'guest' },
      { name: '森 一郎', aliases: ['森 一郎', '森', '一郎', 'モリ・イチロウ'], role: 'guest' },
      // 参加者 read as a name (サンカ・シャ) keys like Sasaki; the spelling does not.
      { name: 'Sasaki', aliases: ['Sasaki'], role: 'guest' },
      { name: '参加者', aliases: ['参加者', 'サンカ・シャ'], role: 'guest' },
    ]);
    expect(merged.map((member) => member.name).sort()).toEqual(['Sasaki', '参加者', '森 一郎'].sort());
    expect(merged.find((member) => member.name === '森 一郎')?.aliases).toContain('Mori');
  });

  it('does not join a lone katakana given name by a reading, nor two people whose full names differ in one script', () => {
    const merged = mergeCast([
      { name: '森 一郎', aliases: ['森 一郎', 'モリ・イチロウ'], role: 'guest' },
      { name: 'イチロウ', aliases: ['イチロウ'], role: 'host' },
      { name: 'ベス', aliases: ['ベス', 'Beth Clark', 'Beth'], role: 'guest' },
      { name: 'クラーク', aliases: ['クラーク', 'Beth Lewis', 'Beth'], role: 'guest' },
    ]);
    expect(merged).toHaveLength(4);
  });

  it('leaves a Latin family name alone when two full names read like it', () => {
    const merged = mergeCast([
      { name: '森 一郎', aliases: ['森 一郎', 'モリ・イチロウ'], role: 'guest' },
      { name: '森 次郎', aliases: ['森 次郎', 'モリ・ジロウ'], role: 'guest' },
      { name: 'Mori', aliases: ['Mori'], role: 'guest' },
    ]);
    expect(merged).toHaveLength(3);
  });
});

describe('findCastMember', () => {
  it('finds the best member for a typed name, or null', () => {
    const cast = mergeCast([
      member('セバスチャン・ラシュカ', 'guest'),
      member('ネイサン・ランバート', 'guest'),
    ]);
    expect(findCastMember(cast, 'Nathan Lambert')?.name).toBe('ネイサン・ランバート');
    expect(findCastMember(cast, 'Raschka')?.name).toBe('セバスチャン・ラシュカ');
    expect(findCastMember(cast, 'Geoffrey Hinton')).toBeNull();
  });

  it('finds a member by the name before a post typed after it, the unit of the post too', () => {
    const cast = mergeCast([
      member('森田 一郎', 'quoted'),
      member('ネイサン・ランバート', 'guest'),
    ]);
    // A post after a kanji family name, with an honorific after the post.
    expect(findCastMember(cast, '森田部長')?.name).toBe('森田 一郎');
    expect(findCastMember(cast, '森田営業部長さん')?.name).toBe('森田 一郎');
    // …and after a katakana one.
    expect(findCastMember(cast, 'ランバート社長')?.name).toBe('ネイサン・ランバート');
    // The name before the post must still be someone's.
    expect(findCastMember(cast, '山田部長')).toBeNull();
  });

  it('keeps a member whose label is the post itself before cutting the post off', () => {
    const cast = mergeCast([
      { name: '部長', aliases: ['部長'], role: 'guest' },
      member('森田 一郎', 'guest'),
    ]);
    expect(findCastMember(cast, '部長')?.name).toBe('部長');
  });
});

describe('speakerDirectory', () => {
  it('merges one person across files and counts their paragraphs', () => {
    const a = attributeSpeakers(parseTranscript('a.txt', ['By Sam Altman', '今日はモデルの話をします。', '推論が得意なモデルです。'].join('\n')));
    const b = attributeSpeakers(parseTranscript('b.txt', ['ブログ', '著者:サム・アルトマン', '新しいモデルを公開しました。'].join('\n')));
    const directory = speakerDirectory({ transcripts: [a, b], skipped: [] });
    expect(directory).toHaveLength(1);
    expect(directory[0]?.name).toBe('サム・アルトマン');
    expect(directory[0]?.paragraphs).toBe(3);
    expect([...(directory[0]?.paragraphNames ?? [])].sort()).toEqual(['Sam Altman', 'サム・アルトマン']);
  });
});

describe('speakerDirectory: one transcript, two people', () => {
  it('keeps apart a family name and a full name one transcript told apart (（田中さん）/（田中健太さん）-style markers)', () => {
    const text = [
      '森の暮らし',
      '',
      '（ナレーション）',
      '森一郎さんと森次郎さんの兄弟は、山で炭を焼いている。',
      '（森さん）',
      '炭焼きはもう五十年になります。',
      '（森次郎さん）',
      '兄貴にはかなわないですよ。',
    ].join('\n');
    const directory = speakerDirectory({ transcripts: [attributeSpeakers(parseTranscript('a.txt', text))], skipped: [] });
    expect(directory.map((speaker) => speaker.name).sort()).toEqual(['森', '森次郎']);
    expect(findSpeaker(directory, '森次郎')?.paragraphs).toBe(1);
  });
});

