import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { asks } from '../../src/features/answer-lines.js';
import { ask } from '../../src/features/ask.js';
import { MAX_QUERY_LENGTH } from '../../src/features/query-text.js';
import { UserError } from '../../src/features/user-error.js';
import { realAnalyzer } from '../support/analyzer.js';
import { SAMPLE_FILES, stateFrom } from '../support/state.js';

let state: AppState;
beforeAll(async () => {
  state = stateFrom(SAMPLE_FILES, await realAnalyzer());
});

/** A corpus of one file with the lines given. */
const oneFile = (file: string, ...lines: string[]): AppState => stateFrom({ [file]: lines.join('\n') }, state.retriever.analyzer);

/** A press conference's Q&A: the lines given, then the reporter's thanks. */
const pressConference = (...lines: string[]): AppState => oneFile('press.txt', '決算記者会見', '', ...lines, '記者：ありがとうございます。');

/**
 * Everyday lines after a short fixture's own, so that its words are as rare as in real material (in a
 * corpus of five lines, a word in four of them is pruned as common).
 */
const EVERYDAY = [
  '今日はいい天気ですね。',
  '駅前の商店街は朝から賑わっていた。',
  '来月には新しい図書館もできるそうだ。',
  '犬の散歩は毎朝六時に行く。',
  '昼ごはんはカレーにしよう。',
  '電車が少し遅れているらしい。',
  '週末は家族で公園に出かけた。',
  '冷たい麦茶がおいしい季節になった。',
  '隣の家の猫がまた庭に来ている。',
  '夜は星がよく見えた。',
  '新しい靴を買ったけれど、まだ履いていない。',
  'スーパーで卵が安かった。',
  '雨の日は本を読んで過ごす。',
  '子どもたちが川で遊んでいる。',
  '朝のコーヒーが一日の始まりだ。',
  '祖母から手紙が届いた。',
  '自転車のタイヤに空気を入れた。',
  '窓を開けると風が気持ちいい。',
  '友だちと映画を見に行く約束をした。',
  '庭のトマトが赤くなってきた。',
];
const withEveryday = (file: string, title: string, ...lines: string[]): AppState => oneFile(file, title, '', ...lines, '', ...EVERYDAY);

/** A documentary's narration about a village: the title, a blank line, then the lines given. */
const documentary = (...lines: string[]): AppState => oneFile('doc.txt', '棚田の村', '', ...lines);

