import { beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildTimeline, timeline, timelineDeps, type Timeline, type TimelineOptions } from '../../src/features/timeline.js';
import { UserError } from '../../src/features/user-error.js';
import type { Analyzer } from '../../src/text/analyze.js';
import { realAnalyzer } from '../support/analyzer.js';
import { stateFrom } from '../support/state.js';

/** Three transcripts: one dated, one whose date only its text implies, one that repeats another. */
const FILES: Readonly<Record<string, string>> = {
  'a_article.txt': [
    '原子力の記事',
    'By Jane Doe · 2024-03-20',
    'スリーマイル島の1号炉は2019年まで問題なく動いていた。',
    '去年、マイクロソフトは新しい契約を結んだ。来年中には新しいデータセンターが完成するだろう。',
    '令和2年に法律が変わった。',
  ].join('\n'),
  'b_talk.txt': [
    '電力の話やで',
    '',
    'コンステレーション・エナジーは2028年、つまり4年後くらいに再稼働させる予定や。',
    '5年後には、もっと安い電力が手に入るようになるんちゃうか。',
    '先月、新しい発表があったんや。',
  ].join('\n'),
  'c_repost.txt': [
    '転載記事',
    '',
    'ところで、スリーマイル島の1号炉は2019年まで問題なく動いていた。',
    '昨年、誰かが何かを言ったらしい。',
  ].join('\n'),
};

let analyzer: Analyzer;
let built: Timeline;
const files = Object.keys(FILES);
beforeAll(async () => {
  analyzer = await realAnalyzer();
  built = buildTimeline({ transcripts: Object.entries(FILES).map(([file, text]) => parseTranscript(file, text)), skipped: [] });
});

describe('buildTimeline with two dates in a sentence', () => {
  it('gives each its own event, and drops 去年 only when it restates the stated year', () => {
    const events = eventsOf('d_talk.txt', [
      '研究室の話 2025年6月',
      '',
      'うちの研究室では2019年から量子ビットを作ってて、去年ようやく100個をつないだチップが動いたんや。',
      '私たちの会社は2022年に創業して、来年には新しいサービスを出す予定です。',
      '2024年、つまり去年のことです。',
    ]).filter((event) => event.kind !== 'publication');
    const at = (line: number) => events.filter((event) => event.line === line).map((event) => [event.date, event.kind]);
    expect(at(3)).toEqual([['2019', 'event'], ['2024', 'event']]);
    expect(at(4)).toEqual([['2022', 'event'], ['2026', 'plan']]);
    expect(at(5)).toEqual([['2024', 'event']]);
  });
});

