import { describe, expect, it } from 'vitest';
import { askedAttribute, askedKind, askedName, askedOwner, asksClockTime, asksDay, asksUntilWhen, countedAnswer, definedTerm, hasAnswerShape, identifies, namesKind, namesOtherPart, placesInTime, questionType, states, withoutReportingFrame } from '../../src/features/question-type.js';

describe('questionType', () => {
  it.each([
    ['GPT-4が出たのはいつ?', 'time'],
    ['When did OpenAI release GPT-4?', 'time'],
    ['研究室の学生は何人?', 'quantity'],
    ['休みは何曜日ですか', 'time'],
    // How many years something takes is a count; the year something happened is a date.
    ['話し合いは何年ぐらいでまとめることになっていますか', 'quantity'],
    ['工事には何年かかりましたか', 'quantity'],
    // So is how many hours or days; 何時 alone asks for a time of day.
    ['大豆は水に何時間浸ければいいですか', 'quantity'],
    ['入院は何日間ですか', 'quantity'],
    ['集合は何時ですか', 'time'],
    ['何年間続きましたか', 'quantity'],
    ['浪花昆布はしもとは何年に創業しましたか', 'time'],
    // Kansai: 「なんぼ」 is how much.
    ['このたこ焼き、なんぼしたん？', 'quantity'],
    ['社長は自己採点で何点をつけましたか', 'quantity'],
    ['What share of the staff signed the letter?', 'quantity'],
    ['社員の何割が署名しましたか', 'quantity'],
    ['署名した社員の割合は?', 'quantity'],
    // Less common counters ask how many too; 何部 only for copies (何部に入ってる? asks which club).
    ['その本は何部売れましたか', 'quantity'],
    ['何か国に輸出していますか', 'quantity'],
    ['ラーメンを何杯食べたの', 'quantity'],
    ['高校では何部に入ってたの？', 'other'],
    // 何か + a word is no count: 国際, 所得.
    ['この映画は何か国際的な賞を取りましたか', 'other'],
    ['何か所得制限はありますか', 'other'],
    ['何か国語話せますか', 'quantity'],
    // 何 + any one-kanji unit counts; 何色, 何語, 何学部 ask which; 何度も is "many times".
    ['合計何皿のカレーを出しましたか', 'quantity'],
    ['作業時間は何秒増えましたか', 'quantity'],
    ['何色が好きですか', 'other'],
    ['何語で話しましたか', 'other'],
    ['同じ言葉を何度も繰り返すと何と呼ばれる現象が起きますか', 'other'],
    // 時間帯 asks a time only as 「どの時間帯」.
    ['料金は時間帯によって変わりますか', 'other'],
    ['AlexNetを作ったのは誰?', 'person'],
    ['なぜ原発を再稼働するのか', 'reason'],
    ['なんで堺に火ぃつけたんや', 'reason'],
    ['試験管を傾けるのはどうして？', 'reason'],
    ['決済遅延は何が原因でしたか', 'reason'],
    ['客が倍になった理由として、店主は何を挙げていますか', 'reason'],
    ['自主回収の原因は何だったのですか', 'reason'],
    ['Why did they change the colour?', 'reason'],
    ['何でできていますか', 'other'],
    ['好きな食べ物はなんですか', 'other'],
    ['この数字はなんでしょう', 'other'],
    ['LLMってなんですか', 'definition'],
    // 「ことは」 holds とは, 「誰も」 is nobody: neither asks what X is or who.
    ['車中泊をするときに気をつけることは？', 'other'],
    ['公募に誰も応募しなかったらどうなるの？', 'other'],
    ['天然醸造とは?', 'definition'],
    ['「麹」って何?', 'definition'],
    ['What is a mesh network?', 'definition'],
    ['What does RLHF mean?', 'definition'],
  ])('%s asks for a %s', (question, type) => {
    expect(questionType(question)).toBe(type);
  });

  it('does not take 精一杯 for a count', () => {
    expect(hasAnswerShape('quantity', '毎日精一杯やってます')).toBe(false);
    expect(hasAnswerShape('quantity', 'ラーメンを二杯食べた')).toBe(true);
  });

  it('recognises the shape of an answer only for the types that have one', () => {
    expect(hasAnswerShape('quantity', '約80%のメンバーが署名した')).toBe(true);
    expect(hasAnswerShape('time', '2023年3月に発表された')).toBe(true);
    expect(hasAnswerShape('other', '2023年3月に発表された')).toBe(false);
    expect(hasAnswerShape('time', '定休日：毎週水曜日')).toBe(true);
    expect(hasAnswerShape('quantity', '一人前三千八百円やってん。')).toBe(true);
    // A date or a time of day is no count; a duration or a count beside one is.
    expect(hasAnswerShape('quantity', '5月20日、大橋がきょう午後3時に開通しました。')).toBe(false);
    expect(hasAnswerShape('quantity', '2024年4月13日（土）14:03キックオフ')).toBe(false);
    expect(hasAnswerShape('quantity', '5月20日から40分が15分に短縮')).toBe(true);
    expect(hasAnswerShape('quantity', '入場者数：18,432人')).toBe(true);
    expect(hasAnswerShape('quantity', '工事には20年間かかった')).toBe(true);
    // A number of years is a count; a year is of four digits, an era's, or written with its month.
    expect(hasAnswerShape('quantity', '完成まで5年かかりました')).toBe(true);
    expect(hasAnswerShape('quantity', '令和6年に開通しました')).toBe(false);
  });

  it('hears a reason given in standard Japanese and in dialect, not every から or ので', () => {
    for (const reason of ['温度が高すぎるからです。', '雨が降ったので中止した。', '安全のため、手袋をします。', '親父が建てた家じゃけえね。', 'あいつが来るさかい、片付けとき。', 'It failed because the battery died.', '増えたきっかけは、去年始めた「朝湯」です。']) {
      expect(hasAnswerShape('reason', reason), reason).toBe(true);
    }
    // 「それから」 is "then", 「東京から」 "from", 「のです」 no ので.
    for (const plain of ['それから、東京から新幹線で来ました。', '話が全然進まんのです。', '明日は晴れます。', '東京に住んで、本を読んで、寝ます。', 'どうしてなのでしょうか。', 'いつからですか。', '去年ぐらいから、始めました。']) {
      expect(hasAnswerShape('reason', plain), plain).toBe(false);
    }
  });

  it('tells a question for an end from one for a moment, and a sentence that sets an end', () => {
    expect(asksUntilWhen('いつまでに申請すればいい？')).toBe(true);
    expect(asksUntilWhen('By when must we apply?')).toBe(true);
    expect(asksUntilWhen('いつ申請した？')).toBe(false);
    expect(states('3月31日までに申請してください。', 'deadline')).toBe(true);
    expect(states('届いてから3年以内です。', 'deadline')).toBe(true);
    expect(states('4月1日から始まりました。', 'deadline')).toBe(false);
    expect(states('今まで、これまでと同じです。', 'deadline')).toBe(false);
    // A span asks for its start as much as its end.
    expect(asksUntilWhen('工事はいつからいつまでの予定？')).toBe(false);
    expect(asksClockTime('本震は何時に来たと？')).toBe(true);
    expect(asksClockTime('何時間かかった？')).toBe(false);
    // A time of the day asked as a span: 「どの時間帯」.
    expect(questionType('自販機はどの時間帯によく売れますか')).toBe('time');
    expect(asksClockTime('自販機はどの時間帯によく売れますか')).toBe(true);
    expect(states('夜中の1時25分に来ました。', 'clock')).toBe(true);
    expect(states('16日のほうを本震と呼びます。', 'clock')).toBe(false);
  });

  it('tells a question for a day from one for a year or a length of days, and a sentence that gives a day', () => {
    for (const question of ['お祝いは何月何日に行いますか', '説明会は何日からですか', 'What date is the party?']) expect(asksDay(question), question).toBe(true);
    for (const question of ['工事は何日間かかりますか', '何日かかかりそう？', '何日くらいかかる？', '何日で治る？', '何日前に予約すればいい？', '何年に創業しましたか', 'いつ始まりますか']) expect(asksDay(question), question).toBe(false);
    for (const line of ['じゃあ4/20(日)で決定！', '式は5月3日に決まりました。', '二十日の午後にしよう。', '次の土曜にやります。', '翌日に延期です。']) expect(states(line, 'day'), line).toBe(true);
    for (const line of ['今年の誕生日で88歳になります。', '日本では毎日のように雨です。', '2025年の春にやりたい。', '3日間ずっと準備した。', '1日2回飲んでください。', '三日坊主で終わった。', '3/4ページまで読んだ。']) expect(states(line, 'day'), line).toBe(false);
    expect(states('じゃあ、あしたにしよう。', 'day')).toBe(true);
  });

  it('reads the term a definition question asks about, and wants it as the topic of the answer', () => {
    expect(definedTerm('天然醸造とは?')).toBe('天然醸造');
    expect(definedTerm('「麹」というのは何ですか')).toBe('麹');
    expect(definedTerm('いもち病とはどんな病気ですか')).toBe('いもち病');
    expect(definedTerm('GPT-4はいつ出た?')).toBeNull();
    expect(definedTerm('LLMってなんですか')).toBe('LLM');
    expect(hasAnswerShape('definition', '天然醸造というのは、季節の気温のまま熟成させる造り方のことです。', '天然醸造')).toBe(true);
    expect(hasAnswerShape('definition', '中村:いもち病は、カビの一種が原因の病気です。', 'いもち病')).toBe(true);
    expect(hasAnswerShape('definition', 'うちは天然醸造にこだわっています。', '天然醸造')).toBe(false);
    expect(hasAnswerShape('definition', '熟成期間が長いほど色素が増えます。', '天然醸造')).toBe(false);
  });
});

