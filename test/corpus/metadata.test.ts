import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/corpus/boilerplate.js';
import { dateAtEnd, findDate } from '../../src/corpus/find-date.js';
import { findSpeakers } from '../../src/corpus/find-speakers.js';
import { isPlaceField, isUpdateField, readMetadataLine, readSiteByline } from '../../src/corpus/read-metadata.js';

describe('readMetadataLine', () => {
  it.each([
    // Byline with a middle dot and an ISO date.
    ['By David Shapiro · 2024-03-20', 'David Shapiro', '2024-03-20'],
    // "Updated by … on <English date>, <time> <zone>": the time and zone are ignored.
    ['Updated by Ryo Shimizu on December 15, 2024, 17:04 pm JST', 'Ryo Shimizu', '2024-12-15'],
    // A job title after a comma is not part of the name.
    ['By Jane Doe, Staff Writer', 'Jane Doe', null],
    // Japanese byline labels.
    ['文:山田太郎', '山田太郎', null],
    ['著者:セバスチャン・ラシュカ', 'セバスチャン・ラシュカ', null],
    // A role in brackets after the name is not part of it.
    ['文:佐藤 健太郎(科学ジャーナリスト)', '佐藤 健太郎', null],
    ['By Jane Doe (Staff Writer)', 'Jane Doe', null],
    // A date line alone, in each written form.
    ['2024.12.15', null, '2024-12-15'],
    ['2024年3月20日 12:34', null, '2024-03-20'],
    ['2024年3月20日　12:34', null, '2024-03-20'],
    ['公開日:2024/3/20', null, '2024-03-20'],
    ['Posted on 15 December 2024', null, '2024-12-15'],
    ['2024.12.15 更新', null, '2024-12-15'],
    // A month or a year is kept at the precision stated.
    ['2023年3月', null, '2023-03'],
    ['2024年', null, '2024'],
    // Several fields on one line; the crew named in a header.
    ['収録日:2024年6月12日 / 聞き手:編集部', null, '2024-06-12'],
    ['文:山田太郎 | 2024.3.1', '山田太郎', '2024-03-01'],
    // A dateline with the place of the recording.
    ['2023年11月3日 市民文化ホール 小ホールにて', null, '2023-11-03'],
    // A weekday, a time range and a second field after a full-width space; a note after the date.
    ['開催日時：2024年11月8日（金）16:00〜17:00　形式：オンライン（Zoomウェビナー）', null, '2024-11-08'],
    ['収録日：2024年10月21日　※学生アルバイトによる書き起こし。聞き取れない箇所は（不明）としています。', null, '2024-10-21'],
    // Any label for a day (授業日, 期日, 放映日) with a time in words: 深夜, 午後, a school period, a bare weekday.
    ['放映日：2023年7月2日（日）深夜0:30〜1:00', null, '2023-07-02'],
    ['授業日：2022年6月9日（木）3校時', null, '2022-06-09'],
    // Fields parted by a run of full-width spaces.
    ['実施日：2022年9月3日（土）2限　　場所：北校舎 第一実験室', null, '2022-09-03'],
    ['例会日：2021年10月3日 日曜 午後', null, '2021-10-03'],
    // The year in both calendars, and the date restated in brackets.
    ['収録日：平成30年（2018年）4月7日（土）午前', null, '2018-04-07'],
    ['期日：令和4年2月1日（2022年2月1日）午前9時30分', null, '2022-02-01'],
    // A full-width slash between fields, a slash inside a byline's brackets, a last update after the date.
    ['公開日：2021年5月6日（木）／収録：2021年4月28日', null, '2021-05-06'],
    ['書いた人：大森 葵（@aoi_o / 編集部）　公開日：2022/8/1　最終更新：2022/9/3', '大森 葵', '2022-08-01'],
    // A release date in brackets, with what was released.
    ['（2024年9月配信・文字起こし／自動文字起こしを手直ししたものです）', null, '2024-09'],
    // A lecturer named with their title and faculty.
    ['担当：森田 恵介 准教授（情報理工学部）', '森田 恵介', null],
    // A broadcast date with its time of day in words; a date and then a field; the person who took notes.
    ['放送日：2024年11月8日（金）深夜1時〜', null, '2024-11-08'],
    ['2025/4/22 担当：岡田准教授（情報科学研究科）', '岡田', '2025-04-22'],
    ['記録：TA 松本', null, null],
    // A header written as a Markdown list; a note in brackets after a field or a date; a venue beside a date.
    ['- 日時：2024/09/21（土）20:00〜21:30', null, '2024-09-21'],
    ['- 記録：ゆず（文字起こしツールの出力を手で直しています。聞き取れなかった所は［不明］）', null, null],
    ['開催日時：2025年2月18日(火) 19:00-20:15（Zoom ウェビナー）', null, '2025-02-18'],
    ['2024年11月2日（土）　富山県民会館　主催：富山湾海洋研究コンソーシアム', null, '2024-11-02'],
    ['文：広報担当 林', '林', null],
    // A broadcast line with its producer; an era date with a time range in words; a start time alone.
    ['放送：2024年10月12日（土）　制作：北信テレビ', null, '2024-10-12'],
    ['日時：令和6年11月16日（土）午前10時〜11時30分', null, '2024-11-16'],
    ['開催日：2024年6月20日（木）19:00〜　会場：渋谷某所＋YouTube Live', null, '2024-06-20'],
    // A transcription tool's field, then the day of the recording after a full-width space, then a note.
    ['文字起こし：自動（話者分離あり）　収録日：2024年2月9日　※固有名詞など一部未修正', null, '2024-02-09'],
    ['Duration: 00:45:12', null, null],
    // A byline's job written as a word of its own before the name.
    ['文・写真：台所研究家 小川みどり', '小川みどり', null],
  ])('reads %j', (line, author, date) => {
    expect(readMetadataLine(line)).toEqual({ author, date, speakers: [] });
  });

  it('tells a line that says only where from other header fields', () => {
    expect(isPlaceField('会場：北町コミュニティセンター 2階和室')).toBe(true);
    expect(isPlaceField('- 収録場所：市民ホール')).toBe(true);
    expect(isPlaceField('日時：2023年6月10日　会場：市民ホール')).toBe(false);
    expect(isPlaceField('場所はどこですか。')).toBe(false);
  });

  it('tells a line giving only the day of the last update, a fact a reader may ask for', () => {
    expect(isUpdateField('更新日：2024年3月15日')).toBe(true);
    expect(isUpdateField('- 最終更新：2022/9/3')).toBe(true);
    expect(isUpdateField('Last updated: 2024-03-15')).toBe(true);
    expect(isUpdateField('公開日：2023年6月1日')).toBe(false);
    expect(isUpdateField('公開日：2022/8/1　最終更新：2022/9/3')).toBe(false);
    expect(isUpdateField('Updated by Ryo Shimizu on December 15, 2024')).toBe(false);
    expect(isUpdateField('更新のお知らせは毎週です。')).toBe(false);
  });

  it('takes a labelled sentence for speech, not a byline (「講師：…保存するのか。」)', () => {
    expect(readMetadataLine('講師：アンケートの回答は、どこに保存するのか。')).toBeNull();
    expect(readMetadataLine('記者：では、次の質問です！')).toBeNull();
  });

  it('takes no birthday or deadline for the date of the text', () => {
    expect(readMetadataLine('誕生日：1990年4月1日')?.date ?? null).toBeNull();
    expect(readMetadataLine('締切日：2024年5月31日')?.date ?? null).toBeNull();
    expect(readMetadataLine('次回開催日：2024年6月1日')?.date ?? null).toBeNull();
    expect(readMetadataLine('応募締切日：2024年5月31日')?.date ?? null).toBeNull();
    expect(readMetadataLine('今日：2024年4月1日')?.date ?? null).toBeNull();
    expect(readMetadataLine('放送日：2024年4月1日')?.date).toBe('2024-04-01');
  });

  it('reads a list of attendees with roles in brackets, a bracket holding a comma', () => {
    expect(readMetadataLine('出席者：山口（営業部長）、ハン（デザイン担当、外部）、松井（記録）')?.speakers).toEqual(['山口(営業部長)', 'ハン(デザイン担当、外部)', '松井(記録)']);
  });

  it('reads a list of speakers without their job titles', () => {
    expect(readMetadataLine('登壇者：代表取締役社長CEO 山本 健一／取締役CFO 佐々木 美和／執行役員 プロダクト本部長 David Chen')?.speakers).toEqual([
      '山本 健一',
      '佐々木 美和',
      'David Chen',
    ]);
  });

  it('reads a listed speaker without the company named between their titles', () => {
    expect(readMetadataLine('登壇者：税理士 黒田 恵／司会 ミライ研究所 広報 三村 健')?.speakers).toEqual(['黒田 恵', '三村 健']);
  });

  it('reads a lecturer and an assistant on one line as two fields, not as one name', () => {
    expect(readMetadataLine('講師：山根 かおり（料理研究家）　アシスタント：村井')).toEqual({ author: '山根 かおり', date: null, speakers: ['村井'] });
  });

  it('reads the people a head count lists in brackets', () => {
    expect(readMetadataLine('- 参加：4名（ハル、まっつん、ゆず、ケン）')?.speakers).toEqual(['ハル', 'まっつん', 'ゆず', 'ケン']);
  });

  it('reads an attendance line without its units, titles and head counts', () => {
    expect(readMetadataLine('出席：市側　交通政策課長 森田、交通政策課 主査 石井、住民 約40名')?.speakers).toEqual(['森田', '石井']);
  });

  it('keeps a katakana name joined by ＝ whole, and a family name ending in 部 as a name', () => {
    expect(readMetadataLine('出演：ジャン＝ポール・ルノワール、大西健太＝ニシやん')?.speakers).toEqual(['ジャン=ポール・ルノワール', '大西健太']);
    expect(readMetadataLine('出演：阿部 真理、広報部 石井')?.speakers).toEqual(['阿部 真理', '石井']);
  });

  it('reads the members of a group with their roles in brackets as the speakers', () => {
    expect(readMetadataLine('出演：たこやきパンチ（ボケ：山本ケンジ／ツッコミ：西川アユミ）')?.speakers).toEqual(['山本ケンジ', '西川アユミ']);
  });

  it('reads a note-style byline, the author then the publication, and nothing else of that shape', () => {
    expect(readSiteByline('Haruka｜ゆるっと朝活ラジオ')).toEqual({ author: 'Haruka', date: null, speakers: [] });
    expect(readSiteByline('今日はキャンプの話をします。｜第17回')).toBeNull();
  });

  it('reads a list of speakers', () => {
    expect(readMetadataLine('ゲスト:サム・アルトマン、ジェンセン・ファン')).toEqual({
      author: null,
      date: null,
      speakers: ['サム・アルトマン', 'ジェンセン・ファン'],
    });
  });

  it.each([
    // A sentence that mentions a year is content, not a date line.
    ['2024年のAIは大きく変わった'],
    // A sentence that starts with "By" is not a byline.
    ['By the way, I think this is great'],
    // A title is not metadata just because it ends with a date.
    ['イリヤ・サツキーバーとジェンセン・ファンとの炉辺談話 - 現在のAIと未来のビジョン 2023年3月'],
    // An impossible date.
    ['2024.13.45'],
    // Parts that are not all fields make no field line; a sentence with a place is content.
    ['収録日:2024年6月12日 / 今日はドローンの話です'],
    ['2023年11月3日に市民文化ホールで講演した'],
    // A labelled line of speech whose label is also a byline label.
    ['記者：自主回収の件ですが、回収数と費用を教えてください。'],
    ['参加者：小さいスタートアップで、SREは一人しかいないんですが、何から始めればいいですか。'],
    // A sentence that opens with a date is not a date and a field.
    ['2025/4/22 今日は形態素解析の話です'],
    ['2025年5月14日 新工場が稼働しました。'],
  ])('returns null for %j', (line) => {
    expect(readMetadataLine(line)).toBeNull();
  });
});