describe('buildTimeline in spoken narrative and in a post with dated updates', () => {
  it('tells the event of a date said on its own in the sentence after it, once, at the finer date', () => {
    const events = eventsOf('kiki.txt', ['村の聞き書き', '', 'そうさなあ、昭和四十一年の六月だ。裏山が崩れて、田んぼが埋まったんだ。']);
    expect(events.map((event) => [event.line, event.date, event.event])).toEqual([[3, '1966-06', 'そうさなあ、昭和四十一年の六月だ。裏山が崩れて、田んぼが埋まったんだ。']]);
  });

  it('completes a date closing its turn with the sentence before, dates その年の month by the year told turns ago, and drops a count back that only compares', () => {
    const events = eventsOf('hearing.txt', [
      '審理の記録',
      '日時：2024年10月8日',
      '',
      '証人：契約したのは令和4年の3月です。',
      '検察官：それで、どうなりましたか。',
      '証人：最初に100万円、その年の11月にもう100万円払いました。',
      '社長：新店舗の開店日が決まりました。2025年4月1日です。',
      '部長：売上は1年前と比べて2割伸びました。',
      '係長：私は出張なら一度だけ。去年の秋に札幌へ。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date])).toEqual([[4, '2022-03'], [6, '2022-11'], [9, '2023'], [7, '2025-04-01']]);
    expect(events.find((event) => event.line === 7)?.event).toBe('新店舗の開店日が決まりました。2025年4月1日です。');
    expect(events.find((event) => event.line === 9)?.event).toBe('私は出張なら一度だけ。去年の秋に札幌へ。');
  });

  it('leaves out what a class says it does today and its closing thanks, but keeps what was done today', () => {
    const events = eventsOf('class.txt', ['陶芸教室', '日時：2024年6月1日', '', '講師：今日は湯のみを作ります。', '講師：今日は朝から土を練っておきました。', '講師：今日はおつかれさまでした。']);
    expect(events.filter((event) => event.kind !== 'publication').map((event) => event.line)).toEqual([5]);
  });

  it('orders the end of a month after its days, and the end of a year after its months', () => {
    const events = eventsOf('plan.txt', [
      '工程表',
      '',
      '2025年末に全店へ展開します。',
      '2025年2月末に判定会議を開きます。',
      '2025年2月8日に試作品が届きました。',
      '2025年3月に先行公開します。',
      '2025年12月に最終調整をします。',
      '2025年2月25日に再試験をします。',
      '2025年11月に研修を始めます。',
    ]);
    expect(events.map((event) => event.line)).toEqual([5, 8, 4, 6, 9, 7, 3]);
  });

  it('dates an update heading, places its bare months near its date, and leaves the related-posts list out', () => {
    const events = eventsOf('post.md', [
      '# 自宅サーバーを入れ替えた話',
      'By 山田 · 2023-10-02',
      '',
      '9月に古いサーバーを止めました。',
      '',
      '## 追記（2024/6/1）',
      '',
      '5月末にディスクが一台壊れたので交換しました。',
      '',
      '## 勉強会の記録（2024/6/15）',
      '',
      '当日は10人が集まりました。',
      '',
      '## 関連記事',
      '',
      '- 【2022/5/3】サーバーラックを買った話',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date, event.kind])).toEqual([
      [4, '2023-09', 'event'],
      [8, '2024-05', 'event'],
      [6, '2024-06-01', 'event'],
      [10, '2024-06-15', 'event'],
    ]);
  });

  it('keeps the events under a heading that merely starts like a link list (Related work, Recommended settings)', () => {
    const events = eventsOf('paper.md', [
      '# 研究メモ',
      'By 山田 · 2023-10-02',
      '',
      '## Related work',
      '',
      '先行研究は2019年に発表されました。',
      '',
      '## Recommended settings',
      '',
      '2023年4月に設定を見直しました。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date])).toEqual([
      [6, '2019'],
      [10, '2023-04'],
    ]);
  });

  it('dates only its own section by an update heading at the top, and takes no dated heading of a change for an update', () => {
    const events = eventsOf('pc.md', [
      '# PCを買い替えた話',
      '公開日：2023-01-10',
      '',
      '## 追記（2024/5/1）',
      '',
      '先月、新しいモニターも買いました。',
      '',
      '## 経緯',
      '',
      '先月、PCが壊れました。',
      '',
      '## 2020年4月 制度の追加',
      '',
      '先月、申請を出しました。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date, event.kind])).toEqual([
      [12, '2020-04', 'event'],
      [10, '2022-12', 'event'],
      [14, '2022-12', 'event'],
      [6, '2024-04', 'event'],
      [4, '2024-05-01', 'event'],
    ]);
  });
});

describe('buildTimeline, a month counted on from a date told lines before', () => {
  it('takes the year of the date it counts on from, and the next year past December', () => {
    const events = buildTimeline({
      transcripts: [
        parseTranscript('flood.txt', ['水害の話', '', '祖父：', '　1959年9月26日の夜でした。', '　家の中まで水が来ました。', '　みんな屋根に上がりました。', '　三日後の9月29日に、自衛隊の船が来ました。', '', '　1960年12月30日に家を建て直し始めました。', '　大工さんが来てくれました。', '　四日後の1月3日に、棟上げをしました。'].join('\n')),
      ],
      skipped: [],
    }).events;
    expect(events.filter((event) => event.dateText !== '' && /[0-9]月[0-9]+日/u.test(event.dateText) && !/年/u.test(event.dateText)).map((event) => [event.line, event.date])).toEqual([
      [7, '1959-09-29'],
      [11, '1961-01-03'],
    ]);
  });
});

describe('buildTimeline, a record dated only by its header', () => {
  it('dates the text by a labelled date line or a magazine issue, and leaves out the occasion 今日 names', () => {
    const built = buildTimeline({
      transcripts: [
        parseTranscript('kouen.txt', ['防災講演会　記録', '日時：2022年5月13日（金）', '', '司会：', '　今日は消防署から山下さんに来ていただきました。', '　7月1日に新しい訓練が始まります。'].join('\n')),
        parseTranscript('zasshi.txt', ['季刊ふるさと　2023年10月号　特集', '', '新刊は11月20日に出ます。'].join('\n')),
      ],
      skipped: [],
    });
    expect(built.events.filter((event) => event.file === 'kouen.txt').map((event) => [event.line, event.date])).toEqual([
      [2, '2022-05-13'],
      [6, '2022-07-01'],
    ]);
    expect(built.events.filter((event) => event.file === 'zasshi.txt').map((event) => [event.line, event.date])).toEqual([[3, '2023-11-20']]);
  });
});

describe('buildTimeline in a chat export, a script of dated scenes and a header of fields', () => {
  it('dates what a message talks about from its stamp, which is when it was said, not an event', () => {
    const events = eventsOf('chat.txt', [
      '#seminar のエクスポート',
      '',
      '[2024-05-14 21:10] 鈴木: 試験いつだっけ',
      '[2024-05-14 21:11] 佐藤: 5/28（火）の3限。教室はB201',
      '    ↳ スレッドに返信 [2024-05-14 21:22] 高橋: じゃあ5/21の18:30から。場所は図書館',
      '[2024-05-20 23:48] 鈴木: ごめん、まとめは明日の昼までにやる',
      '[2024-05-15 08:13] 高橋: 去年の中間の過去問。',
      '[2024-05-21 20:41] 佐藤: 残りは28日の朝に軽く確認しよ',
    ]);
    expect(events.map((event) => [event.line, event.date])).toEqual([
      [7, '2023'],
      [5, '2024-05-21'],
      [6, '2024-05-21'],
      [4, '2024-05-28'],
      [8, '2024-05-28'],
    ]);
    // Said in a text dated only to a month, a bare day places nothing, not even an undated row.
    expect(eventsOf('memo.txt', ['メモ 2024年5月', '', '残りは28日の朝に確認する。']).filter((event) => event.line === 3)).toEqual([]);
  });

  it('reads a bare day before に as a day of the month in a posted message, and a number of days nowhere', () => {
    const dates = (lines: readonly string[]): Array<[number, string | null]> => eventsOf('talk.txt', lines).map((event) => [event.line, event.date]);
    expect(dates(['#seminar のエクスポート', '', '[2024-05-21 20:41] 佐藤: 28日にもう一回やろ', '[2024-05-21 20:42] 高橋: 合宿は5日にわたって続いた'])).toEqual([[3, '2024-05-28']]);
    // Outside a message, 28日に and a length of days (5日にわたって, 10日まで, 3日から) date nothing.
    expect(dates(['公開日：2024年5月1日', '', '会期は5日にわたって続いた。7日にわたる審議。10日まで休みます。3日から雨が続く。28日に集まる。']).filter(([line]) => line === 3)).toEqual([]);
  });

  it('takes a date with a time for when a line was said only at the head of the line, before its sender', () => {
    const dated = (line: string): Array<[string | null, string]> =>
      eventsOf('notice.txt', ['公開日：2024年5月1日', '', line])
        .filter((event) => event.line === 3 && (event.dateText === '先月' || event.dateText === '明日'))
        .map((event) => [event.date, event.dateText]);
    // Inside a sentence, a date with a time is when the next meeting is: 先月 and 明日 are from the day published.
    expect(dated('次回（2024年6月14日 10:00〜）は、先月の結果と明日の予定を確認します。')).toEqual([
      ['2024-04', '先月'],
      ['2024-05-02', '明日'],
    ]);
    // At the head of a line but with no sender after it, it is no post's stamp either.
    expect(dated('（2024年6月14日 10:00）先月の結果と明日の予定を確認します。')).toEqual([
      ['2024-04', '先月'],
      ['2024-05-02', '明日'],
    ]);
    // Before a sender it is: 【…】 with 年月日 and a weekday as well as an export's [YYYY-MM-DD HH:MM].
    expect(dated('【2024年6月14日(金) 10:00】 佐藤: 先月の結果と明日の予定を確認します。')).toEqual([
      ['2024-05', '先月'],
      ['2024-06-15', '明日'],
    ]);
  });

  it('dates the scenes of a script by their headings, the year from the narration, 同日 from the scene before, and finds a scene by what is said in it', async () => {
    const script = [
      'ラジオドラマ『岬』',
      '',
      'ナレーター「昭和三十四年、九月。小さな岬に、その灯台はあった」',
      '',
      '■シーン1　灯台（九月二十五日・朝）',
      '',
      '野々村「台風十五号が来ます。明日には上陸するでしょう」',
      '',
      '■シーン2　灯台（同日・夜）',
      '',
      '源三「灯は消さん。今夜が山や」',
    ];
    const events = eventsOf('drama.txt', script);
    expect(events.map((event) => [event.line, event.date])).toEqual([
      [3, '1959-09'],
      [5, '1959-09-25'],
      [9, '1959-09-25'],
      [11, '1959-09-25'],
      [7, '1959-09-26'],
    ]);
    // What a host asks the listeners to do tonight is no event.
    expect(eventsOf('radio.txt', ['深夜ラジオ 2024年11月14日', '', '今夜もお電話をお待ちしています。今夜ぜひ地図を見てみてください。']).filter((event) => event.line === 3)).toEqual([]);
    const deps = timelineDeps(stateFrom({ 'drama.txt': script.join('\n') }, analyzer));
    expect(timeline(deps, { page: 1, pageSize: 10, topic: '台風' }).results.map((event) => event.line)).toEqual([5, 7]);
  });

  it('resolves 去年 against a recording date labelled after another field, and takes a stated update for done', () => {
    // The visit itself (本日は…にお邪魔しています) is the occasion, not an event.
    const interview = eventsOf('kissa.txt', ['喫茶店インタビュー', '文字起こし：自動　収録日：2024年2月9日', '', '話者1', '本日は大須の喫茶店にお邪魔しています。', '話者2', 'コーヒーは去年まで400円だったんだわ。']);
    expect(interview.filter((event) => event.kind !== 'publication').map((event) => [event.line, event.date])).toEqual([[7, '2023']]);
    const article = eventsOf('howto.md', ['# ぬか床', '', '公開日：2023年6月1日　更新日：2024年3月10日', '', '塩は130gです。', '', '※2024年3月15日更新：塩の量を120gから130gに変更しました。']);
    // The update in the header's field is a row of its own, beside the publication.
    expect(article.map((event) => [event.line, event.date, event.kind])).toEqual([
      [3, '2023-06-01', 'publication'],
      [3, '2024-03-10', 'event'],
      [7, '2024-03-15', 'event'],
    ]);
  });
});

describe('buildTimeline in a labelled interview', () => {
  it('quotes events without the speaker label, and leaves greetings, the occasion itself, sign-offs and fiscal periods out', () => {
    const events = eventsOf('i.txt', [
      'インタビュー',
      '作成日時: 2025/04/18 14:02',
      '[00:00:05] 佐藤（司会）: 本日はお忙しいところありがとうございます。',
      '[00:00:20] 佐藤（司会）: 本日の司会を務めます、佐藤です。本日はゲストに高橋さんをお迎えしました。',
      '[00:00:40] 佐藤（司会）: 今日は量子コンピュータの話をさせていただきます。',
      '[00:00:50] 佐藤（司会）: 本日は、まず高橋さんより概況をご説明いただきます。2026年3月期の計画も伺います。',
      '[00:01:00] 佐藤（司会）: 本日の説明会で新しいチップが発表されました。',
      '[00:02:10] 高橋（ゲスト）: 2023年3月に理研が国産初の量子コンピュータを公開しました。',
      '[00:05:00] 高橋（ゲスト）: 来年には新しいチップを試作する予定です。',
      '[00:09:00] 佐藤（司会）: じゃあ今日はここまで。ではまた来月。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date, event.kind, event.event])).toEqual([
      [8, '2023-03', 'event', '2023年3月に理研が国産初の量子コンピュータを公開しました。'],
      [7, '2025-04-18', 'event', '本日の説明会で新しいチップが発表されました。'],
      [9, '2026', 'plan', '来年には新しいチップを試作する予定です。'],
    ]);
  });
});

describe('buildTimeline remarks that date nothing', () => {
  it('leaves out 今日 in an undated text, a session that tries something today and a meeting held today', () => {
    const events = eventsOf('v.txt', [
      '日帰り旅行',
      '',
      'はいどうもー、みっちゃんです。今日はな、ちょっと遠出してきました。',
      '昨日、新しい駅ができたらしいで。',
    ]);
    expect(events.map((event) => [event.line, event.date, event.dateText])).toEqual([[4, null, '昨日']]);
    const dated = parseTranscript('w.txt', [
      '説明会の記録',
      '2024年11月16日',
      '今日はな、買うてきた醤油で、しらす丼作ってみよ思います。',
      '本日を含めて3回開催いたします。',
    ].join('\n'));
    expect(buildTimeline({ transcripts: [dated], skipped: [] }).events.filter((event) => event.kind !== 'publication')).toEqual([]);
  });

  it('leaves out a meeting record’s own proceedings on 本日, and keeps what happened at it', () => {
    const events = eventsOf('m.txt', [
      '第2回町議会定例会会議録',
      '令和6年6月12日（水曜日）',
      '議長　ただいまから本日の会議を開きます。',
      '本日の議事日程は、お手元に配付のとおりであります。',
      '議長　以上で本日の日程は全部終了いたしました。',
      '本日はこれにて散会いたします。',
      '本日の会議で補正予算が可決されました。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date])).toEqual([[7, '2024-06-12']]);
  });

  it('cites a date line repeating the document’s date (an agenda’s 開議) on the publication, not as an event', () => {
    const events = eventsOf('m.txt', [
      '第2回町議会定例会会議録',
      '令和6年6月12日（水曜日）',
      '───────────',
      '議事日程（第2号）',
      '　令和6年6月12日（水）午前10時開議',
      '　第1　一般質問',
      '令和6年6月12日に補正予算が可決されました。',
    ]);
    expect(events.map((event) => [event.kind, event.line, event.citations.map((citation) => citation.line)])).toEqual([
      ['publication', 2, [2, 5]],
      ['event', 7, [7]],
    ]);
  });

  it('takes the statement of a sentence that is only a date from the sentence after it', () => {
    const transcript = parseTranscript('d.txt', ['棚田の記録', '放送：2024年10月12日', '十月初め。いよいよ稲刈りの日。'].join('\n'));
    const events = buildTimeline({ transcripts: [transcript], skipped: [] }).events.filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.date, event.part, event.event])).toEqual([['2024-10', 'early', '十月初め。いよいよ稲刈りの日。']]);
  });

  it('keeps a date offered in a question, and leaves out a year passing, the session itself and a bare 今日は', () => {
    const events = eventsOf('s.txt', [
      '勉強会の記録',
      '2025年3月10日',
      '平成31年も半分が過ぎましたね。',
      '今日は機械翻訳の評価方法を扱います。',
      'えー今日はですね',
      'というわけで、本日は評価指標を三つ比べました。',
      'じゃあ次の勉強会、2025/4/19の土曜日とかどう？',
      '2024年はどうなると思いましたか？',
      '今日、新しい論文が公開されました。',
    ]).filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date, event.kind, event.dateText])).toEqual([
      [9, '2025-03-10', 'event', '今日'],
      [7, '2025-04-19', 'plan', '2025/4/19'],
    ]);
  });

  it('leaves out a relative date in a line cut off mid-phrase', () => {
    const transcript = parseTranscript('c.txt', ['勉強会の記録', '2025年3月10日', '今日は駅前のパン屋の', '今日、新しい論文が公開されました。'].join('\n'));
    const events = buildTimeline({ transcripts: [transcript], skipped: [] }).events.filter((event) => event.kind !== 'publication');
    expect(events.map((event) => [event.line, event.date])).toEqual([[4, '2025-03-10']]);
  });
});