describe('ask', () => {
  it('answers with the cited line when the material holds the answer', () => {
    const result = ask(state, { question: 'マイクロソフトは何年間電力を買いますか', limit: 3 });
    expect(result.answered).toBe(true);
    expect(result.results[0]).toMatchObject({ file: 'a_narration.txt', line: 4, title: '電力会社の話やで' });
  });

  it('prefers an excerpt with a number when asked how many', () => {
    const result = ask(state, { question: '研究室の学生は何人?', limit: 3 });
    expect(result.questionType).toBe('quantity');
    expect(result.results[0]?.line).toBe(5);
  });

  it('answers with the line after an interviewer’s question that matches, not with the question', () => {
    const interview = oneFile(
      'talk.txt',
      '研究者との対談',
      '',
      '司会: 最後に、量子コンピューターの実用化はいつ頃になりそうですか?',
      '田中: 正直なところ、2030年代の半ばやと思うわ。',
      '司会: ありがとうございました。',
    );
    const result = ask(interview, { question: '量子コンピューターはいつ実用化される?', limit: 3 });
    expect(result.results.map((item) => item.line)).toEqual([4, 3]);
    expect(result.answered).toBe(true);
  });

  it('takes a request or a full-width question mark as the interviewer asking', () => {
    const interview = oneFile(
      'export.txt',
      'インタビュー',
      '',
      '[00:00:18] 佐藤（司会）: まず、量子コンピュータに興味を持ったきっかけを教えてください。',
      '[00:00:25] 高橋（ゲスト）: 大学3年のときに、講義録を読んだのが始まりです。',
      '[00:01:02] 佐藤（司会）: 表面符号、というのは。',
      '[00:01:06] 高橋（ゲスト）: 量子ビットを格子状に並べて、隣同士のパリティを測る方式です。',
      '[00:02:00] 佐藤（司会）: 日本の量子コンピュータの研究はどうですか？',
      '[00:02:06] 高橋（ゲスト）: 層は厚いほうです。大学も企業も力を入れています。',
    );
    const first = (question: string): number | undefined => ask(interview, { question, limit: 3 }).results[0]?.line;
    expect(first('量子コンピュータに興味を持ったきっかけは?')).toBe(4);
    expect(first('表面符号というのは何ですか')).toBe(6);
    expect(first('日本の量子コンピュータ研究の状況は?')).toBe(8);
  });

  it('takes a question word with a conjectural ending as asking (「…どういう病気なんでしょう。」)', () => {
    const interview = oneFile(
      'farm.txt',
      '稲作の話',
      '',
      '聞き手: 特に怖いのはどの病気ですか。',
      '農家: 白葉枯病ですね。',
      '聞き手: 白葉枯病というのは、どういう病気なんでしょう。',
      '農家: 細菌が葉の傷から入って、葉が白く枯れていく病気です。',
    );
    expect(ask(interview, { question: '白葉枯病はどんな病気ですか', limit: 3 }).results[0]?.line).toBe(6);
  });

  it('answers what a term is with the line about that term, not the answer to another question that names it', () => {
    const panel = oneFile(
      'miso.txt',
      '味噌のトークセッション',
      '',
      'うちは寒造りにこだわっています。',
      '寒造り、というのは?',
      '寒造りというのは、冬の寒い時期に仕込んで、一年かけて熟成させる造り方のことです。',
      '三年も寝かせるものもあります。',
      '栄養の面から見て、寒造りと速醸造りで違いはあるんでしょうか。',
      'そうですね、成分の面では、熟成が長いほど色素が増えることが分かっています。',
    );
    const result = ask(panel, { question: '寒造りとは?', limit: 3 });
    expect(result.questionType).toBe('definition');
    expect(result.results[0]?.line).toBe(5);
  });

  it('does not answer what a person’s attribute is with a line that only names the person', () => {
    const panel = oneFile(
      'guests.txt',
      'トークセッション',
      '',
      'まず、創業百年を超える山中酒造の五代目、山中健一さんです。',
      'もうお一人は、栄養士の川口まどかさんです。',
      '川口さんの出身地は青森で、りんご畑に囲まれて育ったそうです。',
    );
    const answer = (question: string): { answered: boolean; line: number | undefined } => {
      const result = ask(panel, { question, limit: 3 });
      return { answered: result.answered, line: result.results[0]?.line };
    };
    expect(answer('栄養士の川口まどかさんの年齢はいくつですか')).toEqual({ answered: false, line: 4 });
    expect(answer('川口まどかさんの出身地はどこですか')).toEqual({ answered: true, line: 5 });
  });

  it('answers when with a line under a heading that dates it, though the line says no date itself', () => {
    const drama = withEveryday(
      'drama.txt',
      'ラジオドラマ「岬の灯」',
      '■シーン2　浜辺（九月二十五日・朝）',
      'ハル「お父ちゃん、今日は波が高いね」',
      '■シーン3　灯台（九月二十六日・昼）',
      '野々村「台風十五号は今夜、この岬のすぐそばに上陸します。ここにいるのは危険です」',
    );
    const result = ask(drama, { question: '台風が上陸したのは何月何日？', limit: 3 });
    expect(result.results[0]?.line).toBe(6);
    expect(result.answered).toBe(true);
  });

  it('answers a person’s age from a cast list that writes the name with a space and the age in brackets', () => {
    const drama = withEveryday('drama.txt', 'ラジオドラマ「岬の灯」', '【登場人物】', '岬 ハル（17）……灯台守の娘', '野々村 修一（29）……中央気象台の技師', '', '野々村「中央気象台の野々村といいます。」');
    const result = ask(drama, { question: '野々村修一は何歳？', limit: 3 });
    expect(result.results[0]?.line).toBe(5);
    expect(result.answered).toBe(true);
  });

  it('answers how much with the line under the one that matches, when only that line has the number', () => {
    const dialogue = (price: string): AppState =>
      stateFrom(
        {
          'radio.txt': [
            'ラジオ書き起こし',
            '',
            'ケンジ：でな、お腹すいたから湯豆腐食べようと思てん。',
            'アユミ：ええやん、京都いうたら湯豆腐やもんな。',
            `ケンジ：${price}`,
            'アユミ：高っ！豆腐やで？',
          ].join('\n'),
        },
        state.retriever.analyzer,
      );
    const priced = ask(dialogue('一人前三千八百円やってん。'), { question: '京都の湯豆腐はいくらでしたか', limit: 3 });
    expect(priced.results[0]?.line).toBe(5);
    expect(priced.answered).toBe(true);
    // No number under it: the line that matches stays first.
    const unpriced = ask(dialogue('めっちゃ高かってん。'), { question: '京都の湯豆腐はいくらでしたか', limit: 3 });
    expect(unpriced.results[0]?.line).toBe(4);
  });

  it('answers why with the reply to a follow-up question about the line, not with a reply to another matter', () => {
    const lesson = (followUp: string): AppState =>
      withEveryday(
        'class.txt',
        '料理教室',
        '山根：今日は親子丼を作ります。',
        '田中：よろしくお願いします。',
        '山根：卵は二回に分けて入れます。一回目は全体に、二回目は真ん中に。',
        `田中：${followUp}`,
        '山根：一回目の卵が土台になって、二回目の卵が半熟のまま残るからです。',
        '田中：なるほど。',
      );
    const question = '親子丼で卵を二回に分けて入れるのはなぜ？';
    expect(ask(lesson('二回に分けるのはなんでですか。'), { question, limit: 3 }).results[0]?.line).toBe(7);
    // A question on something else, or asking something else of the same eggs: its reply is no reason for the line above.
    expect(ask(lesson('鍋はどこで買えますか。'), { question, limit: 3 }).results[0]?.line).toBe(5);
    expect(ask(lesson('その卵はどこで買ってるんですか。'), { question, limit: 3 }).results[0]?.line).toBe(5);
  });

  it('answers with the line two under the one that matches when the same voice goes on between, not across another voice', () => {
    const shop = (between: string): AppState =>
      documentary(
        '次は、東大阪の「ぎょうざの鶴丸」さん。去年、店の前に自販機を一台置いたんやって。',
        between,
        'よう売れるんは夜の十時から十二時やって。仕事帰りの人が買うていくらしい。',
        ...EVERYDAY,
      );
    const question = 'ぎょうざの鶴丸の自販機は、どの時間帯によく売れますか';
    expect(ask(shop('店主さんいわく、自販機の一番人気は生餃子の三十個入りやって。'), { question, limit: 3 }).results[0]?.line).toBe(5);
    // Not through a line on another matter: the answer two lines on is then about that.
    expect(ask(shop('話は変わるけど、うちの息子が大学に入ってん。'), { question, limit: 3 }).results[0]?.line).toBe(3);
    // Another voice's turn between: the narration's line stays first.
    const interrupted = withEveryday(
      'talk.txt',
      '対談',
      '森下：次は、東大阪の「ぎょうざの鶴丸」さん。去年、店の前に自販機を一台置いたんやって。',
      '岸本：へえ、そうなんや。ほんまに？',
      '森下：よう売れるんは夜の十時から十二時やって。仕事帰りの人が買うていくらしい。',
    );
    expect(ask(interrupted, { question, limit: 3 }).results[0]?.line).toBe(3);
  });

  it('answers why with the line that gives the reason, the one under the statement too', () => {
    const lesson = stateFrom(
      {
        'class.txt': [
          '料理教室',
          '',
          '講師：親子丼は卵を二回に分けて入れます。',
          '講師：一回目でしっかり火を通して、二回目は半熟で止めるからです。',
          '講師：ご飯は少し硬めに炊いておきます。',
          '講師：このお店は去年、駅前から商店街に移りました。',
          '講師：家賃が半分になったんで、広いキッチンが借りられたんです。',
        ].join('\n'),
      },
      state.retriever.analyzer,
    );
    const eggs = ask(lesson, { question: '親子丼で卵を二回に分けて入れるのはなぜ？', limit: 3 });
    expect(eggs.questionType).toBe('reason');
    expect(eggs.results[0]?.line).toBe(4);
    // The statement matches the question; the reason is the next line, which shares none of its words.
    expect(ask(lesson, { question: 'お店はどうして商店街に移ったの？', limit: 3 }).results[0]?.line).toBe(7);
  });

  it('answers until when with the line that sets an end, not the one that says when something began', () => {
    const advice = oneFile(
      'advice.txt',
      '法律相談',
      '',
      '弁護士：相続登記の申請は、2024年4月1日から義務になりました。',
      '弁護士：前に相続した土地なら、2027年3月31日までに済ませれば大丈夫です。',
    );
    const result = ask(advice, { question: '相続登記の申請はいつまでにすればいい？', limit: 3 });
    expect(result.results[0]?.line).toBe(4);
    // Asked when it began, the first date is the answer.
    expect(ask(advice, { question: '相続登記の申請はいつから義務になった？', limit: 3 }).results[0]?.line).toBe(3);
  });

  it('answers what time with a line that says a time of day, and not with a date alone', () => {
    const quake = oneFile(
      'talk.txt',
      '語り部の話',
      '',
      '語り部：最初の揺れは4月14日、本震は16日でした。本震のほうが大きかったです。',
      '語り部：二日後の夜中、1時25分に、もっと大きな揺れが来ました。',
    );
    const result = ask(quake, { question: '本震は何時に来たの？', limit: 3 });
    expect(result.results[0]?.line).toBe(4);
    // Only dates in the material: the day is not the time asked for.
    const dated = oneFile('talk2.txt', '語り部の話', '', '語り部：本震は16日でした。本震のほうが大きかったです。');
    expect(ask(dated, { question: '本震は何時に来たの？', limit: 3 }).answered).toBe(false);
  });

  it('takes a time of day alone as the answer to a what-time question', () => {
    const handover = oneFile('handover.txt', '申し送り', '', '三上：青木さんの酸素の値、記録を見たら2時40分に88%まで下がっていました。', ...EVERYDAY);
    const result = ask(handover, { question: '青木さんの酸素の値が下がったのは何時ですか', limit: 3 });
    expect(result.results[0]?.line).toBe(3);
    expect(result.answered).toBe(true);
  });

  it('puts a correction above the figure it corrects', () => {
    const review = oneFile(
      'review.txt',
      'カメラレビュー',
      '',
      '重さは約710gです。',
      'バッテリーは一日もちました。',
      '※訂正：重さは約710gではなく、正しくは約690gです。',
    );
    expect(ask(review, { question: '重さは何グラム？', limit: 3 }).results[0]?.line).toBe(5);
  });

  it('puts a later line that takes a value back (the old value, a word of change, a new value) above the line that said it', () => {
    const viewing = oneFile(
      'viewing.txt',
      '内見メモ',
      '',
      '田所：駐車場は敷地内に四台分あって、月五千五百円です。',
      '私：車が一台あるので、お願いします。',
      ...EVERYDAY,
      '【メモ】田所さんから電話。駐車場代、五千五百円って言ってたのは間違いで、月六千五百円とのこと。',
    );
    const fee = ask(viewing, { question: '駐車場は月にいくらですか', limit: 3 });
    expect(fee.results.slice(0, 2).map((item) => item.line)).toEqual([EVERYDAY.length + 5, 3]);
    const handover = oneFile(
      'handover.txt',
      '申し送り',
      '',
      '三上：青木さん、SpO2が夜中1回、3時に88まで下がって、体位を変えたら戻りました。',
      '藤代：了解です。',
      ...EVERYDAY,
      '三上：すみません、一個あります。青木さんの、3時って言いましたけど、記録見たら2時40分でした。',
    );
    expect(ask(handover, { question: '青木さんのSpO2が下がったのは何時ですか', limit: 3 }).results[0]?.line).toBe(EVERYDAY.length + 5);
    // The value said again with no new one is no correction: the line that said it stays first.
    const again = oneFile('again.txt', '申し送り', '', '三上：青木さんのSpO2は3時に88まで下がりました。', ...EVERYDAY, '三上：予定は変更なしで、青木さんは3時に回診です。');
    expect(ask(again, { question: '青木さんのSpO2が下がったのは何時ですか', limit: 3 }).results[0]?.line).toBe(3);
  });

  it('does not mark a when or how-many question answered by a line without a date or a number', () => {
    const village = documentary('十年前、この村に一組の夫婦が移住してきた。', '大阪生まれの中村翔さんと、妻の美咲さんだ。', '二人は空き家を借りて、米作りを始めた。');
    const born = ask(village, { question: '中村翔さんは何年生まれですか', limit: 3 });
    expect(born.results[0]?.line).toBe(4);
    expect(born.answered).toBe(false);
    // A number of years is a number: 「何年前」 is answered by 「十年前」.
    expect(ask(village, { question: '夫婦が移住してきたのは何年前ですか', limit: 3 }).answered).toBe(true);
    // A count in another unit is no answer: 「何歳」 is not answered by 「十年前」.
    expect(ask(village, { question: '移住してきた夫婦は何歳ですか', limit: 3 }).answered).toBe(false);
  });

  it('does not mark a what-is-it-called question answered by a line that never names one, nor a how-many question by a count in no unit asked', () => {
    const blog = withEveryday('blog.md', '銭湯の一年', 'ボイラーの入れ替えには三百八十万円かかりました。半分は市の補助金、残りは信用金庫からの借入です。', '柏木さんの本『眠りは貯金できない』は、かなり話題になりました。');
    const scheme = ask(blog, { question: 'ボイラーの入れ替えに使った市の補助金は、何という制度ですか', limit: 3 });
    expect(scheme.results[0]?.line).toBe(3);
    expect(scheme.answered).toBe(false);
    const named = withEveryday('blog.md', '銭湯の一年', 'ボイラーの入れ替えには、市の「省エネ設備更新支援」という補助金を使いました。');
    expect(ask(named, { question: 'ボイラーの入れ替えに使った市の補助金は、何という制度ですか', limit: 3 }).answered).toBe(true);
    // 何部 counts copies: a line about the book with no number of 部 does not say how many sold.
    expect(ask(blog, { question: '柏木さんの本『眠りは貯金できない』は何部売れましたか', limit: 3 }).answered).toBe(false);
  });

  it('takes a line holding the number asked for, with enough of the question’s words, as an answer however it is worded', () => {
    const village = documentary(
      '集落では十年前から新しい制度を始めた。',
      '都会の人は年会費三万円を払い、田んぼ一枚のオーナーになって田植えと稲刈りに参加する。',
      '参加者の中には、毎年家族で通う人も多い。',
      '秋には新米が届く。',
      '村の人口は減り続けている。',
    );
    const fee = ask(village, { question: '棚田のオーナーになるには年にいくら払う必要がありますか', limit: 3 });
    expect(fee.results[0]?.line).toBe(4);
    expect(fee.answered).toBe(true);
  });

  it('answers how long or how many with a count, not with the date or clock time a line also gives', () => {
    const news = withEveryday(
      'news.txt',
      'ゆうがたニュース',
      'アナウンサー　5月20日、月曜日のニュースです。湾岸部と中心部を結ぶ大橋が、きょう午後3時に開通しました。',
      '（ナレーション）これまで車でおよそ40分かかっていましたが、15分ほどに短縮される見込みです。',
    );
    expect(ask(news, { question: '大橋ができて、湾岸部から中心部までの時間はどれくらい短くなる？', limit: 3 }).results[0]?.line).toBe(4);
  });

  it('does not answer about one numbered part (第2話) with a line about another (第1話)', () => {
    const commentary = withEveryday('commentary.txt', 'オーディオコメンタリー 第1話', '監督：第1話の放送が2023年4月8日だったので、4月4日に納品ですね。');
    expect(ask(commentary, { question: '第1話の放送日はいつでしたか？', limit: 3 }).answered).toBe(true);
    expect(ask(commentary, { question: '第2話の放送日はいつでしたか？', limit: 3 }).answered).toBe(false);
  });

  it('does not take a chat message’s posting stamp for the date a when-question asks', () => {
    const chat = withEveryday(
      'chat.txt',
      '統計学Ⅱ勉強会のチャット記録',
      '[2024-05-14 21:03] 佐藤: 統計学の中間、範囲出たね',
      '[2024-05-14 21:10] 鈴木: 試験いつだっけ',
      '[2024-05-14 21:12] 佐藤: 5/28（火）の3限、B201だよ',
    );
    const when = ask(chat, { question: '中間試験はいつ？', limit: 3 });
    expect(when.results[0]?.line).toBe(5);
  });

  it('answers who a nickname is with the line that says so, not with lines that only use it', () => {
    const chat = withEveryday(
      'chat.txt',
      '統計学Ⅱ勉強会のチャット記録',
      '佐藤：みさきち、資料ありがとう！',
      '田中美咲：あ、表示名変えた！みさきち＝田中です、よろしく',
      '鈴木：みさきち、来週もよろしく！',
    );
    const who = ask(chat, { question: 'みさきちって誰のこと？', limit: 3 });
    expect(who.results[0]?.line).toBe(4);
    expect(who.answered).toBe(true);
  });

  it('takes a FAQ’s 「Q.」 line as the question and answers with its 「A.」', () => {
    const faq = withEveryday(
      'faq.md',
      'ぬか床の手入れ',
      '## よくある質問',
      'Q. 旅行で何日か家を空けるときはどうすればいいですか',
      'A. 留守にするときは、ぬか床を冷蔵庫に入れておけば1週間ほど大丈夫です。',
      'Q. 長期の旅行で、何日もぬか床を混ぜられません。',
      'A. 表面に塩をふって冷蔵庫に入れれば、2週間ほどもちます。',
    );
    expect(ask(faq, { question: '長期の旅行でぬか床を混ぜられないときは？', limit: 3 }).results[0]?.line).toBe(7);
  });

  it('takes an instruction to the audience (「…注意してください。」) for an answer, and a request to tell or a council question (「…伺います。」) for a question', () => {
    const webinar = oneFile(
      'webinar.txt',
      'インボイス制度ウェビナー',
      '',
      '小野寺：それから「2割特例」。これは本当に大事です。',
      '小野寺：この2割特例は2026年9月30日を含む課税期間までが対象です。期限があるので注意してください。',
      '西村：なるほど、ありがとうございます。',
    );
    expect(ask(webinar, { question: '2割特例はいつまで使えますか', limit: 3 }).results[0]?.line).toBe(4);
    expect(asks('期限があるので注意してください。')).toBe(false);
    expect(asks('この仕事を始めたきっかけを教えてください。')).toBe(true);
    // A council member's question: 「…のか、伺います。」「…市長の見解を求めます。」
    expect(asks('拡張の計画はあるのか、伺います。')).toBe(true);
    expect(asks('この点について市長の見解を求めます。')).toBe(true);
  });

  it('reads a question with a short afterthought (「…ご予定はありますか。2号店とか。」) as a question, and answers with the line after it', () => {
    const talk = oneFile(
      'talk.txt',
      '老舗の商い',
      '',
      '橋本：うちの店は昭和27年に祖父が始めました。',
      '会場B：今後、お店を広げるご予定はありますか。2号店とか。',
      '橋本：それがな、よう聞かれるんですけど、出しません。目の届く範囲でやるのが一番ですわ。',
    );
    expect(ask(talk, { question: 'お店を広げる予定はありますか', limit: 3 }).results[0]?.line).toBe(5);
    expect(asks('価格はどうですか？たとえば送料なんか。')).toBe(true);
    // A council member's 「…どれくらいあるのか。」 asks; 「そうだったのか。」 does not.
    expect(asks('大西委員：耐用年数の50年を超えた管路はどれくらいあるのか。')).toBe(true);
    expect(asks('そうだったのか。')).toBe(false);
    // 「…だっけ」 asks with a question word; without one it recalls.
    expect(asks('[2024-05-14 21:10] 鈴木: 試験いつだっけ')).toBe(true);
    expect(asks('めしの支度だけでも大変で、おっかあ、いっつもごしゃいでたっけ。')).toBe(false);
    // A statement that ends with an example is no question.
    expect(asks('鰹節とか昆布とか、いろいろ使うてます。出汁とか。')).toBe(false);
    // An interviewer's question cut short after its object asks; a statement with 何 in it does not.
    expect(asks('──戦後はどんなお仕事を。')).toBe(true);
    expect(asks('それで、ご出身はどこで。')).toBe(true);
    expect(asks('何でも自分でやるんですよ、ここでは。')).toBe(false);
    expect(asks('毎朝、近所の人に何か声をかけて、畑の仕事をしながら一日を過ごしているんですよ、この村では。')).toBe(false);
  });

  it('answers a question handed on (「…からお答えします。」) with the line after the handover', () => {
    const conference = pressConference(
      '記者：自主回収の件ですが、回収数と費用を教えてください。',
      '高橋：CFOの高橋からお答えします。',
      '高橋：回収対象は約42万パックで、関連費用は約6億円です。',
    );
    const result = ask(conference, { question: '自主回収の回収数と費用を教えて', limit: 3 });
    expect(result.results[0]?.line).toBe(5);
  });

  it('answers a question the moderator passes on by name (「じゃあこれはEmilyさん。」) with the line after', () => {
    const panel = oneFile(
      'panel.md',
      'パネル討論',
      '',
      '参加者：小さいスタートアップで、SREは一人しかいないんですが、何から始めればいいですか。',
      '佐々木：じゃあこれはEmilyさん。',
      'エミリー：まずSLOを決めることです。何を守りたいか決めないと、何を観測すればいいかわからない。',
      '佐々木：ありがとうございます。',
    );
    expect(ask(panel, { question: 'SREが一人しかいない会社は何から始めればいい？', limit: 3 }).results[0]?.line).toBe(5);
  });

  it('takes a number from the same speaker’s next line even when it ends like a question (「…70点くらいでしょうか。」)', () => {
    const conference = pressConference(
      '記者：今回の決算に点数をつけるとしたら何点でしょうか。',
      '佐藤：うーん、難しいですね。',
      '佐藤：売上は頑張りましたが、回収の件がありましたので、70点くらいでしょうか。',
    );
    const result = ask(conference, { question: '今回の決算に点数をつけると何点ですか', limit: 3 });
    expect(result.results[0]?.line).toBe(5);
  });

  it('answers with the line an announcement leads to, above the announcement itself', () => {
    const talk = oneFile(
      'story.txt',
      '創業の話',
      '',
      '会社を始めたとき、最初の大きなアイデアが2つあってん。今から説明するわ。',
      '1つ目は教師なし学習で、圧縮を通じて世界を理解することやった。',
      'ほんで、そのあとは資金集めに苦労したんや。',
    );
    const result = ask(talk, { question: '最初の大きなアイデアは何でしたか', limit: 3 });
    expect(result.results.map((item) => item.line).slice(0, 2)).toEqual([4, 3]);
  });

  it('keeps a line that explains before it announces (「…改めて説明します。」) above the line after it', () => {
    const minutes = withEveryday(
      'minutes.md',
      '自治会 役員会 記録',
      '広報：回覧板の件です。回覧板というのは、毎月第2月曜日の朝9時から夕方5時までに班長さんが次の家へ回すお知らせのことです。転入された方から質問が多いので、改めて説明します。',
      '広報：昨年度は12の班で延べ300回ほど回しました。今年度は班を10に減らして回したいと考えています。',
    );
    const result = ask(minutes, { question: '回覧板は何時から何時までに回すのですか', limit: 3 });
    expect(result.results[0]?.line).toBe(3);
  });

  it('answers with the line after a question its speaker puts to themselves (「…どこに保存するのか。」)', () => {
    const lecture = withEveryday(
      'lecture.txt',
      '情報倫理 第3回',
      '司会：では山田先生、お願いします。',
      '山田：アンケートで集めた回答は、どこに、どれくらいの期間保存するのか。',
      '山田：答えは学内のサーバーで、卒業まで保管したあと消去します。',
      '司会：ありがとうございました。',
    );
    const result = ask(lecture, { question: 'アンケートの回答はどこに保存するの？', limit: 3 });
    expect(result.results.map((item) => item.line).slice(0, 2)).toEqual([5, 4]);
  });

  it('takes a day, not a year, for the date 「何月何日」 asks', () => {
    const chat = withEveryday(
      'chat.txt',
      '家族のグループ',
      '母：おじいちゃんが今年で喜寿なので、喜寿のお祝いをしたいと思っています。',
      '兄：候補はいくつかあるけど、みんなの都合はどう？',
      '母：じゃあ喜寿のお祝いは6月14日の土曜日で決まり！',
    );
    const result = ask(chat, { question: '喜寿のお祝いは何月何日にやるの？', limit: 3 });
    expect(result.results[0]?.line).toBe(5);
    expect(result.answered).toBe(true);
    const yearOnly = withEveryday('chat.txt', '家族のグループ', '母：おじいちゃんが今年で喜寿なので、喜寿のお祝いをしたいと思っています。');
    expect(ask(yearOnly, { question: '喜寿のお祝いは何月何日にやるの？', limit: 3 }).answered).toBe(false);
  });

  it('does not take a polite 「…のでしょうか。」 for a question put to oneself: the interviewer’s next remark is no answer', () => {
    const interview = withEveryday(
      'interview.txt',
      '社長インタビュー',
      '司会：では山田先生、お願いします。',
      '山田：新工場の建設費は、どのように回収するのでしょうか。',
      '山田：読者からも同じ質問が多く届いています。',
      '田中：十年かけて、新工場の販売の増加で回収する計画です。',
      '司会：ありがとうございました。',
    );
    const result = ask(interview, { question: '新工場の建設費はどう回収するの？', limit: 3 });
    // Line 5 is the interviewer going on, not an answer: it must not be lifted above the answer (line 6).
    const lines = result.results.map((item) => item.line);
    expect(lines).toContain(6);
    expect(lines.includes(5) ? lines.indexOf(5) > lines.indexOf(6) : true).toBe(true);
  });

  it('searches a question for its content, not for the verb that frames it (「…って提案してる？」)', () => {
    const meeting = withEveryday(
      'meeting.txt',
      '町内会の記録',
      '寄付金について、会長が新しいやり方を提案しています。提案の細かいところは来月決めます。会長の提案です。',
      '集めた寄付金は、公民館の屋根の修理に使いたいです。',
    );
    const result = ask(meeting, { question: '会長は集めた寄付金を何に使おうって提案してる？', limit: 3 });
    expect(result.results[0]?.line).toBe(4);
  });

  it('does not take a length of time for the date a when-question asks (「創業140年を超える」 is no founding date)', () => {
    const shop = withEveryday('shop.txt', '老舗めぐり', '案内人：今日は創業140年を超える味噌蔵、竹内味噌醸造を訪ねます。', '職人：仕込みは冬の寒い時期にやります。');
    const result = ask(shop, { question: '竹内味噌醸造はいつ創業しましたか', limit: 3 });
    expect(result.results[0]?.line).toBe(3);
    expect(result.answered).toBe(false);
    const later = withEveryday('shop.txt', '老舗めぐり', '案内人：今日は竹内味噌醸造を訪ねます。創業したのは今から140年前です。');
    expect(ask(later, { question: '竹内味噌醸造はいつ創業しましたか', limit: 3 }).answered).toBe(true);
  });

  it('does not answer about one thing with the same attribute of another (期末試験の範囲 is not 中間試験の範囲)', () => {
    const chat = withEveryday('chat.txt', '勉強会メモ', '佐藤：中間試験の範囲は第1章から第4章までです。', '鈴木：了解、ありがとう。');
    expect(ask(chat, { question: '期末試験の範囲は？', limit: 3 }).answered).toBe(false);
    expect(ask(chat, { question: '中間試験の範囲は？', limit: 3 }).answered).toBe(true);
    // A transcript whose title names the thing need not repeat it in the line.
    const notes = withEveryday('notes.txt', '期末試験の連絡', '佐藤：範囲は第1章から第4章までです。', '鈴木：了解、ありがとう。');
    expect(ask(notes, { question: '期末試験の範囲は？', limit: 3 }).answered).toBe(true);
  });

  it('says it has no answer instead of presenting a guess', () => {
    const result = ask(state, { question: '富士山の標高は何メートルですか', limit: 3 });
    expect(result.answered).toBe(false);
  });

  it('says it has no answer when only a minor word matches', () => {
    const result = ask(state, { question: 'トヨタの社員は何人いますか', limit: 3 });
    expect(result.answered).toBe(false);
  });

  it('shows the spellings it searched as for a Latin name', () => {
    const result = ask(state, { question: 'Who is Altman?', limit: 3 });
    expect(result.searchedAs).toContain('アルトマン');
    expect(result.results[0]?.line).toBe(3);
  });

  it.each([
    ['', 'empty_query'],
    ['   \u200b\u200b  ', 'empty_query'],
    ['!!!???。。。', 'no_searchable_words'],
    ['🎉🔥👍', 'no_searchable_words'],
    ['あ'.repeat(MAX_QUERY_LENGTH + 1), 'query_too_long'],
  ])('refuses %j with %s', (question, code) => {
    expect(() => ask(state, { question, limit: 3 })).toThrow(UserError);
    try {
      ask(state, { question, limit: 3 });
    } catch (error) {
      expect(error instanceof UserError ? error.code : null).toBe(code);
    }
  });

  it('survives control and zero-width characters inside a real question', () => {
    const result = ask(state, { question: '原子\u200b力\u0000発電所', limit: 3 });
    expect(result.results.length).toBeGreaterThan(0);
  });

  it('searches a question for its words, not for the mentions and formatting marks around them', () => {
    const plain = ask(state, { question: 'マイクロソフトは何年間電力を買いますか', limit: 3 });
    const noisy = ask(state, { question: '<@123456> @everyone <@&42> **マイクロソフト**は`何年間`電力を買いますか <:think:99>', limit: 3 });
    expect(noisy.question).toContain('@everyone');
    expect(noisy.answered).toBe(plain.answered);
    expect(noisy.results.map((item) => item.line)).toEqual(plain.results.map((item) => item.line));
    expect(() => ask(state, { question: '@everyone <@123>', limit: 3 })).toThrow(UserError);
  });

  it('handles a 5,000-character query as a clear refusal, not a crash', () => {
    expect(() => ask(state, { question: '原子力'.repeat(1700), limit: 3 })).toThrow(UserError);
  });
});
