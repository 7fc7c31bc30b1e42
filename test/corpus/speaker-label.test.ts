import { describe, expect, it } from 'vitest';
import { labelLength, readLabel, standingLabel, TITLED_NAME, unbulletedLabels } from '../../src/corpus/speaker-label.js';

const read = (text: string): Pick<NonNullable<ReturnType<typeof readLabel>>, 'name' | 'role' | 'shape'> | null => {
  const found = readLabel(text.normalize('NFKC'));
  return found === null ? null : { name: found.name, role: found.role, shape: found.shape };
};

describe('readLabel', () => {
  it.each([
    // A chat export: the sender after a stamp with the day, a reply in a thread after its marker.
    ['[2024-05-14 21:03] 佐藤: おつかれ〜。範囲出たね', { name: '佐藤', role: null, shape: 'chat' }],
    // A message log's stamp with 年月日 and the weekday.
    ['【2024年5月14日(火) 21:03】 佐藤: おつかれ', { name: '佐藤', role: null, shape: 'chat' }],
    ['    ↳ スレッドに返信 [2024-05-14 21:20] 鈴木 健太: 火曜は4限まであるから', { name: '鈴木 健太', role: null, shape: 'chat' }],
    ['[2024-05-14 21:16] みさきち: やろやろ！', { name: 'みさきち', role: null, shape: 'chat' }],
    // A messaging app's saved talk: time, sender and message parted by tabs.
    ['21:03\t佐藤\tおつかれ〜', { name: '佐藤', role: null, shape: 'chat' }],
    ['21:04\tみさきち\t了解！', { name: 'みさきち', role: null, shape: 'chat' }],
    // A display name with a pictograph: the name is what a user can type.
    ['20:19\tあや🍓\t行く行く！', { name: 'あや', role: null, shape: 'chat' }],
    // The app's own notice, with no sender column: no one's words.
    ['11:02\tShunがメッセージの送信を取り消しました', { name: '', role: null, shape: 'none' }],
    ['19:50\tママがアルバム「昔の写真」を作成しました。', { name: '', role: null, shape: 'none' }],
    // A transcription tool's label and time, alone or before the words.
    ['話者2  00:15', { name: '話者2', role: null, shape: 'label' }],
    ['Speaker 1  0:03', { name: 'Speaker 1', role: null, shape: 'label' }],
    ['話者2  00:15 おう、野口じゃ。', { name: '話者2', role: null, shape: 'label' }],
    // A script's name, with a stage direction or without, before the quoted words: a label where it recurs.
    ['源三（笑って）「毎晩聞かなあかんのや。」', { name: '源三', role: null, shape: 'script' }],
    ['ハル「拭いた拭いた」', { name: 'ハル', role: null, shape: 'script' }],
    // Words that run on to the next line.
    ['源三「沖にはまだ浜田の船が出とるんや。', { name: '源三', role: null, shape: 'script' }],
    // A news caption: the name before the honorific, its role before it; a word for people is the part.
    ['〈みなと市長　山田一郎さん〉', { name: '山田一郎', role: 'みなと市長', shape: 'chat' }],
    ['〈山川町　防災担当　木下 亮さん〉', { name: '木下 亮', role: '山川町 防災担当', shape: 'chat' }],
    ['〈市民〉', { name: '市民', role: '市民', shape: 'chat' }],
    ['〈市民〉 「毎朝の通勤が…」', { name: '市民', role: '市民', shape: 'chat' }],
    // The audience asking, lettered: a label of its own.
    ['会場A：ネット販売を始めるとき、いちばん苦労されたことは何でしたか。', { name: '会場A', role: null, shape: 'label' }],
    // A script's cue for sound or music: a label, but no one's words.
    ['SE　エンジンのかかる音。低いうなり', { name: 'SE', role: null, shape: 'none' }],
    ['M　テーマ曲、IN。', { name: 'M', role: null, shape: 'none' }],
    // A stream's time stamp before a name set in bold, the colon inside the bold.
    ['[00:02:03] **Mara Lindqvist:** Hello, Osaka!', { name: 'Mara Lindqvist', role: null, shape: 'label' }],
    ['[01:12] **三浦:** 始めます。', { name: '三浦', role: null, shape: 'label' }],
    // A WebVTT cue's voice tag names who speaks the cue: a part (教員) or a name, with a class or without.
    ['<v 教員>では出席を取ります。', { name: '教員', role: null, shape: 'label' }],
    ['<v 助手>資料を配ります。', { name: '助手', role: null, shape: 'label' }],
    ['<v.loud 講師>静かに。</v>', { name: '講師', role: '講師', shape: 'label' }],
    ['<v 青木 誠>はい、わかりました。', { name: '青木 誠', role: null, shape: 'label' }],
    // A name with a title, however long the two make the label: a kanji family name, a katakana name, a post
    // named after the body it heads.
    ['佐久間副部長：来週の予定を確認します。', { name: '佐久間副部長', role: null, shape: 'label' }],
    ['オルセン副会長：賛成です。', { name: 'オルセン副会長', role: null, shape: 'label' }],
    ['チャン広報委員長：写真は今週中に集めます。', { name: 'チャン広報委員長', role: null, shape: 'label' }],
    // An officer of a body before the person in brackets: the person speaks, the post is their role.
    ['会計（北村）：今月の支出は二万円です。', { name: '北村', role: '会計', shape: 'label' }],
    ['書記（松浦）：前回の記録を読みます。', { name: '松浦', role: '書記', shape: 'label' }],
    // A list item that opens with a name and a title: minutes list what each one said.
    ['- 石倉校長：運動会は予定どおりです。', { name: '石倉校長', role: null, shape: 'label' }],
    ['・羽田教頭：雨天の案も用意します。', { name: '羽田教頭', role: null, shape: 'label' }],
    // A label in brackets before the colon (an interview's questioner, unnamed): the bracketed word.
    ['（記者）：第四局に向けて。', { name: '記者', role: null, shape: 'label' }],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    // A schedule's time after a word, with words after it.
    ['田中 10:00 集合'],
    // A quoted title after a number, not a name.
    ['第一回「嵐の前」'],
    // A common noun that introduces a title: no one's name, though shaped like a script's.
    ['映画「君の名は。」'],
    ['特集「丸の内の今」'],
    ['新曲「夜明けのうた」'],
    // A line that quotes but goes on after the quotation.
    ['ハル「そうや」と言った。'],
    ['東京「丸の内」エリアでは再開発が進む。'],
    // Angle brackets round a word in a sentence.
    ['〈わたし〉とは何か'],
    // A subtitle cue's timing.
    ['00:00:01,000 --> 00:00:04,000'],
    // An English line that opens with a letter.
    ['M and A is what they call it.'],
    // A clause before the colon, a title inside it: no name and title.
    ['今日の議題は副会長の選出について：'],
    // A list item that opens with a time, not a name.
    ['- 10:30 受付開始'],
    // A field of the minutes as a list item: a word before the colon, no name with a title.
    ['- 議題：夏祭りの予算'],
    ['- 決定：十五万円'],
    ['- 議題：テント'],
    ['- 決定：四張り'],
    ['- 担当：山田'],
    ['- 期限：来月末'],
    ['- 今日：晴れ'],
    ['・ポイント：ここ'],
    ['- 市長選：現職が出馬'],
    ['- Q：何？'],
    // A closing bracket nothing opened.
    ['記者）：第四局に向けて。'],
  ])('reads no label in %j', (text) => {
    expect(read(text)).toBeNull();
  });

  it('reads a list item\'s label where the text labels the same name without the mark', () => {
    const minutes = ['北村：会計報告です。', '- 北村：通帳の写しも添えます。', '・松浦：記録は来週配ります。', '松浦：以上です。', '- 議題：テント'];
    const unbulleted = unbulletedLabels(minutes);
    expect([...unbulleted]).toEqual(['北村', '松浦']);
    const found = minutes.map((text) => readLabel(text.normalize('NFKC'), unbulleted)?.name ?? null);
    expect(found).toEqual(['北村', '北村', '松浦', '松浦', null]);
    // Read alone, a list item's plain name vouches for nothing.
    expect(readLabel('- 北村：通帳の写しも添えます。')).toBeNull();
  });

  it('starts a script line at its quotation, after the name and the stage direction', () => {
    const text = '源三（笑って）「毎晩聞かなあかんのや」';
    expect(text.slice(labelLength(text))).toBe('「毎晩聞かなあかんのや」');
    const bold = '[00:02:03] **Mara Lindqvist:** Hello, Osaka!';
    expect(bold.slice(labelLength(bold))).toBe('Hello, Osaka!');
    const cue = '<v 教員>では出席を取ります。';
    expect(cue.slice(labelLength(cue))).toBe('では出席を取ります。');
  });
});