describe('buildTimeline relative dates', () => {
  it('counts 3年前 from the document unless its paragraph points back to a year told before', () => {
    const events = eventsOf('r.txt', [
      '研究の話',
      'By Jane Doe · 2024-03-20',
      '2012年、AlexNetが登場した。',
      '3年前にこの研究室に入りました。',
      '2012年、画像認識が変わった。',
      'その3年前から準備はしていた。',
    ]);
    expect(events.find((event) => event.line === 4)?.date).toBe('2021');
    expect(events.find((event) => event.line === 6)?.date).toBe('2009');
  });

  it('counts 5年前 from the document even after another date in its sentence, unless tied to that date', () => {
    const events = eventsOf('s.txt', [
      '銭湯の話',
      'By Jane Doe · 2024-03-20',
      '昭和33年創業のこの銭湯は、5年前、廃業寸前まで追い込まれていました。',
      '1990年に入社し、その5年前に結婚した。',
      '2012年の3年前に研究を始めた。',
      '1990年に入社し、3年後に独立した。',
    ]);
    const at = (line: number) => events.filter((event) => event.line === line).map((event) => event.date);
    expect(at(3)).toEqual(['1958', '2019']);
    expect(at(4)).toEqual(['1985', '1990']);
    expect(at(5)).toEqual(['2009', '2012']);
    expect(at(6)).toEqual(['1990', '1993']);
  });
});

