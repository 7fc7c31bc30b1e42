import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { findCommand, PAGE_SIZE } from '../../src/console/console-commands.js';
import { quote, quoteTurn, resolveSpeaker } from '../../src/features/quote.js';
import { search } from '../../src/features/search.js';
import { UserError } from '../../src/features/user-error.js';
import { PLAIN_STYLE } from '../../src/render/text.js';
import { renderQuoteText } from '../../src/render/quote.js';
import { realAnalyzer } from '../support/analyzer.js';
import { stateFrom } from '../support/state.js';

const FILES: Readonly<Record<string, string>> = {
  'talk.txt': [
    'アリス・スミスとボブ・ジョーンズの対談',
    '',
    'アリス: 今日はよろしくお願いします。最初に、データの圧縮について聞かせてください。',
    'ボブ: よろしくお願いします。データをうまく圧縮できるモデルは、データの中の規則を学んでいると私は考えています。',
    'だから、次の単語を予測する訓練は、実は世界を理解する訓練でもあるんです。',
    'アリス: なるほど。では、計算資源についてはどうですか?',
    'ボブ: 計算資源は多ければ多いほど良いです。私たちは最初、GPUが二枚しかありませんでした。',
    'アリス: そうですか。',
    'ボブ: ええ。',
  ].join('\n'),
  'news.txt': ['今週のニュース', 'By Carol White · 2024-03-20', 'アリス・スミスが圧縮の研究で賞を受けた。', '受賞の理由は、データの圧縮と予測の関係を示したことだ。'].join('\n'),
  'event.txt': [
    'イベントの話',
    'ほな、今日はイベントの話をするで。会場はめっちゃ混んどったわ。',
    '途中でエマ・ワトソン氏が出てきて、新しいモデルについて話したんや。',
    '「ありがとうございます。このモデルは推論がとても得意で、難しい数学の問題もかなり解けるようになりました」と、彼女は笑顔で言うた。',
  ].join('\n'),
};

let state: AppState;

beforeAll(async () => {
  state = stateFrom(FILES, await realAnalyzer());
});