describe('countedAnswer', () => {
  it('wants a count in the unit asked for, or one that says the same', () => {
    expect(countedAnswer('前半のシュートは何本でしたか')?.test('シュートは5本')).toBe(true);
    expect(countedAnswer('前半のシュートは何本でしたか')?.test('2024年の試合')).toBe(false);
    expect(countedAnswer('技術者は何人派遣されますか')?.test('技術者を30名ほど派遣')).toBe(true);
    expect(countedAnswer('デュボワ博士は何歳ですか')?.test('十二歳の夏')).toBe(true);
    // An age in brackets after a name, as the press and cast lists write it; not any bracketed number.
    expect(countedAnswer('野々村修一は何歳？')?.test('野々村 修一（29）　中央気象台の技師'.normalize('NFKC'))).toBe(true);
    expect(countedAnswer('シュートは何本?')?.test('シュート（5）')).toBe(false);
    expect(countedAnswer('田中さんは何歳?')?.test('（1）はじめに')).toBe(false);
    expect(countedAnswer('いつ始まりますか')).toBeNull();
    expect(countedAnswer('何年ぐらいでまとめますか')?.test('原則として三年以内に取りまとめる')).toBe(true);
    // か国 and か所 however the small ka is written, in the question and in the answer.
    expect(countedAnswer('今、何カ国に送っていますか')?.test('三十四か国でした')).toBe(true);
    expect(countedAnswer('何か国ですか')?.test('34ヶ国')).toBe(true);
    expect(countedAnswer('何か国ですか')?.test('34社')).toBe(false);
    expect(countedAnswer('何ヶ所ありますか')?.test('市内に3箇所')).toBe(true);
    expect(countedAnswer('本は何部売れた？')?.test('2万部を突破')).toBe(true);
    expect(countedAnswer('何か国際的な賞を取りましたか')).toBeNull();
    // A unit in no list is read from 何 + its kanji, for a how-many question only.
    expect(countedAnswer('合計何皿出しましたか')?.test('約千四百八十皿です')).toBe(true);
    expect(countedAnswer('合計何皿出しましたか')?.test('お客さんは51人')).toBe(false);
    expect(countedAnswer('何時何分でしたか')).toBeNull();
  });

  it('wants an amount of money for a price question, not any count', () => {
    expect(countedAnswer('電力にいくら払う契約なの？')?.test('電力を20年間買う契約をしてる')).toBe(false);
    expect(countedAnswer('事前学習の費用はいくらでしたか')?.test('クラウド市場レートで約500万ドル')).toBe(true);
    expect(countedAnswer('入館料はいくら？')?.test('大人は1,200円、子どもは無料です')).toBe(true);
    expect(countedAnswer('How much does the subscription cost?')?.test('it is $20 a month')).toBe(true);
    expect(countedAnswer('How much does the subscription cost?')?.test('20 million users')).toBe(false);
    // Words that only look like money: 関東一円 (all over Kanto), 2両編成, 一元化, タダシ.
    for (const text of ['配送料は関東一円で同じです', '2両編成の電車', '窓口を一元化する', 'タダシさんが来た']) {
      expect(countedAnswer('配送料はいくら？')?.test(text)).toBe(false);
    }
    expect(countedAnswer('除去するといくらかかる?')?.test('料金は数億円程度を想定')).toBe(true);
    // Kansai なんぼ asks how much of anything (重さなんぼ), not only a price.
    expect(countedAnswer('重さなんぼあるん？')).toBeNull();
  });
});