describe('buildTimeline merging', () => {
  it('keeps two events that share a date and a verb, and merges a repost', () => {
    const corpus = {
      transcripts: [
        parseTranscript('e.txt', ['AIの年表', '', '2023年3月にGPT-4が発表された。', '2023年3月にClaudeが発表された。'].join('\n')),
        parseTranscript('f.txt', ['転載', '', '2023年3月にGPT-4が発表された。'].join('\n')),
      ],
      skipped: [],
    };
    const events = buildTimeline(corpus).events.filter((event) => event.date === '2023-03');
    expect(events.map((event) => event.citations.map((citation) => `${citation.file}:${citation.line}`))).toEqual([['e.txt:3', 'f.txt:3'], ['e.txt:4']]);
  });
});

/** The timeline of one transcript read from `lines`. */
function eventsOf(file: string, lines: readonly string[]): ReturnType<typeof buildTimeline>['events'] {
  return buildTimeline({ transcripts: [parseTranscript(file, lines.join('\n'))], skipped: [] }).events;
}

function query(options: Partial<TimelineOptions> = {}): ReturnType<typeof timeline> {
  return timeline({ timeline: built, analyzer, files }, { page: 1, pageSize: 100, ...options });
}

function brief(result: ReturnType<typeof timeline>): string[] {
  return result.results.map((event) => `${event.date ?? 'unresolved'} ${event.kind} ${event.file}:${event.line}`);
}