describe('quote', () => {
  it('quotes the speaker’s own words verbatim, without the label, with the line it answers', () => {
    const result = quote(state, { speaker: 'ボブ', topic: '圧縮', limit: 5 });

    expect(result).toMatchObject({ command: 'quote', speaker: 'ボブ・ジョーンズ', topic: '圧縮' });
    const [first] = result.results;
    expect(first).toMatchObject({ file: 'talk.txt', line: 4, speaker: 'ボブ・ジョーンズ' });
    expect(first?.quote.startsWith('ボブ:')).toBe(false);
    expect(FILES['talk.txt']?.split('\n')[3]).toContain(first?.quote ?? '∅');
    expect(first?.confidence).toBeGreaterThan(0.5);
    expect(first?.context).toMatchObject({ line: 3, speaker: 'アリス・スミス' });
    // Only Bob's lines, never Alice's question about the same topic.
    expect(result.results.every((item) => item.speaker === 'ボブ・ジョーンズ')).toBe(true);
  });

  it('finds their answer to a question on the topic, though the answer does not repeat its words', () => {
    const interview = stateFrom(
      {
        'i.txt': [
          'インタビュー',
          '',
          '佐藤（司会）: 最後に、学生へのアドバイスをお願いします。',
          '高橋（ゲスト）: 物理と情報の両方をつなげられる人が本当に足りないんです。',
          '佐藤（司会）: 量子コンピュータの弱点は何ですか?',
          '高橋（ゲスト）: ノイズにとても弱いことです。',
        ].join('\n'),
      },
      state.retriever.analyzer,
    );
    expect(quote(interview, { speaker: '高橋', topic: '学生へのアドバイス', limit: 3 }).results[0]?.line).toBe(4);
  });

  it('finds their reply a few messages after another’s message on the topic, and leaves out a stamp', () => {
    const chat = stateFrom(
      {
        'chat.txt': [
          '【家族】のトーク履歴',
          '',
          'ママ: 来月、おじいちゃんの誕生日会をしようと思ってます。日にちの候補は4/20か4/27です。都合を教えてください。',
          'あや: 行く行く！',
          'あや: [スタンプ]',
          'ケン: 27日は研修で福岡に出張だから無理です。',
          'ママ: 了解、20日にします。',
          'ケン: [写真]',
          'ケン: この前の旅行の写真、みんなに送っておきます。',
        ].join('\n'),
      },
      state.retriever.analyzer,
    );
    const lines = quote(chat, { speaker: 'ケン', topic: '誕生日会の日にち', limit: 3 }).results.map((item) => item.line);
    expect(lines[0]).toBe(6);
    expect(lines).not.toContain(8);
  });

  it('resolves a Latin spelling to the speaker the transcript writes in katakana', () => {
    expect(quote(state, { speaker: 'Bob Jones', topic: 'GPU', limit: 5 }).results[0]).toMatchObject({ line: 7, speaker: 'ボブ・ジョーンズ' });
  });

  it('gives the most substantive lines first without a topic, interjections last or not at all', () => {
    const lines = quote(state, { speaker: 'Bob', limit: 5 }).results.map((item) => item.line);
    expect(lines.slice(0, 3).sort()).toEqual([4, 5, 7]);
    expect(lines).not.toContain(9);
  });

  it('quotes someone who only ever said short lines, longest first, rather than nothing', async () => {
    const lecture = stateFrom(
      {
        'class.txt': [
          '講義録',
          '',
          '岡田：今日は形態素解析について、辞書とコストの考え方から順番に説明していきます。',
          '学生A：辞書にない語は？',
          '岡田：辞書にない語は未知語と呼ばれ、文字の種類などから候補を作って処理します。',
          '学生A：速いですか。',
          '岡田：はい、ビタビアルゴリズムを使うので、文の長さに対して線形の時間で済みます。',
        ].join('\n'),
      },
      await realAnalyzer(),
    );
    expect(quote(lecture, { speaker: '学生A', limit: 5 }).results.map((item) => item.line)).toEqual([4, 6]);
  });

  it('fills the limit with a speaker’s shorter statements after their long ones, leaving out back-channels', async () => {
    const lesson = stateFrom(
      {
        'lesson.txt': [
          '授業の記録',
          '',
          '教師：氷を温めると、何が起きると思いますか。',
          '中村：とけて水になると思う。',
          '教師：どうしてそう思ったの？',
          '中村：冬に窓の外に置いた氷が、部屋に入れたら少しずつ小さくなって、水たまりができていたからです。',
          '教師：なるほど。',
          '中村：はい。',
          '教師：では、水をもっと温めるとどうなる？',
          '中村：湯気になって消えるのかな？',
        ].join('\n'),
      },
      await realAnalyzer(),
    );
    expect(quote(lesson, { speaker: '中村', limit: 10 }).results.map((item) => item.line)).toEqual([6, 10, 4]);
  });

  it('quotes a monologue’s author, but not the people its narration names', () => {
    expect(quote(state, { speaker: 'Carol White', topic: '圧縮', limit: 5 }).results.map((item) => item.file)).toEqual(['news.txt', 'news.txt']);
    // Alice speaks in talk.txt; news.txt only mentions her.
    expect(quote(state, { speaker: 'Alice', topic: '圧縮', limit: 5 }).results.every((item) => item.file === 'talk.txt')).toBe(true);
  });

  it('quotes only the words inside the quotation marks of a line a narrator quotes someone on', () => {
    const result = quote(state, { speaker: 'エマ・ワトソン', limit: 5 });
    expect(result.results.map((item) => item.quote)).toEqual(['ありがとうございます。このモデルは推論がとても得意で、難しい数学の問題もかなり解けるようになりました']);
  });

  it('refuses an unknown speaker with the list of known ones', () => {
    let error: unknown;
    try {
      resolveSpeaker(state.corpus, 'Geoffrey Hinton');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'unknown_speaker', details: { speaker: 'Geoffrey Hinton' } });
    expect(String((error as UserError).details['known'])).toContain('ボブ・ジョーンズ');
    expect(() => quote(state, { speaker: 'Geoffrey Hinton', limit: 5 })).toThrow(UserError);
  });
});