describe('namesOtherPart', () => {
  it('tells a line about another numbered part of the same kind from one about the part asked', () => {
    expect(namesOtherPart('第2話の放送日はいつでしたか？', '第1話の放送が2023年4月8日だったので')).toBe(true);
    expect(namesOtherPart('第2話の放送日はいつでしたか？', '第1話と第2話の放送は4月でした')).toBe(false);
    // Full-width and kanji numbers are the same part; another kind of part (第3章) says nothing.
    expect(namesOtherPart('第２話の放送日は？', '第2話は4月15日放送')).toBe(false);
    expect(namesOtherPart('第2話の放送日は？', '第3章で触れた放送は4月')).toBe(false);
    expect(namesOtherPart('第二回の会合は何日?', '第三回の会合は5月2日')).toBe(true);
    expect(namesOtherPart('第二回の会合は何日?', '第2回の会合は5月2日')).toBe(false);
    expect(namesOtherPart('放送日はいつ?', '第1話の放送は4月8日')).toBe(false);
    // An exhibit (甲第3号証) is no case number (第418号).
    expect(namesOtherPart('甲第3号証って何の書類？', '令和6年（わ）第418号　詐欺被告事件')).toBe(false);
    expect(namesOtherPart('甲第3号証って何の書類？', '甲第4号証を示します。')).toBe(true);
    // The kind is the counter, not the kanji after it (第2話放送 is 第2話).
    expect(namesOtherPart('第2話の放送日は?', '第2話放送は4月15日、第1話は4月8日')).toBe(false);
  });
});