describe('findDate', () => {
  it.each([
    // Abbreviated month with a full stop and an ordinal.
    ['Dec. 5th, 2023', '2023-12-05'],
    // Full-width digits are folded (NFKC).
    ['２０２４年１２月１５日', '2024-12-15'],
    // Month and year only.
    ['March 2024', '2024-03'],
    ['2024-03', '2024-03'],
    // Japanese eras, 元年 their first year.
    ['令和6年11月16日（土）', '2024-11-16'],
    ['平成元年4月', '1989-04'],
  ])('reads %j', (text, date) => {
    expect(findDate(text)?.date).toBe(date);
  });
});

describe('dateAtEnd', () => {
  it.each([
    // A title ending in a year and month gives the month.
    ['イリヤ・サツキーバーとジェンセン・ファンとの炉辺談話 - 現在のAIと未来のビジョン 2023年3月', '2023-03'],
    // A bracketed full date at the end.
    ['AIの未来(2024-03-20)', '2024-03-20'],
    // A bare year at the end is more often the subject than the date.
    ['AIの未来 2030年', null],
    // A date in the middle of a title is not its publication date.
    ['2023年3月のAIニュースまとめ', null],
  ])('reads %j', (title, date) => {
    expect(dateAtEnd(title)).toBe(date);
  });
});