describe('quoteTurn', () => {
  it('opens the speaker’s whole turn around a quoted line', () => {
    const turn = quoteTurn(state, { file: 'talk.txt', line: 5 });
    expect(turn.lines.map((line) => [line.line, line.cited])).toEqual([
      [4, false],
      [5, true],
    ]);
    expect(turn.speaker).toBe('ボブ・ジョーンズ');
  });
});

describe('search with a speaker', () => {
  it('keeps only what that speaker says', () => {
    const all = search(state, { query: '圧縮', page: 1, pageSize: PAGE_SIZE });
    const bob = search(state, { query: '圧縮', page: 1, pageSize: PAGE_SIZE, speaker: 'Bob' });
    expect(all.results.some((item) => item.speaker !== 'ボブ・ジョーンズ')).toBe(true);
    expect(bob.speaker).toBe('ボブ・ジョーンズ');
    expect(bob.results.length).toBeGreaterThan(0);
    expect(bob.results.every((item) => item.speaker === 'ボブ・ジョーンズ')).toBe(true);
    expect(bob.total).toBe(bob.results.length);
  });

  it('refuses an unknown speaker', () => {
    expect(() => search(state, { query: '圧縮', page: 1, pageSize: PAGE_SIZE, speaker: 'Nobody Here' })).toThrow(UserError);
  });
});

describe('console quote', () => {
  it('prints items with file, line, speaker, quote and confidence, and the text form names the speaker', () => {
    const command = findCommand('quote');
    const output = command?.run(state, { speaker: 'ボブ' }, { locale: 'ja', limit: 2, style: PLAIN_STYLE });
    const json = JSON.parse(JSON.stringify(output?.json)) as { results: Array<Record<string, unknown>> };
    expect(json.results).toHaveLength(2);
    for (const item of json.results) expect(Object.keys(item)).toEqual(expect.arrayContaining(['file', 'line', 'speaker', 'quote', 'confidence']));
    expect(output?.text).toContain('ボブ・ジョーンズ');
    expect(output?.text).toMatch(/talk\.txt \d+行 · 話者: ボブ・ジョーンズ/u);
    expect(renderQuoteText(quote(state, { speaker: 'Bob', limit: 1 }), 'en')).toMatch(/speaker confidence \d+%/u);
  });

  it('does not give as the line a quote answers one from another section, across a heading', async () => {
    const sectioned = stateFrom(
      {
        'kaigi.md': [
          '# 委員会要旨',
          '',
          '## 議題1 図書館',
          '',
          '**野村委員**：図書館の開館時間を延ばす考えはあるか。',
          '',
          '**生涯学習課長（江口）**：来年度から平日は午後八時まで延長いたします。',
          '',
          '**野村委員**：職員の配置はどうするのか。',
          '',
          '**生涯学習課長（江口）**：会計年度任用職員を二名増員する予定でございます。',
          '',
          '## 議題2 道路',
          '',
          '**北村委員**：市道三号線の舗装はいつ終わるのか。',
          '',
          '**道路課長（石原）**：今年度末に完了する見込みでございます。',
        ].join('\n'),
      },
      await realAnalyzer(),
    );
    const asked = quote(sectioned, { speaker: '北村委員', limit: 5 });
    expect(asked.results.map((item) => [item.line, item.context?.line ?? null])).toEqual([[15, null]]);
    const answered = quote(sectioned, { speaker: '道路課長', limit: 5 });
    expect(answered.results.map((item) => [item.line, item.context?.line ?? null])).toEqual([[17, 15]]);
  });
});