describe('askedName and identifies', () => {
  it('reads the name of a who-is question, and tells a line that says who it is from one that uses it', () => {
    expect(askedName('みさきちって誰のこと？')).toBe('みさきち');
    expect(askedName('サエキングって誰のあだ名？')).toBe('サエキング');
    // Who someone married is no who-is question.
    expect(askedName('田中さんって誰と結婚したの？')).toBeNull();
    expect(identifies('あ、表示名変えた！みさきち＝田中です', 'みさきち')).toBe(true);
    expect(identifies('田中美咲（みさきち）です', 'みさきち')).toBe(true);
    expect(identifies('みさきち、それ違うよ', 'みさきち')).toBe(false);
    // A speaker label's bracket says who speaks, not who a name is.
    expect(identifies('記者（田中）：ありがとうございます', '田中さん')).toBe(false);
  });
});

describe('askedAttribute', () => {
  it.each([
    ['小野寺さやかさんの出身地はどこですか', '出身地'],
    ['オービットスウィープの株価はいくら?', '株価'],
    ['Llama 4のパラメータ数はいくつですか', 'パラメータ数'],
    ['パスト ライブスの上映時間は何分?', '上映時間'],
    ['ヒカリテックの従業員数は何人?', '従業員数'],
    // Asking for a name, what must be found is what is named.
    ['竹内俊介さんの奥さんの名前は?', '奥さん'],
    ['コンステレーション・エナジーのCEOの名前は何ですか？', 'CEO'],
    // A relation is stated without being named (a reason is given, not called 理由).
    ['夜だけ遅くなる原因は何ですか', null],
    // "Who" with a role asks who holds it: the line must name the role; "who is X" and "who did it" name none.
    ['ヒントン研究室の大学院生は誰ですか？', '大学院生'],
    ['ヴァンフォーレ甲府の監督は誰ですか', '監督'],
    ['ジェンセンは誰?', null],
    ['化石を見つけたのはだれ？', null],
    // Okurigana inside the attribute are kept; a particle is not part of it.
    ['シアターこまちの最寄り駅はどこですか', '最寄り駅'],
    ['東京の天気は？', '天気'],
    ['転入届に必要な書類は何ですか', '書類'],
    ['なぜ原発を再稼働するのか', null],
  ])('%s asks for %s', (question, attribute) => {
    expect(askedAttribute(question)).toBe(attribute);
  });
});