describe('buildTimeline', () => {
  it('orders every dated event chronologically, undated ones last, with the publication as an event', () => {
    expect(brief(query())).toEqual([
      '2019 event a_article.txt:3',
      '2020 event a_article.txt:5',
      '2023 event a_article.txt:4',
      '2024-03-20 publication a_article.txt:2',
      '2025 prediction a_article.txt:4',
      '2028 plan b_talk.txt:3',
      '2029 prediction b_talk.txt:4',
      'unresolved event b_talk.txt:5',
      'unresolved event c_repost.txt:4',
    ]);
  });

  it('merges the same statement in two files into one event citing both', () => {
    const [event] = query({ from: '2019', to: '2019' }).results;
    expect(event?.citations).toEqual([
      { file: 'a_article.txt', line: 3 },
      { file: 'c_repost.txt', line: 3 },
    ]);
    expect(event).toMatchObject({ date: '2019', precision: 'year', event: 'スリーマイル島の1号炉は2019年まで問題なく動いていた。' });
  });

  it('resolves relative dates against an inferred document date, and says it was inferred', () => {
    expect(built.documents.find((document) => document.file === 'b_talk.txt')).toEqual({ file: 'b_talk.txt', date: '2024', inferred: true, line: 3 });
    const [prediction] = query({ from: '2029' }).results;
    expect(prediction).toMatchObject({ date: '2029', precision: 'year', kind: 'prediction', dateText: '5年後', resolved: { basis: 'document', reference: '2024', inferred: true } });
  });

  it('shows a relative date it cannot resolve as unresolved, not guessed', () => {
    const undated = query().results.filter((event) => event.date === null);
    expect(undated.map((event) => [event.dateText, event.precision])).toEqual([
      ['先月', 'unresolved'], // the document is dated only to a year
      ['昨年', 'unresolved'], // the document has no date at all
    ]);
  });
});