describe('findSpeakers', () => {
  it.each([
    // 「XとYとの炉辺談話」
    ['イリヤ・サツキーバーとジェンセン・ファンとの炉辺談話 - 現在のAIと未来のビジョン 2023年3月', ['イリヤ・サツキーバー', 'ジェンセン・ファン']],
    // 「…のAとBが…語る」, with a few words between the names and the verb.
    ['機械学習研究者のセバスチャン・ラシュカとネイサン・ランバートが詳細に語る議論である。', ['セバスチャン・ラシュカ', 'ネイサン・ランバート']],
    // Kanji names need an honorific, which is dropped.
    ['田中氏と鈴木氏の対談', ['田中', '鈴木']],
    // 「A × B」 with a talk word.
    ['サム・アルトマン × ジェンセン・ファン 特別対談', ['サム・アルトマン', 'ジェンセン・ファン']],
    // One named guest.
    ['サム・アルトマン氏インタビュー', ['サム・アルトマン']],
    // Topics joined by と are not people (no middle dot, no honorific).
    ['経済と政治の対話', []],
    ['ディープラーニングとニューラルネットワークの対話', []],
    // A name without a talk word is not a speaker: this narration only mentions Sam Altman.
    ['途中でサム・アルトマンが出てきて、O1について話したんや。', []],
  ])('finds the speakers in %j', (text, speakers) => {
    expect(findSpeakers(text)).toEqual(speakers);
  });
});