describe('withoutReportingFrame', () => {
  it.each([
    ['お金をどうやって回収しようって提案してる？', 'お金をどうやって回収しよう'],
    ['ChatGPTはどの二つの研究が合わさって生まれたと説明されてる？', 'ChatGPTはどの二つの研究が合わさって生まれた'],
    ['本には何が書かれてるって紹介されてた？', '本には何が書かれてる'],
    ['費用はおよそいくらと言われていますか？', '費用はおよそいくら'],
  ])('drops the frame of %s', (question, content) => {
    expect(withoutReportingFrame(question)).toBe(content);
  });

  it.each([
    ['堀内は法廷で何と言って謝った？', 'the verb after the frame (謝る) is what is asked'],
    ['彼は何と言ってる？', 'nothing much would be left to search'],
    ['原子力発電所について話して', 'no quotative before the verb'],
    ['佐藤さんは誰と話していましたか', 'と after 誰 is "with", not a quotation'],
  ])('keeps %s whole (%s)', (question) => {
    expect(withoutReportingFrame(question)).toBe(question);
  });
});

describe('askedOwner', () => {
  it.each([
    ['統計学Ⅱの期末試験の範囲は？', '期末試験'],
    ['東京の天気は？', '東京'],
    // A person's attributes are told without their name (「私は秋田の出身で」).
    ['小野寺さやかさんの出身地はどこですか', null],
    ['白石先生のデビューはいつ？', null],
    ['今年の目標は？', null],
    ['範囲は？', null],
  ])('%s is about %s', (question, owner) => {
    expect(askedOwner(question)).toBe(owner);
  });
});

describe('placesInTime', () => {
  it.each([
    ['少なくとも1週間後の診察で', true],
    ['10年以上前に始めた', true],
    ['店を継いだ時に', true],
    ['残り9,000を切ったとき', true],
    ['創業140年を超える老舗', false],
    ['大豆を水に浸ける時間は18時間', false],
    ['2年後輩の佐藤', false],
    ['10分前後で焼ける', false],
  ])('%s → %s', (text, placed) => {
    expect(placesInTime(text)).toBe(placed);
  });
});

describe('askedKind and namesKind', () => {
  it('reads the kind a what-is-it-called question asks the name of, not a person', () => {
    expect(askedKind('市の補助金は、何という制度ですか')).toBe('制度');
    expect(askedKind('なんていう店でしたっけ？')).toBe('店');
    expect(askedKind('何という人が作ったの？')).toBeNull();
    expect(askedKind('補助金はいくらでしたか')).toBeNull();
  });

  it('tells a line that names one of that kind from one that only talks about it', () => {
    const question = '薪ボイラーに使った市の補助金は、何という制度ですか';
    expect(namesKind('半分は市の補助金、残りは信用金庫からの借入です。', '制度', question)).toBe(false);
    expect(namesKind('市の「省エネ設備更新支援」を使いました。', '制度', question)).toBe(true);
    expect(namesKind('市の省エネ設備更新制度を使いました。', '制度', question)).toBe(true);
    expect(namesKind('グリーンリフォームっていう制度です。', '制度', question)).toBe(true);
    // The question's own words, quoted back, name nothing new; nor does any loanword, a count, or the question asked again.
    expect(namesKind('「補助金」の申請は大変でした。', '制度', question)).toBe(false);
    expect(namesKind('エアコンの買い替えには、市の補助金が半分出ます。', '制度', question)).toBe(false);
    expect(namesKind('20曲くらい歌いました。', '曲', '何という曲を歌いましたか')).toBe(false);
    expect(namesKind('それって何という制度なんですか。', '制度', question)).toBe(false);
  });
});