describe('TITLED_NAME', () => {
  // A family name may begin as a word that scopes a post does (本田, 新井, 各務): only that word alone before the post is none.
  it.each(['石倉校長', '羽田教頭', '藤堂副会長', 'ハーパー副会長', 'リー文化委員長', '佐久間副部長', '本田部長', '新井課長', '各務会長'])('takes %j for a name with a title', (label) => {
    expect(TITLED_NAME.test(label)).toBe(true);
  });

  // 代表 is a team or a body as often as a title (日本代表), and a bare 委員 after a word (本日委員) names no one;
  // nor does a word that says which post is meant (全体会長, 各部長, 歴代会長, 新会長), not whose.
  it.each(['日本代表', '本日委員', '市民代表', '全体会長', '各部長', '歴代会長', '新会長'])('takes %j for no name with a title', (label) => {
    expect(TITLED_NAME.test(label)).toBe(false);
  });
});

describe('standingLabel', () => {
  it.each([
    ['話者2  00:15', { name: '話者2', part: true, caption: false }],
    ['〈みなと市長　山田一郎さん〉', { name: '山田一郎', part: true, caption: true }],
    ['〈山川町の住民〉', { name: '山川町の住民', part: true, caption: true }],
    // A name alone is a label only where it recurs, which the reader counts.
    ['田中  03:10', { name: '田中', part: false, caption: false }],
    // A part on air is a part, in a caption or before a transcription tool's time.
    ['〈解説〉', { name: '解説', part: true, caption: true }],
    ['アナウンサー  00:15', { name: 'アナウンサー', part: true, caption: false }],
  ])('reads %j as a label standing alone', (text, expected) => {
    expect(standingLabel(text)).toEqual(expected);
  });

  it('reads no standing label where words follow the label', () => {
    expect(standingLabel('話者2  00:15 はいはい')).toBeNull();
    expect(standingLabel('〈市民〉「助かります。」')).toBeNull();
    expect(standingLabel('佐藤: はい')).toBeNull();
  });
});