describe('isBoilerplate', () => {
  it.each([
    // note.com character counts, with and without a thousands separator.
    ['5,497 文字', true],
    ['約3200文字', true],
    ['〔１番　佐藤花子君登壇〕〔拍手〕', true],
    ['　　　　午前１１時４２分散会', true],
    ['====', true],
    ['───────────', true],
    ['850文字', true],
    // Header-image alt text.
    ['見出し画像', true],
    // note.com support and tip prompts.
    ['この記事が気に入ったらサポートをしてみませんか?', true],
    ['いいなと思ったら応援しよう!', true],
    // Newsletter sign-up.
    ['おすすめ記事と編集部のお知らせをお送りします。(毎週月曜日配信)', true],
    ['メルマガ登録はこちら', true],
    // A trailing comment button.
    ['コメント', true],
    // A bare subscribe request.
    ['チャンネル登録と高評価よろしくお願いします!', true],
    // Hashtags only.
    ['#AI #ChatGPT', true],
    // A Markdown image and a separator on lines of their own.
    ['![見出し画像](https://example.com/header.png)', true],
    ['---', true],
    ['――――――', true],
    // A narrator's closing line that also carries content stays.
    ['ほな、これで終わりや。最後まで聞いてくれてありがとう。えらいで!チャンネル登録してくれたり、いいねボタン押してくれたりしたら嬉しいな。YouTubeのアルゴリズムにええコンテンツやって教えてあげるんや。ほな、また近いうちに会おな!', false],
    // A sponsor read inside the talk is speech.
    ['サポートしていただける方は、説明欄のスポンサーをご確認ください。', false],
    // A sign-up button glued to the author's biography is content.
    ['登録はこちら新潟県長岡市生まれ。1990年代よりプログラマーとしてゲーム業界に関わる。', false],
    // A sentence about comments or newsletters is content.
    ['コメント欄でおもろい議論があってん。', false],
    ['ニュースレターの登録者数は10万人を超えた。', false],
    // Subtitle-file leftovers: cue numbers, cue timings, bare timestamps.
    ['12', true],
    ['00:00:01,000 --> 00:00:04,000', true],
    ['[00:12:34]', true],
    // A timestamped line of speech is content.
    ['00:12 こんにちは、今日はAIの話をします。', false],
    // A markdown heading is not a hashtag line.
    ['# AIの未来', false],
    // Stage directions on a line of their own; a speaker label or a link is not one.
    ['[拍手]', true],
    ['[質問者の声、マイクなしで聞き取れず]', true],
    ['（会場笑い）', true],
    ['〔音声不明瞭〕', true],
    ['【田中】', false],
    ['（2024年9月配信）', false],
    ['[記事はこちら](https://example.com/a)', false],
    // Marked advertisements, editors' notes, share buttons, link lists, comment counters.
    ['【広告】宇宙ビジネスの最新動向がわかる無料セミナー、受付中', true],
    ['[PR] 話題のガジェットを今すぐチェック', true],
    ['※2025年2月15日 9:00 日本法人の設立時期について一部表現を修正しました。', true],
    ['【訂正】初出時、社名に誤りがありました。', true],
    // A note that says what changed states facts of the text: a figure, a second sentence.
    ['※2024年3月15日更新：塩の量を120gから130gに変更しました。手順7にぬかの足し方を追記しました。', false],
    ['※2024年3月15日 塩の量を130gに修正しました。', false],
    // A chat export's reaction counters under a message.
    ['    :+1: 5  :eyes: 1', true],
    [':scream: 2', true],
    ['この記事をシェアする', true],
    ['関連記事:月面着陸船、2度目の挑戦へ/衛星コンステレーションは夜空を変えるか', true],
    ['コメント(12)', true],
    ['このページを共有する：[Facebook] [はてなブックマーク] [Pocket]', true],
    ['❤ スキ 52　💬 コメント 3', true],
    // A post's tags and its neighbours.
    ['タグ：#家庭菜園 #ミニトマト', true],
    ['前の記事：ベランダでバジルを育てる', true],
    // Cues of a programme: a jingle, a break for adverts.
    ['♪ジングル（「朝のまちかど」）', true],
    ['――ここでCM――', true],
    ['（BGM）', true],
    ['CMのあとは、天気予報です。', false],
    // A reply of one word is speech, not a counter.
    ['いいね！', false],
    // Copyright and reprint notices, contact lines.
    ['この文字起こしは受講生の学習用です。無断転載を禁じます。', true],
    ['本記事の無断転載・複製を禁止します', true],
    ['お問い合わせ：株式会社ヒカリ IR室 ir@example.co.jp', true],
    ['問い合わせ先は広報部までお願いします。私たちも驚きました。', false],
    // Speech about an advertisement or a correction is content.
    ['広告の出し方を変えたら売上が伸びたんです。', false],
    ['※ここからは個人の感想です。', false],
  ])('classifies %j as boilerplate: %s', (line, expected) => {
    expect(isBoilerplate(line)).toBe(expected);
  });
});