describe('timeline filters', () => {
  it('keeps events overlapping the from/to range, at the bounds’ own precision', () => {
    expect(brief(query({ from: '2024-03', to: '2025' }))).toEqual(['2024-03-20 publication a_article.txt:2', '2025 prediction a_article.txt:4']);
    expect(brief(query({ from: '2024年', to: '2024年12月' }))).toEqual(['2024-03-20 publication a_article.txt:2']);
  });

  it('combines topic, source and dates', () => {
    expect(brief(query({ topic: 'スリーマイル島', source: 'c_' }))).toEqual(['2019 event a_article.txt:3']);
    expect(brief(query({ topic: 'データセンター', from: '2025' }))).toEqual(['2025 prediction a_article.txt:4']);
    expect(query({ topic: 'データセンター', to: '2024' }).total).toBe(0);
  });

  it('leaves out a topic word the material never uses, says so, and still requires the others', () => {
    const inMaterial = (word: string): boolean => word !== '準備';
    const found = timeline({ timeline: built, analyzer, files, inMaterial }, { page: 1, pageSize: 100, topic: 'スリーマイル島の準備' });
    expect(brief(found)).toEqual(brief(query({ topic: 'スリーマイル島' })));
    expect(found.total).toBeGreaterThan(0);
    expect(found.topicWordsLeftOut).toEqual(['準備']);
    // With every word unused nothing matches, and nothing is said to be left out.
    const none = timeline({ timeline: built, analyzer, files, inMaterial: () => false }, { page: 1, pageSize: 100, topic: 'スリーマイル島の準備' });
    expect([none.total, none.topicWordsLeftOut]).toEqual([0, []]);
  });

  it('leaves out only the words no text or title uses, and names them as typed, with the bot’s own deps', () => {
    const state = stateFrom(
      {
        'a.txt': ['米寿のお祝い計画', '', '2024年6月1日に会場を押さえた。'].join('\n'),
        'b.txt': ['町内会だより', '', '2024年7月1日に夏祭りの準備を始めた。'].join('\n'),
      },
      analyzer,
    );
    const deps = timelineDeps(state);
    // 米寿 is only in a title: it is kept, and the summer festival's line does not match it.
    expect(timeline(deps, { page: 1, pageSize: 10, topic: '米寿の準備' }).topicWordsLeftOut).toEqual([]);
    const festival = timeline(deps, { page: 1, pageSize: 10, topic: '夏祭りのスーパーコンピューター' });
    expect(festival.results.map((event) => `${event.file}:${event.line}`)).toEqual(['b.txt:3']);
    expect(festival.topicWordsLeftOut).toEqual(['スーパーコンピューター']);
  });

  it('matches a katakana word of the topic as typed, long vowel and all (スリーマイル)', () => {
    expect(brief(query({ topic: 'スリーマイル 1号炉', source: 'c_' }))).toEqual(['2019 event a_article.txt:3']);
  });

  it('matches a topic typed in another script through the spellings search gives its words', () => {
    const spellings = (topic: string): ReadonlyMap<string, readonly string[]> => new Map(topic === 'Three Mile' ? [['three', ['スリー']], ['mile', ['マイル']]] : []);
    const found = timeline({ timeline: built, analyzer, files, spellings }, { page: 1, pageSize: 100, topic: 'Three Mile' });
    expect(brief(found)).toEqual(['2019 event a_article.txt:3']);
    expect(timeline({ timeline: built, analyzer, files }, { page: 1, pageSize: 100, topic: 'Three Mile' }).total).toBe(0);
  });

  it('matches a topic named elsewhere on the event’s line', () => {
    const corpus: Corpus = {
      transcripts: [parseTranscript('m.txt', ['蔵の話', '', 'うちの蔵は1879年の創業です。初代が酒造りから味噌の方に移ったと聞いています。'].join('\n'))],
      skipped: [],
    };
    const deps = { timeline: buildTimeline(corpus), analyzer, files: ['m.txt'] };
    const lineText = (file: string, line: number): string | undefined => corpus.transcripts.find((transcript) => transcript.file === file)?.lines[line - 1]?.text;
    expect(timeline({ ...deps, lineText }, { page: 1, pageSize: 10, topic: '味噌' }).results.map((event) => event.date)).toEqual(['1879']);
    expect(timeline(deps, { page: 1, pageSize: 10, topic: '味噌' }).total).toBe(0);
  });

  it('matches a topic whose other words the transcript names at its top, and an answer by the question it answers', () => {
    const state = stateFrom(
      {
        'srv.md': ['# 社内サーバーの話', '', 'By 山田 · 2024-03-01', '', '社内の勤怠システム「kintai-x」をクラウドに移す話です。', '', '## 手順', '', '作業は2024年1月に行い、切り替えは1月20日でした。'].join('\n'),
        'kiki.txt': ['村の聞き書き', '', '山崩れのことを教えてください。', 'そら忘れん。昭和四十一年の六月だ。裏山が崩れて、田んぼが埋まったんだ。'].join('\n'),
      },
      analyzer,
    );
    const deps = timelineDeps(state);
    const lines = (topic: string): string[] => [...new Set(timeline(deps, { page: 1, pageSize: 10, topic }).results.map((event) => `${event.file}:${event.line}`))];
    expect(lines('kintai-x 切り替え')).toEqual(['srv.md:9']);
    // A topic the post names at its top as a whole is what the post dates; of several words the post
    // names apart, one must be on the event's own line.
    expect(lines('kintai-x')).toEqual(['srv.md:9', 'srv.md:3']);
    expect(lines('kintai-x 移行')).toEqual([]);
    expect(lines('山崩れ')).toEqual(['kiki.txt:4']);
  });

  it('matches an answer by the question in the paragraph before, across a blank line, and takes no nod for a question', () => {
    const state = stateFrom(
      {
        'kiki.txt': ['村の聞き書き', '', '山崩れのことを教えてください。', '', 'そら忘れん。昭和四十一年の六月だ。裏山が崩れて、田んぼが埋まったんだ。'].join('\n'),
        'nod.txt': ['村の聞き書き', '', '山崩れ、そうですか。', '昭和五十年の春に店を継ぎました。'].join('\n'),
      },
      analyzer,
    );
    const deps = timelineDeps(state);
    const lines = (topic: string): string[] => [...new Set(timeline(deps, { page: 1, pageSize: 10, topic }).results.map((event) => `${event.file}:${event.line}`))];
    expect(lines('山崩れ')).toEqual(['kiki.txt:5']);
  });

  it('matches an answer by a question as /ask reads one: a FAQ\'s Q. line, a question with an afterthought', () => {
    const state = stateFrom(
      {
        'faq.txt': ['よくある質問', '', 'Q. 送料はかかりますか', 'A. 全国一律です。', '', 'Q. ポイントの有効期限', 'A. 2025年3月末までです。'].join('\n'),
        'talk.txt': ['店主に聞く', '', '開店は2010年でした。', '', '常連さんも多いですね。', '', 'この先のご予定はありますか。支店とか。', '', '2026年に駅前に出します。'].join('\n'),
      },
      analyzer,
    );
    const deps = timelineDeps(state);
    const lines = (topic: string): string[] => [...new Set(timeline(deps, { page: 1, pageSize: 10, topic }).results.map((event) => `${event.file}:${event.line}`))];
    expect(lines('ポイント')).toEqual(['faq.txt:7']);
    expect(lines('支店')).toEqual(['talk.txt:9']);
  });

  it('matches a chat reply by the casual question before it (いつだっけ)', () => {
    const chat = [
      '#stat2 のエクスポート（ワークスペース：情報学部2年）',
      '[2024-05-14 21:03] 佐藤: 範囲出たね',
      '[2024-05-14 21:10] 鈴木: 試験いつだっけ',
      '[2024-05-14 21:11] 佐藤: 5/28（火）の3限。教室はB201',
    ].join('\n');
    const deps = timelineDeps(stateFrom({ 'chat.txt': chat }, analyzer));
    expect(timeline(deps, { page: 1, pageSize: 10, topic: '試験' }).results.map((event) => [event.line, event.date])).toEqual([[4, '2024-05-28']]);
  });

  it('matches the dated events of a transcript or section about the topic, though they do not repeat it', () => {
    const state = stateFrom(
      {
        'typhoon.txt': ['伊勢湾台風の記憶', '', '祖母：', '　1959年9月26日の夕方、急に風が強うなってね。', '　家の中まで水が来たとよ。'].join('\n'),
        'town.txt': ['町の歴史', '', '1934年の室戸台風で校舎が倒れました。'].join('\n'),
        'dike.txt': ['堤防の点検', '', '伊勢湾台風のあとに作られた堤防の話です。', '', '2020年に点検しました。'].join('\n'),
        'manga.txt': ['対談', '', '『伊勢湾台風』の作者、森です。', '', '森　2015年に連載を始めました。', '', '森　2001年には『海の歌』を描きました。'].join('\n'),
        'notes.md': ['# 町の記録', '', '## 伊勢湾台風', '', '1959年に堤防が切れた。', '', '## 祭り', '', '1960年に祭りが復活した。'].join('\n'),
      },
      analyzer,
    );
    const deps = timelineDeps(state);
    const lines = (topic: string): string[] => [...new Set(timeline(deps, { page: 1, pageSize: 10, topic }).results.map((event) => `${event.file}:${event.line}`))];
    // The lead quoting it as a name (a work's title) makes the text about it; naming it in passing does
    // not, nor does it for a line naming another work. Not another typhoon's year (台風 alone), nor another section's.
    expect(lines('伊勢湾台風')).toEqual(['notes.md:5', 'typhoon.txt:4', 'manga.txt:5']);
  });

  it('pages through the events and clamps a page past the end', () => {
    const first = query({ pageSize: 4 });
    const last = query({ pageSize: 4, page: 99 });
    expect([first.total, first.pageCount, first.results.length]).toEqual([9, 3, 4]);
    expect([last.page, last.results.length]).toEqual([3, 1]);
  });

  it.each([
    [{ from: 'きのう' }, 'bad_date'],
    [{ from: '2025', to: '2024' }, 'bad_date_range'],
    [{ source: 'zzz' }, 'unknown_file'],
    [{ topic: 'あ'.repeat(101) }, 'query_too_long'],
    [{ page: 0 }, 'bad_option'],
  ])('refuses %j with %s', (options, code) => {
    expect(() => query(options)).toThrow(expect.objectContaining({ code }) as UserError);
  });
});
