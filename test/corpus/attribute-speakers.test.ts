import { describe, expect, it } from 'vitest';
import { attributeSpeakers, MIN_SPEAKER_CONFIDENCE } from '../../src/corpus/attribute-speakers.js';
import { KANA_NAME_SHAPED, labelLength } from '../../src/corpus/speaker-label.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import { findCastMember } from '../../src/corpus/speaker-aliases.js';
import type { Paragraph } from '../../src/corpus/types.js';
import { ROLE_LABELLED_INTERVIEW } from '../support/interview-fixture.js';

const lines = (...text: string[]): string => text.join('\n');

/** `line → speaker` for every paragraph of the attributed transcript. */
function speakersOf(text: string): Record<number, string | null> {
  const transcript = attributeSpeakers(parseTranscript('t.txt', text));
  return Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
}

function evidenceOf(text: string): Record<number, string | null> {
  const transcript = attributeSpeakers(parseTranscript('t.txt', text));
  return Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speakerEvidence]));
}

/** A three-way podcast: a host who names himself, two guests introduced by name and by what they do. */
const PODCAST_INTRO = [
  'AIの未来を語る',
  '',
  'これは山田ポッドキャストです。今日は私が尊敬する二人、タナカ・タロウとスズキ・ハナコをお迎えします。',
  'タナカは自分の研究室でロボットの研究をしています。スズキは機械翻訳のライブラリを作っています。',
];

describe('attributeSpeakers', () => {
  it('reads labels after a timestamp and with a role, and takes the role 司会 as the host', () => {
    const text = lines(
      '対談:AIと教育',
      '',
      '[00:00:05] 佐藤（司会）: 今日はお客様をお迎えしました。どうぞよろしくお願いします。',
      '[00:00:12] 山田: よろしくお願いします。',
      '[00:00:20] 佐藤（司会）: 最初に、教育はどう変わりますか?',
      '[00:00:31] 山田: 個別指導が誰にでも届くようになると思います。',
      '先生の仕事も、教えることから見守ることに変わっていくでしょう。',
      'えーと、2023年には実際に、そういう学校も出てきました。',
    );
    // 「えーと」 is a filler, not a reply: the unlabelled line stays with the one speaking.
    expect(speakersOf(text)).toMatchObject({ 3: '佐藤', 4: '山田', 5: '佐藤', 6: '山田', 7: '山田', 8: '山田' });
    expect(labelLength('[00:00:31] 山田: 個別指導')).toBe('[00:00:31] 山田: '.length);
    expect(labelLength('佐藤（司会）: 最初に')).toBe('佐藤（司会）: '.length);
    const transcript = attributeSpeakers(parseTranscript('t.txt', text));
    expect(transcript.cast.find((member) => member.name === '佐藤')?.role).toBe('host');
    // The role a label carries is another name for its speaker.
    expect(transcript.cast.find((member) => member.name === '佐藤')?.aliases).toContain('司会');
  });

  it('joins a label to the full name the host introduces (「…高橋恵美さんにお話を伺います」)', () => {
    const transcript = attributeSpeakers(parseTranscript('t.txt', ROLE_LABELLED_INTERVIEW));
    expect(transcript.paragraphs.map((paragraph) => paragraph.speaker)).toEqual(['佐藤', '高橋恵美', '佐藤', '高橋恵美']);
    expect(transcript.cast.find((member) => member.name === '高橋恵美')?.aliases).toEqual(expect.arrayContaining(['高橋', 'ゲスト']));
  });

  it('carries a label over the unlabelled lines that follow, until the next label', () => {
    const speakers = speakersOf(
      lines(
        'アリス・スミスとボブ・ジョーンズの対談',
        '',
        'アリス: 今日はよろしくお願いします。最初に研究の話を聞かせてください。',
        'ボブ: よろしくお願いします。私の研究は言語モデルの評価です。',
        '評価の方法を変えると、モデルの順位も大きく変わることがあります。',
        'アリス: それは面白いですね。具体的な例はありますか?',
      ),
    );
    expect(speakers).toMatchObject({ 3: 'アリス・スミス', 4: 'ボブ・ジョーンズ', 5: 'ボブ・ジョーンズ', 6: 'アリス・スミス' });
  });

  it('reads 【Name】 labels and Latin names with a colon', () => {
    const speakers = speakersOf(
      lines('Conversation', '', '【佐藤】では始めましょう。今日のテーマは音声認識です。', 'Jane Doe: Thank you for having me here today.', '【佐藤】まず経歴を教えてください。', 'Jane Doe: I started in speech research.'),
    );
    expect(speakers).toMatchObject({ 3: '佐藤', 4: 'Jane Doe', 5: '佐藤', 6: 'Jane Doe' });
  });

  it('prefers the content over a label that is plainly the other side’s welcome, and records why', () => {
    const text = lines(
      'ケンジ・サトウとミカ・タナカとの対談',
      '',
      'ミカ: ようこそ、今日は来てもらえて嬉しいです。あなたのこれまでの研究には本当に驚かされます。',
      '最初の質問です。どうしてこの分野を選んだのですか?',
      'まず、そんな優しい言葉をありがとうございます。私は子供の頃から機械が好きでした。',
      'ケンジ: その頃のことをもう少し教えてください。',
      'ミカ: 実は、最初は全く別の分野にいたんです。',
    );
    // The label says ミカ, but ミカ is the one welcomed: the welcome is ケンジ's, and ミカ answers at line 5.
    expect(speakersOf(text)).toMatchObject({ 3: 'ケンジ・サトウ', 4: 'ケンジ・サトウ', 5: 'ミカ・タナカ', 6: 'ケンジ・サトウ', 7: 'ミカ・タナカ' });
    expect(evidenceOf(text)[3]).toBe('label-corrected');
  });

  it('gives the answer to a question addressed by name to the person named', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'スズキ、最近の機械翻訳の進歩をどう思いますか?',
        '大きな変化は、文脈を長く読めるようになったことだと思います。文書全体を一度に訳せます。',
        'ですから、段落をまたいだ代名詞の訳も安定してきました。',
        'タナカ、ロボットの方はどうですか?',
        '正直に言うと、まだ家庭で使えるところまでは来ていないと思います。',
      ),
    );
    expect(speakers).toMatchObject({ 5: '山田', 6: 'スズキ・ハナコ', 7: 'スズキ・ハナコ', 8: '山田', 9: 'タナカ・タロウ' });
  });

  it('finds the name at the start of a question that ends in another sentence', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'スズキ、まず機械翻訳について教えてください。昔の翻訳と何が違うんですか?',
        '一番の違いは、文脈を長く読めるようになったことです。文書全体を一度に訳せます。',
      ),
    );
    expect(speakers).toMatchObject({ 5: '山田', 6: 'スズキ・ハナコ' });
  });

  it('does not give a line to the person it speaks of in the third person', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'お二人に聞きたいのですが、五年後には何が変わっていると思いますか?',
        'スズキが言ったように、翻訳はもう十分に実用的です。ロボットはまだこれからで、五年では足りないかもしれません。',
      ),
    );
    // The question names neither guest; the answer names スズキ, so it is タナカ's.
    expect(speakers[6]).toBe('タナカ・タロウ');
  });

  it.each([
    // The question is argued on with 「なぜなら」: the speaker's own point, not a question to the others.
    ['同意します。ただ、それは本当に理解なのでしょうか。なぜなら、訳せても意味が分かっているとは限らないからです。'],
    // The question is answered by the one who asks it.
    ['同意します。でも、それは偶然でしょうか。多分、そうではないと思います。'],
  ])('does not give the host a question the line answers or argues itself: %s', (rhetorical) => {
    const speakers = speakersOf(lines(...PODCAST_INTRO, 'スズキ、翻訳の今をどう思いますか?', '文脈を長く読めるようになりました。', rhetorical));
    expect(speakers).toMatchObject({ 5: '山田', 6: 'スズキ・ハナコ', 7: null });
  });

  it.each([
    // 「いや、」 after a question that wonders aloud: the line answers itself.
    ['同意します。でも、それは偶然なのでしょうか。いや、そうではないと思います。', null],
    // 「もちろん」 after a question put to someone softens the asking: スズキ is still asked.
    ['スズキ、来月の収録にも来られますか?もちろん無理にとは言いません。', 'スズキ・ハナコ'],
  ])('tells a question answered by its asker from one softened after it: %s', (line, answerer) => {
    const speakers = speakersOf(lines(...PODCAST_INTRO, 'スズキ、翻訳の今をどう思いますか?', '文脈を長く読めるようになりました。', line, 'はい、ぜひ伺います。'));
    expect(speakers[8]).toBe(answerer);
  });

  it('keeps a panel host’s remark to its own line, not the guests’ talk that follows it up to the next question', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'スズキ、翻訳の今をどう思いますか?',
        '文脈を長く読めるようになりました。文書全体を一度に訳せます。',
        'お二人とも、違う分野なのに似た話をしますね。',
        'ロボットも同じで、長い作業を覚えられるようになってきました。',
        '家庭で使えるまでには、まだ時間がかかると思います。',
        'なるほど。',
        'では、五年後にはどうなっていると思いますか?',
      ),
    );
    // 「お二人とも」 is the host's; who takes up the remark the order does not say, so it stays unknown.
    expect(speakers).toMatchObject({ 5: '山田', 6: 'スズキ・ハナコ', 7: '山田', 8: null, 9: null, 11: '山田' });
  });


  it('follows a two-person radio talk: self-introductions, reactions, a guest asking the host, a request', () => {
    const speakers = speakersOf(
      lines(
        'テクノロジーの余白 第42回',
        'はい、始まりました。パーソナリティの木村です。',
        '今日はゲストに、ロボットの触覚を研究されている中村健一さんをお迎えしています。',
        'よろしくお願いします。中村です。今日は楽しみにしてきました。',
        '中村さんの研究室では、どんなことをやってるんですか。',
        'うちの研究室では、柔らかい皮膚の中にカメラを入れて、へこみ方を撮っています。',
        'カメラで触覚を測るっていうのは面白いですね。',
        'そうなんです。先行研究はアメリカで生まれました。',
        'あー、なるほど。人間は無意識にやってますもんね。',
        'そう、そこが面白いところで。私たちはそれをロボットにやらせたいんです。',
        '去年は2000回つかませて、落としたのは14回でした（笑）',
        '木村さんはルンバ使ってます？',
        'うちは使ってます。猫が乗ってます。',
        '最後に、リスナーの方に一言お願いします。',
        'ロボットはまだ卵ひとつまともに扱えません。でも、だから面白いんです。',
      ),
    );
    expect(speakers).toMatchObject({
      2: '木村',
      4: '中村健一',
      5: '木村',
      6: '中村健一',
      7: '木村',
      8: '中村健一',
      9: '木村',
      10: '中村健一',
      11: '中村健一',
      12: '中村健一',
      13: '木村',
      14: '木村',
      15: '中村健一',
    });
  });

  it('lets a third-person mention settle only the lines near it, not a long turn whose end nobody marked', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'お二人に聞きたいのですが、五年後には何が変わっていると思いますか?',
        'スズキが言ったように、翻訳はもう十分に実用的です。',
        'ロボットはまだこれからで、五年では足りないかもしれません。',
        '工場の外で動くには、まだ多くの課題があります。',
        '電池の持ちも大きな問題として残っています。',
        '価格が下がるには量産が必要になるでしょう。',
        '家庭に入るのはその後の話になると思います。',
      ),
    );
    // The mention is on line 6: the two lines after it are タナカ's; from line 9 on, a change of speaker may have gone unmarked.
    expect([speakers[6], speakers[7], speakers[8]]).toEqual(['タナカ・タロウ', 'タナカ・タロウ', 'タナカ・タロウ']);
    expect([speakers[9], speakers[10], speakers[11]]).toEqual([null, null, null]);
  });

  it('does not carry a mention past a closing sentence that hands the floor to the person it names', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        'お二人に聞きたいのですが、五年後には何が変わっていると思いますか?',
        'ロボットはまだこれからで、五年では足りないかもしれません。工場の外で動くには課題が多いです。',
        '電池の持ちも問題です。そしてスズキが言ったように、翻訳の方はもう十分に実用的です。',
        '辞書をもっと大きくすれば、精度はさらに上がります。',
        'ですから、次は会話の訳に取り組むつもりです。',
      ),
    );
    // Line 7 ends by naming スズキ: it and the line before are タナカ's, but line 8 may be スズキ taking the floor.
    expect([speakers[6], speakers[7]]).toEqual(['タナカ・タロウ', 'タナカ・タロウ']);
    expect([speakers[8], speakers[9]]).toEqual([null, null]);
  });
  it('ties a self-description to the person the introduction described with it', () => {
    const speakers = speakersOf(
      lines(
        ...PODCAST_INTRO,
        '最近はどんなことに取り組んでいますか?',
        '私のライブラリに新しい言語を十個追加しました。利用者からの要望が多かったんです。',
      ),
    );
    expect(speakers[6]).toBe('スズキ・ハナコ');
    expect(evidenceOf(lines(...PODCAST_INTRO, '最近はどんなことに取り組んでいますか?', '私のライブラリに新しい言語を十個追加しました。利用者からの要望が多かったんです。'))[6]).toBe('self-description');
  });

  it('gives question lines after a guest’s answer to the host, and the next answer back to the guest', () => {
    const speakers = speakersOf(
      lines(
        'ジョン・スミスとメアリー・ブラウンの対談',
        '',
        'ジョン: 今日は来てくれてありがとう。さっそくだけど、研究を始めたきっかけは何ですか?',
        'メアリー: 大学で統計の授業を受けたのがきっかけです。データから何かが分かるのが面白かったんです。',
        'それから大学院に進んで、機械学習を本格的に学びました。',
        'その頃、一番難しかったことは何ですか?',
        '計算機が足りなかったことですね。実験一つに一週間かかりました。',
      ),
    );
    expect(speakers).toMatchObject({ 4: 'メアリー・ブラウン', 5: 'メアリー・ブラウン', 6: 'ジョン・スミス', 7: 'メアリー・ブラウン' });
  });

  it('attributes the quotation a narrator introduces to the person quoted, not to the narrator', () => {
    const speakers = speakersOf(
      lines(
        'イベントの話',
        'ほな、今日はイベントの話をするで。会場はめっちゃ混んどったわ。',
        '途中でエマ・ワトソン氏が出てきて、新しいモデルについて話したんや。',
        '「新しいモデルについて、みんなに説明してもらえますか?」',
        '「ありがとうございます。このモデルは推論がとても得意なんです。',
        '難しい数学の問題もかなり解けるようになりました」',
        'ほな、今日はここまでや。',
      ),
    );
    // The quoted question is put to her by someone else; her answer runs over two lines.
    expect(speakers).toMatchObject({ 2: null, 3: null, 4: null, 5: 'エマ・ワトソン', 6: 'エマ・ワトソン', 7: null });
  });

  it('takes no thing for a quoted speaker, and no comment on a quoted phrase for the quotation', () => {
    const transcript = attributeSpeakers(
      parseTranscript(
        't.txt',
        lines(
          'AIの話',
          '',
          'ホストのケンです。今日はユミさんをお迎えしています。',
          'ユミ、マルチモーダルがしばしば話したように、夢は終わったと言う人もいます。',
          '「その夢は死につつある」は大きな発言ですよ。私はまだ信じています。',
        ),
      ),
    );
    expect(transcript.cast.map((member) => member.name)).not.toContain('マルチモーダル');
    expect(transcript.paragraphs.find((paragraph) => paragraph.line === 5)?.speaker).not.toBe('マルチモーダル');
  });

  it('does not take a label that addresses a guest for the host’s name, nor a show for a guest', () => {
    const transcript = attributeSpeakers(
      parseTranscript(
        't.txt',
        lines(
          '医療とAI',
          '',
          'こんにちは、ヘルスケア・ポッドキャストへようこそ。司会の中島です。今日は医師の石井健さんをお迎えしています。',
          '石井さん、AIは診断の現場で使われていますか?',
          'はい、使われています。僕の病院では読影にAIを入れています。',
        ),
      ),
    );
    const names = transcript.cast.map((member) => `${member.role}:${member.name}`);
    expect(names).toEqual(expect.arrayContaining(['host:中島', 'guest:石井健']));
    expect(names.some((name) => name.includes('ポッドキャスト'))).toBe(false);
    // 石井さん is the family name of 石井健: the question names him, the answer is his.
    expect(transcript.paragraphs.find((paragraph) => paragraph.line === 5)?.speaker).toBe('石井健');
    const labelled = attributeSpeakers(parseTranscript('u.txt', lines('対談', '', '司会: 伊藤さんはいかがですか?', '伊藤: いいと思います。', '司会: ありがとうございます。', '伊藤: こちらこそ。')));
    expect(labelled.cast.find((member) => member.name === '伊藤')?.role).not.toBe('host');
  });

  it('reads one recurring heading word before a colon in an article as a heading, not a speaker', () => {
    const speakers = speakersOf(lines('翻訳とAI', 'By 森田花子 · 2024-03-20', '翻訳業界では生成AIの導入が進んでいる。', '注意: 数字は2024年時点のものである。', '私自身も翻訳の仕事をしている。', '注意: 個人の感想です。'));
    expect(Object.values(speakers)).not.toContain('注意');
    expect(speakers[5]).toBe('森田花子');
  });

  it('gives a short line of thanks to the guest, and the guest’s next line back to them after a back-channel', () => {
    const speakers = speakersOf(
      lines(
        'ビジネスの話',
        '',
        'どうも、ビジネスラジオの時間です。ホストの木村です。今日はゲストとして投資家のエミリー・ブラウンさんをお迎えしています。',
        'エミリーさん、よろしくお願いします。',
        'よろしくお願いします。呼んでいただいてありがとうございます。',
        '早速ですが、今の資金調達の環境はどうですか?',
        '正直に言って、かなり厳しいです。何でもお金が集まる時代は終わりました。',
        'なるほど。',
        '特にAI関連では、お金は集まりますが、ごく一部の会社に集中しています。',
      ),
    );
    expect(speakers).toMatchObject({ 5: 'エミリー・ブラウン', 6: '木村', 7: 'エミリー・ブラウン', 8: '木村', 9: 'エミリー・ブラウン' });
  });

  it('gives a monologue to its byline author', () => {
    const speakers = speakersOf(lines('今週のAIニュース', 'By Jane Doe · 2024-03-20', '今週は大きな発表が三つありました。', '一つ目は新しい言語モデルです。'));
    expect(speakers).toMatchObject({ 3: 'Jane Doe', 4: 'Jane Doe' });
  });

  it('reads Q: and A: as the interviewer and the one interviewee', () => {
    const speakers = speakersOf(
      lines('ジョン・スミスに聞く', '', 'Q: 最初の質問です。研究を始めたきっかけは?', 'A: 大学の授業です。統計が面白かったんです。', 'Q: その後はどうでしたか?', 'A: 大学院で機械学習を学びました。'),
    );
    expect(speakers).toMatchObject({ 3: null, 4: 'ジョン・スミス', 5: null, 6: 'ジョン・スミス' });
  });

  it('leaves lines unknown when nothing says who speaks', () => {
    // Two guests, no host named, no question put to anyone: a reader cannot tell, so neither can we.
    const speakers = speakersOf(
      lines(
        '研究者のタナカ・タロウとスズキ・ハナコが語る対談',
        '',
        '今日は天気がいいですね。研究の話をしましょう。',
        'そうですね。最近は言語モデルの評価をしています。',
        'それは大事な仕事だと思います。評価がなければ進歩も測れません。',
      ),
    );
    expect(Object.values(speakers)).toEqual([null, null, null]);
  });

  it('gives a first-person article to its byline author, even when the author greets the reader like a host', () => {
    const speakers = speakersOf(lines('RAGで失敗したこと全部書く', 'By 山田太郎 · 2025-06-01', 'こんにちは、山田です。物流会社で社内システムを担当しています。', '今日は社内チャットボットの話を書きます。'));
    expect(Object.values(speakers)).toEqual(['山田太郎', '山田太郎']);
  });

  it('shows no speaker for a narration without a byline, and never one below the confidence floor', () => {
    const transcript = attributeSpeakers(parseTranscript('n.txt', lines('ニュース', 'ほな、聞いてや。今週は大きなニュースがあってん。', 'AIの学習にはめっちゃ電気が要るねん。')));
    expect(transcript.paragraphs.map((paragraph) => paragraph.speaker)).toEqual([null, null]);
    expect(transcript.cast).toEqual([]);
    for (const paragraph of attributeSpeakers(parseTranscript('p.txt', lines(...PODCAST_INTRO, 'スズキ、どう思いますか?', '翻訳はもう十分に実用的です。'))).paragraphs) {
      if (paragraph.speaker !== null) expect(paragraph.speakerConfidence).toBeGreaterThanOrEqual(MIN_SPEAKER_CONFIDENCE);
      else expect(paragraph.speakerConfidence).toBe(0);
    }
  });

  it('reads role labels (聞き手:) as the host, and joins a family-name label to the full name the guest gives', () => {
    const transcript = attributeSpeakers(
      parseTranscript(
        't.txt',
        lines(
          '【対談】町の本屋を続ける',
          '',
          '聞き手:今日はよろしくお願いします。自己紹介をお願いできますか。',
          '森:はい、駅前で書店をやっております、森由紀子です。',
          '聞き手:由紀子さんは、いつからお店に?',
          '森:2010年からです。父の店を継ぎました。',
          '聞き手:森由紀子さん、ありがとうございました。',
          '森:こちらこそ。',
          '取材の後、由紀子さんは店の前まで見送ってくれた。',
        ),
      ),
    );
    const speakers = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect(speakers).toEqual({ 3: '聞き手', 4: '森由紀子', 5: '聞き手', 6: '森由紀子', 7: '聞き手', 8: '森由紀子', 9: null });
    expect(transcript.cast.find((member) => member.name === '聞き手')?.role).toBe('host');
    const guest = transcript.cast.find((member) => member.name === '森由紀子');
    expect(guest?.aliases).toEqual(expect.arrayContaining(['森', '由紀子']));
    // 「由紀子さん」 does not make the tail of the given name (紀子) another name for her.
    expect(guest?.aliases).not.toContain('紀子');
    // Nor does a long talk, where each voice is known, lend the narrator's aside to the interviewer's voice.
    const exchanges = Array.from({ length: 16 }, (_, k) => [
      `聞き手:${k + 1}年目のお店では、どんな本がよく売れていましたか。お客さんの顔ぶれは変わりましたか?`,
      `森:${k + 1}年目は絵本がよく売れました。近所の小学校の先生がよく来てくださって、まとめて注文してくれたんです。`,
    ]).flat();
    const long = attributeSpeakers(parseTranscript('t.txt', lines('【対談】町の本屋', '', '聞き手:自己紹介をお願いします。', '森:駅前で書店をやっております、森由紀子です。', ...exchanges, '取材の後、由紀子さんは店の前まで見送ってくれた。次に来るときは、新しくできた児童書の棚を案内してくれるそうだ。')));
    expect(long.paragraphs.at(-1)?.speaker).toBeNull();
  });

  it('gives a talk to the host who introduces only themselves (「どうもー、…ユウキです。」), but not a talk whose questions are answered', () => {
    const alone = speakersOf(lines('【解説】電池を長持ちさせるコツ', '', 'どうもー、家電大好きユウキです。今日は電池の話するで。', 'リチウムイオン電池は熱に弱いねん。', '充電は80%くらいで止めとくのがええで。'));
    expect(alone).toEqual({ 3: 'ユウキ', 4: 'ユウキ', 5: 'ユウキ' });
    expect(speakersOf(lines('電池の話', '', 'どうもー、ユウキです。今日は電池の話するで。', '電池は熱に弱いねん。'))).toEqual({ 3: 'ユウキ', 4: 'ユウキ' });
    const answered = speakersOf(
      lines('電池の話', '', 'こんにちは、ユウキです。', '電池は何年もちますか?', 'はい、だいたい三年です。', '寒いとどうなりますか?', 'そうですね、減りが早くなります。'),
    );
    expect(answered[5]).not.toBe('ユウキ');
    expect(answered[7]).not.toBe('ユウキ');
  });

  it('gives an unpunctuated talk to the speaker who names themselves formally (「えー私は…山本と申します」)', () => {
    const talk = speakersOf(
      lines('えー皆さんこんにちは', 'あの本日はお招きいただきありがとうございます', 'えー私は静岡で茶畑をやっております山本と申します', 'えーまずお茶の木は寒さに弱いんですね', 'あの霜が降りると新芽がだめになるんです'),
    );
    expect(talk[4]).toBe('山本');
    expect(talk[5]).toBe('山本');
  });

  it('follows an unlabelled panel: the host presents guests by name, turns to them mid-sentence, nominates them, and echoes them', () => {
    const speakers = speakersOf(
      lines(
        'パン作りトークショー',
        '',
        '皆さんこんばんは。本日の進行を務めます、商工会の松田です。',
        '今夜は、お二人のゲストにお越しいただきました。まず、老舗ベーカリーの三代目、木下雄一さんです。',
        'どうも、木下です。よろしくお願いします。',
        'そしてもうお一方、料理研究家の藤井みのりさんです。',
        '藤井です。よろしくお願いします。',
        'ありがとうございます。では最初に、木下さん、お店の始まりから伺えますか。',
        'はい。店は昭和30年の創業です。祖父の木下正男が屋台から始めました。',
        'えっ、そうなんですか。',
        'はい。最初はリヤカーでパンを売っていたそうです。',
        '藤井さん、家庭でパンを焼くコツは何でしょうか。',
        'はい。一番は発酵の温度ですね。',
        '発酵、というのは?',
        '生地を膨らませる工程のことです。だいたい二時間かけます。',
        '二時間も。',
        'はい。急ぐと生地の味が落ちてしまうんです。',
        'あくまで私のやり方ですけどね。',
        '時間も限られていますので、会場からの質問を受けたいと思います。',
        '木下さん、店では新作も出されると伺いました。',
        'はい。来月から米粉のパンを出します。',
        'では最後に、お二人から一言ずついただけますか。木下さんから。',
        'パンは毎日食べるものなので、これからも続けます。',
        '藤井さん、お願いします。',
        'ぜひ家でも焼いてみてください。',
        '藤井さんからも何かありますか。',
        'パンは冷凍しておくと、焼きたての味が長持ちします。',
      ),
    );
    expect(speakers).toEqual({
      3: '松田',
      4: '松田',
      5: '木下雄一',
      // The host presenting the second guest, not the first guest going on.
      6: '松田',
      7: '藤井みのり',
      // 「では最初に、木下さん、…伺えますか。」: spoken to after a comma.
      8: '松田',
      // 木下正男 is another person: the line does not speak of 木下 in the third person.
      9: '木下雄一',
      10: '松田',
      // A reaction put to nobody by name, right after a guest: that guest goes on.
      11: '木下雄一',
      12: '松田',
      13: '藤井みのり',
      14: '松田',
      15: '藤井みのり',
      16: null,
      // 「はい。」 confirming the echo, and a closing concession, are the guest's.
      17: '藤井みのり',
      18: '藤井みのり',
      // Taking questions from the floor is the host's job.
      19: '松田',
      // A remark that opens by speaking to a guest hands them the floor, as does 「木下さんから。」.
      20: '松田',
      21: '木下雄一',
      22: '松田',
      23: '木下雄一',
      24: '松田',
      25: '藤井みのり',
      // 「藤井さんからも…?」 asks her.
      26: '松田',
      27: '藤井みのり',
    });
  });

  it('credits a news article’s quotations to the people it quotes, and leaves an unnamed source’s to nobody', () => {
    const transcript = attributeSpeakers(
      parseTranscript(
        'n.md',
        lines(
          '# 海の清掃ロボット、国内で実証へ',
          '文:山本 花子(環境ライター)',
          '2025年3月1日 公開',
          '',
          '海洋ごみを回収する米国のスタートアップが日本で実証試験を始める。創業者のエマ・ウィットニー(Emma Whitney)氏が会見を開いた。',
          'ウィットニー氏は会見で「海のごみは、集めれば資源になる。私たちはそれを証明したい」と語った。',
          'この点について同氏は「まずは港の中から始め、次に沖合へ広げる」と説明した。',
          '「日本の漁業者は、海の変化に誰より敏感だ」とホイットニー氏は話す。',
          'ある漁協の担当者は「網にかかるごみが減れば、漁の効率も上がる」と話す。',
          'ウィッ トニー氏は最後に、子どもの頃の話をした。「海で拾った瓶が、私の最初の宝物だった。あの瓶がなければ、この会社もなかった」',
          '日本法人の代表には、商社出身の石田孝之氏が就く。',
          '石田氏は「地元の漁協と一緒に進めたい」と述べた。',
          '同社は2027年までに、ロボットを100台に増やす計画だ。',
        ),
      ),
    );
    const speakers = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect(speakers).toMatchObject({
      6: 'エマ・ウィットニー',
      // 同氏: the person quoted last.
      7: 'エマ・ウィットニー',
      // The quotation first, the speaker after it; another spelling of the same name.
      8: 'エマ・ウィットニー',
      9: null,
      // A stray space inside the name, and the quotation after 「…の話をした。」.
      10: 'エマ・ウィットニー',
      12: '石田孝之',
      13: '山本 花子',
    });
    expect(transcript.cast.find((member) => member.name === 'エマ・ウィットニー')?.aliases).toEqual(expect.arrayContaining(['Emma Whitney', 'ホイットニー']));
  });

  it('gives a quotation in minutes (「X部長は「…」と発言。」) to the person before the job title, not to a department', () => {
    const text = lines(
      '# 定例会議 議事録',
      '',
      '出席者：森本（開発部長）、石原（総務）',
      '',
      '## 議題1 勤怠システム',
      '',
      '- 森本部長は「新しい勤怠システムは来月から試験運用したい」と発言。',
      '- 石原は、説明会を開きたいと述べた。',
      '- 前回欠席の田中さんから資料が届いた。',
      '- 田中課長は「画面の文字をもう少し大きくしてはどうか」と提案した。',
      '- 営業部長は「予算の範囲で進めてほしいので、見積もりを先に出してください」と発言。',
      '- 決定事項：来月から試験運用する。',
    );
    const transcript = attributeSpeakers(parseTranscript('minutes.md', text));
    const speakers = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    // Listed among the attendees, or written elsewhere with an honorific: the name before the title is a person.
    expect(speakers).toMatchObject({ 7: '森本', 10: '田中' });
    // 営業部長 is a department and a title: nobody by the name of 営業.
    expect(speakers).toMatchObject({ 8: null, 11: null, 12: null });
    expect(transcript.cast.map((member) => member.name)).not.toContain('営業');
    expect(transcript.paragraphs.find((paragraph) => paragraph.line === 7)?.speakerEvidence).toBe('quoted-by-narrator');
  });

  it('reads a briefing: a label once with an affiliation or a self-introduction, the host under 司会 naming themselves', () => {
    const text = lines(
      'オンライン説明会',
      '',
      '司会：それでは始めます。本日司会を務めます、広報部の小川でございます。',
      '司会：まず社長の松田よりご説明します。',
      '松田：今期は増収となりました。',
      '松田：来期も成長を見込んでいます。',
      '司会：質疑に移ります。東西証券のリサ・パーク様、お願いします。',
      'パーク（東西アセットマネジメント証券）：Thank you. 東西のLisa Parkです。海外の売上はどうですか。',
      '松田：海外は二割伸びました。',
      'ホアン：営業本部のケビン・ホアンです。アジアでは新しい代理店と契約しました。',
      'パーク（東西アセットマネジメント証券）：ありがとうございました。',
      '岡本（北南証券）：配当の方針を教えてください。',
      '松田：配当は据え置きます。',
      '司会：以上で終了します。',
    );
    const transcript = attributeSpeakers(parseTranscript('t.txt', text));
    // A label seen once, among labels that recur, is a speaker when its line gives the speaker's name
    // or the label brackets an affiliation.
    expect(speakersOf(text)).toMatchObject({ 3: '小川', 4: '小川', 7: '小川', 8: 'パーク', 9: '松田', 10: 'ホアン', 11: 'パーク', 12: '岡本', 13: '松田', 14: '小川' });
    const cast = (name: string): readonly string[] | undefined => transcript.cast.find((member) => member.name === name)?.aliases;
    // 〜でございます introduces the host, and the role label they speak under is another name for them.
    expect(transcript.cast.find((member) => member.role === 'host')?.name).toBe('小川');
    expect(cast('小川')).toContain('司会');
    // The name a speaker gives under their label joins it; the affiliation in the bracket does not.
    expect(cast('パーク')).toEqual(expect.arrayContaining(['Lisa Park']));
    expect(cast('パーク')).not.toContain('東西アセットマネジメント証券');
    expect(cast('ホアン')).toEqual(expect.arrayContaining(['ケビン・ホアン']));
  });

  it('gives an unlabelled interview with one presented guest and an unnamed host the guest’s answers, not the questions', () => {
    // Subtitle cues: a number, a time range, the text (a sentence may run over two lines).
    const cue = (n: number, ...text: string[]): string => lines(String(n), `00:00:${String(n * 5).padStart(2, '0')},000 --> 00:00:${String(n * 5 + 4).padStart(2, '0')},000`, ...text, '');
    const text = lines(
      cue(1, 'こんばんは。「まちの仕事人」の時間です。'),
      cue(2, '本日のゲストは、陶芸家の村井和子さんです。', '村井さん、よろしくお願いします。'),
      cue(3, 'よろしくお願いします。', '村井です。'),
      cue(4, '陶芸を始めたきっかけは', '何だったんですか？'),
      cue(5, '祖父が窯元で、子どもの頃から', '土に触っていました。'),
      cue(6, '作品づくりで一番大切にしていることは何でしょうか。'),
      cue(7, '土の声を聞くことです。', '同じ土は二つとありませんから。'),
      cue(8, '窯の温度はどのくらいですか？'),
      cue(9, 'およそ千二百五十度まで上げます。'),
      cue(10, '最後に、陶芸に興味がある方に', '一言お願いします。'),
      cue(11, 'まずは手で土に触ってみてください。'),
      cue(12, '村井和子さん、ありがとうございました。'),
    );
    const transcript = attributeSpeakers(parseTranscript('t.srt.txt', text));
    const said = (start: string): Paragraph | undefined => transcript.paragraphs.find((paragraph) => paragraph.text.startsWith(start));
    for (const answer of ['よろしくお願いします。', '村井です。', '祖父が窯元で', '土の声を', '同じ土は', 'およそ', 'まずは手で']) expect(said(answer)?.speaker, answer).toBe('村井和子');
    // The host is never named: the opening, the questions and the thanks stay unknown rather than the guest's.
    for (const host of ['こんばんは', '本日のゲスト', '村井さん、', '陶芸を始めた', '作品づくり', '窯の温度', '最後に', '村井和子さん、']) expect(said(host)?.speaker, host).toBeNull();
    // Taken from the order alone, an answer is less sure than the guest saying who they are.
    expect(said('およそ')?.speakerConfidence).toBeLessThan(said('村井です。')?.speakerConfidence ?? 0);
    expect(said('およそ')?.speakerConfidence).toBeGreaterThanOrEqual(MIN_SPEAKER_CONFIDENCE);
    expect(transcript.cast.find((member) => member.name === '村井和子')?.aliases).toContain('村井');
  });

  it('leaves a narrator’s piece about one presented person, rhetorical questions and all, to nobody', () => {
    const text = lines(
      '工房をたずねて',
      '',
      '今回たずねたのは、陶芸家の村井和子さんです。',
      '村井さんはなぜ土にこだわるのでしょうか。',
      '答えは工房の裏山にありました。',
      'では、どんな土なのでしょうか。',
      '鉄分の多い赤土です。',
      '窯の温度は何度ですか？',
      'およそ千二百五十度です。',
    );
    expect(Object.values(speakersOf(text)).filter((speaker) => speaker !== null)).toEqual([]);
  });

  it('takes a Latin spelling in brackets in the list of speakers as another name for the person', () => {
    const text = lines('出演：マリア・ロペス（Maria Lopez）、ケン・ウッド', '', 'ウッド：今日は旅の話です。ロペスさん、最近どこへ?', 'ロペス：先月は山へ行きました。', 'ウッド：いいですね。', 'ロペス：とても静かでした。');
    const lopez = attributeSpeakers(parseTranscript('t.txt', text)).cast.find((member) => member.name === 'マリア・ロペス');
    expect(lopez?.aliases).toEqual(expect.arrayContaining(['Maria Lopez', 'ロペス']));
  });

  it('lists the cast with the aliases the text gives them', () => {
    const transcript = attributeSpeakers(parseTranscript('t.txt', lines(...PODCAST_INTRO, 'スズキ、どう思いますか?', '翻訳はもう十分に実用的です。')));
    const suzuki = transcript.cast.find((member) => member.name === 'スズキ・ハナコ');
    expect(suzuki?.aliases).toEqual(expect.arrayContaining(['スズキ・ハナコ', 'スズキ', 'ハナコ']));
    expect(transcript.cast.find((member) => member.role === 'host')?.name).toBe('山田');
  });
});

describe('attributeSpeakers: labels that mark every turn', () => {
  it('reads a part with a letter (学生A:, 参加者2:) as a label, one speaker each, even when labelled once', () => {
    const text = lines(
      '講義録',
      '',
      '森下：今日は光合成の続きです。葉緑体の中で何が起きているかを見ていきます。',
      '光のエネルギーで水が分解されて、酸素が出てきます。',
      '参加者1：すみません、酸素はどこから出てくるんですか。',
      '森下：水からです。二酸化炭素からではありません。',
      '参加者2：その反応は暗いところでも起きますか。',
      '森下：光が要るのはこの段階だけです。',
      '参加者1：ありがとうございます。',
    );
    expect(speakersOf(text)).toMatchObject({ 3: '森下', 4: '森下', 5: '参加者1', 6: '森下', 7: '参加者2', 8: '森下', 9: '参加者1' });
  });

  it('does not take a numbered point (ポイント1:) for a speaker', () => {
    const text = lines('メモ', '', 'ポイント1：水は毎朝あげます。', 'ポイント2：日に当てすぎないこと。', 'ポイント3：肥料は月に一度。');
    expect(Object.values(speakersOf(text)).filter((speaker) => speaker !== null)).toEqual([]);
  });

  it('keeps an unlabelled line with the last label, even a question or a reply, where labels mark the turns', () => {
    const text = lines(
      '会見録',
      '',
      '井口：本日はお集まりいただきありがとうございます。',
      '記者：新店舗の数を教えてください。',
      '井口：はい、来年は十店舗を予定しています。',
      '記者：採用は何人ですか。',
      '井口：うーん、まだ決まっていないんですよ。',
      '百人くらいになるでしょうか。',
      'はい、以上です。',
      '記者：ありがとうございました。',
    );
    expect(speakersOf(text)).toMatchObject({ 7: '井口', 8: '井口', 9: '井口' });
  });

  it('ends the last label’s turn at a break in the programme: a rule or a cue for music', () => {
    const text = lines(
      'ラジオ書き起こし',
      '',
      'ノブ：今週も始まりました。',
      'ミホ：始まりましたね。',
      'ノブ：ほな、また来週。',
      'ミホ：また来週。',
      '（エンディング曲）',
      '番組へのお便りはホームページから。',
      'ノブ：おまけのコーナーです。',
      'ミホ：まだやるんかい。',
      '――――',
      '次回は特別編です。',
    );
    const speakers = speakersOf(text);
    expect(speakers).toMatchObject({ 6: 'ミホ', 9: 'ノブ', 10: 'ミホ' });
    expect(speakers[8]).toBeNull();
    expect(speakers[12]).toBeNull();
  });

  it('reads a text labelled only at the top by the order of its lines, not as one long turn', () => {
    const text = lines(
      'ジョン・スミスとメアリー・ブラウンの対談',
      '',
      'ジョン: 今日は来てくれてありがとう。さっそくだけど、研究を始めたきっかけは何ですか?',
      'メアリー: 大学で統計の授業を受けたのがきっかけです。',
      'ジョン: その頃、一番難しかったことは何ですか?',
      'メアリー: 計算機が足りなかったことですね。',
      ...Array.from({ length: 25 }, (_, k) => (k % 2 === 0 ? `${k + 1}番目の実験はどうなりましたか?` : `${k}番目の実験は一週間かかりました。`)),
    );
    // Past the labels, questions and answers alternate by the order of the lines.
    expect(speakersOf(text)).toMatchObject({ 7: 'ジョン・スミス', 8: 'メアリー・ブラウン' });
  });
});

describe('attributeSpeakers: regulars who introduce themselves', () => {
  /** An unlabelled talk: a host and two regulars who each say who they are. */
  const REGULARS = [
    '朝のおしゃべり #5',
    '',
    'おはようございます。',
    'パーソナリティのアオイです。',
    '今日もいつもの二人が来てくれてます。',
    'どうも、レンです。ふだんは大工をやってます。',
    'おはようございます、ナナです。パン屋で働いてます。',
    '最近寒くなったよね。',
    '雪はいつ降るんだろう？',
    'まだ先でしょ。',
    'レンくん、冬の現場ってつらくない？',
    'つらいですね、手がかじかむので手袋は二重です。',
    '私は店の中だから平気だけど。',
    'へえ。',
    '朝の仕込みは寒くて大変なんだよね、粉まで冷たくなって。',
  ];

  it('adds each one to the cast and gives them the line they introduce themselves on', () => {
    const transcript = attributeSpeakers(parseTranscript('t.txt', lines(...REGULARS)));
    expect(transcript.cast.map((member) => member.name)).toEqual(expect.arrayContaining(['アオイ', 'レン', 'ナナ']));
    expect(speakersOf(lines(...REGULARS))).toMatchObject({ 6: 'レン', 7: 'ナナ' });
  });

  it('gives the answer to the one asked by name (くん), and leaves unknown what the order cannot tell', () => {
    const speakers = speakersOf(lines(...REGULARS));
    expect(speakers[12]).toBe('レン');
    // A question nobody is named in, the one asking by name, and the lines after an answer (or after
    // a back-channel) could be anyone's.
    for (const line of [8, 9, 10, 11, 13, 14, 15]) expect(speakers[line]).toBeNull();
  });
});

describe('labelLength', () => {
  it.each([
    ['イリヤ: そうやな。', 5],
    ['【佐藤】では始めましょう。', 4],
    ['Jane Doe: Thank you.', 10],
    // A colon in running text is not a label.
    ['注意すべき点はこれです:まず第一に、データです。', 0],
    ['そうやな。', 0],
    // A family and a given name parted by a space, half or full width.
    ['森 一郎：はい。', 5],
    ['森　一郎：はい。', 5],
    // A field of an info box is no speaker: 定休日：毎週水曜日.
    ['定休日：毎週水曜日', 0],
    ['営業時間：10:00〜18:00', 0],
    ['入館料：大人500円', 0],
    ['開催日：2025年5月1日', 0],
  ])('measures the label of %j', (text, length) => {
    expect(labelLength(text)).toBe(length);
  });
});

describe('attributeSpeakers: labels and hosts of other shapes', () => {
  it('reads a label whose name has a space inside (森 一郎：) as that speaker, not the last one', () => {
    const speakers = speakersOf(
      lines(
        '座談会',
        '',
        '西田：では始めます。森さん、いかがですか。',
        '森 一郎：まずは現場の話からします。',
        '西田：なるほど。',
        '森　一郎：それから予算の話です。',
      ),
    );
    expect(speakers).toMatchObject({ 3: '西田', 4: '森 一郎', 5: '西田', 6: '森 一郎' });
  });

  it('gives a whole one-person vlog to the host who opens 「はいどうもー、Xです。」, a nickname with ちゃん kept whole', () => {
    const transcript = attributeSpeakers(
      parseTranscript(
        't.txt',
        lines('【Vlog】港町で朝ごはん', '', 'はいどうもー、ゆっちゃんです。今日はな、港町に来てます。', '朝の市場、めっちゃ人おるわ。', 'ほんで、まずは海鮮丼食べます。'),
      ),
    );
    expect(transcript.paragraphs.map((paragraph) => paragraph.speaker)).toEqual(['ゆっちゃん', 'ゆっちゃん', 'ゆっちゃん']);
  });
});

describe('attributeSpeakers: printed interviews and documentaries', () => {
  /** A web interview: byline, lead with the guest's name and reading, 「――」 questions, unlabelled answers, an info box. */
  const DASH_INTERVIEW = [
    '# 町の本屋を継いで',
    '',
    '2024年5月1日　｜　文：編集部 川村さき',
    '',
    '駅前の「青葉書店」を継いだのは、二代目の石原浩（いしはら・ひろし）さん。本屋の「これから」を聞きました。',
    '',
    '## 1. 継いだ理由',
    '',
    '――まず、石原さんが店を継いだ経緯を教えてください。',
    '',
    '父が体を壊したんです。それで会社を辞めて戻りました。',
    '最初は一年だけのつもりでした。',
    '',
    '――売上はどうでしたか。',
    '',
    'ひどかったですね。一日の客が二十人くらい。',
    '',
    '――ありがとうございました。',
    '',
    '---',
    '',
    '定休日：毎週月曜日',
    '営業時間：10:00〜20:00',
  ];

  it('gives the answers to the one interviewed, never to the byline, and leaves the questions and the info box unknown', () => {
    const transcript = attributeSpeakers(parseTranscript('t.md', lines(...DASH_INTERVIEW)));
    const speakers = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect(speakers).toMatchObject({ 9: null, 11: '石原浩', 12: '石原浩', 14: null, 16: '石原浩', 18: null, 22: null, 23: null });
    // The reading is another name for them.
    expect(transcript.cast.find((member) => member.name === '石原浩')?.aliases).toEqual(expect.arrayContaining(['いしはら', 'ひろし', '石原']));
  });

  it('names the one interviewed by a full name with a katakana given name and its reading (金城カメ（きんじょう・かめ）)', () => {
    const transcript = attributeSpeakers(parseTranscript('t.txt', lines(
      '聞き書き　港の暮らし',
      '話し手：金城カメ（きんじょう・かめ）さん　大正十五年生まれ',
      '',
      '――よろしくお願いします。',
      'はいはい、よろしくね。',
      '――カメさんの子どもの頃は。',
      '毎日浜で貝をひろっておったよ。',
    )));
    expect(transcript.paragraphs.find((paragraph) => paragraph.line === 7)?.speaker).toBe('金城カメ');
    expect(transcript.cast.find((member) => member.name === '金城カメ')?.aliases).toEqual(expect.arrayContaining(['カメ', 'きんじょう']));
  });

  it('leaves the answers unknown when the text singles nobody out', () => {
    const speakers = speakersOf(lines('# 本屋の話', '', '2024年5月1日　｜　文：編集部 川村さき', '', '――継いだきっかけは？', '', '父が倒れたんです。', '', '――売上は？', '', 'ひどかったです。'));
    expect(Object.values(speakers).every((speaker) => speaker === null)).toBe(true);
  });

  /** A documentary: （ナレーション） and （Xさん） markers alone on a line. */
  const DOCUMENTARY = [
    '【ドキュメンタリー】山の炭焼き',
    '',
    '（ナレーション）',
    '山あいの集落で、炭を焼き続ける人がいる。',
    '石田一郎さん、八十歳。その弟の石田次郎さんも手伝う。',
    '（石田さん）',
    '炭焼きはもう五十年になります。',
    '親父から教わりました。',
    '（ナレーション）',
    '窯の火は三日三晩、絶やせない。',
    '「火の番がいちばん大事なんです、ここで手を抜いたら全部だめになる」と話す炭焼き職人の石田さん。',
    '（石田次郎さん）',
    '兄貴にはかなわないですよ。',
    '（拍手）',
  ];

  it('gives the lines after a speaker marker to that person up to the next marker; narration stays unknown', () => {
    const speakers = speakersOf(lines(...DOCUMENTARY));
    expect(speakers).toMatchObject({ 4: null, 5: null, 7: '石田', 8: '石田', 10: null, 13: '石田次郎' });
    // 「…」と話す…の石田さん: the narrator's quotation is the named person's.
    expect(speakers[11]).toBe('石田');
  });
});


describe('attributeSpeakers: records, chats and names written out', () => {
  const castOf = (text: string): ReturnType<typeof attributeSpeakers>['cast'] => attributeSpeakers(parseTranscript('t.txt', text)).cast;

  const COUNCIL = lines(
    '第１回定例会会議録',
    '○議長（木村一郎君）　ただいまから会議を開きます。',
    '　本日の日程はお手元のとおりです。',
    '○議長（木村一郎君）　西田町長。',
    '○町長（西田浩二君）　お答えいたします。',
    '　財源は年間でおよそ２億円と見込んでおります。',
    '○議長（木村一郎君）　大野直子君。',
    '○２番（大野直子君）　再質問をいたします。',
    '○町長（西田浩二君）　検討してまいります。',
    '○大野直子君　わかりました。',
  );

  it('reads a council record’s ○ marks: the name in brackets or before 君 speaks, unmarked lines go on with the last mark', () => {
    expect(speakersOf(COUNCIL)).toMatchObject({ 2: '木村一郎', 3: '木村一郎', 5: '西田浩二', 6: '西田浩二', 7: '木村一郎', 8: '大野直子', 9: '西田浩二', 10: '大野直子' });
  });

  it('calls a council speaker by their part too, and by family name and part as the record does (西田町長)', () => {
    const cast = castOf(COUNCIL);
    expect(findCastMember(cast, '町長')?.name).toBe('西田浩二');
    expect(findCastMember(cast, '西田町長')?.name).toBe('西田浩二');
    expect(findCastMember(cast, '議長')?.name).toBe('木村一郎');
    expect(labelLength('○町長（西田浩二君）　お答えいたします。')).toBe('○町長（西田浩二君）　'.length);
  });

  it('gives each WebVTT cue to the voice its <v> tag names, the part (教員) included', () => {
    const text = lines(
      'WEBVTT',
      '',
      '00:01.000 --> 00:04.000',
      '<v 教員>では出席を取ります。',
      '',
      '00:05.000 --> 00:07.000',
      '<v 院生>質問してもいいですか',
      '',
      '00:08.000 --> 00:12.000',
      '<v 教員>どうぞ。光合成の話から始めます。</v>',
      '',
      '00:13.000 --> 00:15.000',
      '<v 院生>ありがとうございます</v>',
    );
    expect(speakersOf(text)).toMatchObject({ 4: '教員', 7: '院生', 10: '教員', 13: '院生' });
  });

  it('reads a national record’s ○ marks where the words follow the bracket with no space (○政府参考人（…君）お答え…)', () => {
    const text = lines(
      '第百回国会　環境委員会会議録　第三号',
      '○委員長（松尾正樹君）これより会議を開きます。',
      '○高木由美君　まず現状を伺います。',
      '○政府参考人（宮下康弘君）お答えいたします。排出量は減少しております。',
      '　ただし地域差がございます。',
      '○国務大臣（岡部信夫君）しっかり取り組んでまいります。',
      '○高木由美君　大臣に重ねて伺います。',
      '○国務大臣（岡部信夫君）予算を確保いたします。',
      '○委員長（松尾正樹君）本日はこれにて散会いたします。',
    );
    expect(speakersOf(text)).toMatchObject({ 2: '松尾正樹', 3: '高木由美', 4: '宮下康弘', 5: '宮下康弘', 6: '岡部信夫', 8: '岡部信夫', 9: '松尾正樹' });
    expect(labelLength('○政府参考人（宮下康弘君）お答えいたします。')).toBe('○政府参考人（宮下康弘君）'.length);
  });

  it('takes names in hiragana (もっち：, 三好さやか：) as labels among other labels, and joins nicknames to full names by the text’s legend', () => {
    const text = lines(
      '読書会メモ',
      'ナツ：始めましょう。今日は第一章です。',
      'もっち：面白かったのは貨幣の話ですね。',
      'みお：私は年表が気になりました。',
      'ナツ：なるほど、年表ですか。',
      'もっち：信用の話もありましたね。',
      'みお：そうですね、信用の話は大事です。',
      '',
      '※ナツ＝夏川 涼、もっち＝望月 翔、みお＝三好 さやか',
      '夏川涼：後半を始めます。',
      '望月翔：貨幣の章は星四つです。',
      '三好さやか：私は三つです。',
      '夏川涼：ではまた来月。',
      '望月翔：了解です。',
      '三好さやか：お疲れさまでした。',
    );
    expect(speakersOf(text)).toMatchObject({ 2: '夏川涼', 3: '望月翔', 4: '三好さやか', 6: '望月翔', 7: '三好さやか', 11: '望月翔', 12: '三好さやか' });
    const cast = castOf(text);
    expect(findCastMember(cast, 'もっち')?.name).toBe('望月翔');
    expect(findCastMember(cast, '望月')?.name).toBe('望月翔');
  });

  it('joins a nickname to its sender when a chat message gives the legend after an exclamation, with a copula', () => {
    const text = lines(
      '#ゼミ連絡',
      '[2024-05-14 21:03] 佐藤: 来週の発表順を決めよう',
      '[2024-05-14 21:06] ゆっこ: 私は二番がいいな',
      '[2024-05-14 21:08] 佐藤: 了解、じゃあ二番で',
      '[2024-05-15 12:40] 山本 優子: あ、表示名変えた！ゆっこ＝山本です、よろしく〜',
      '[2024-05-15 12:41] 佐藤: 了解ｗ',
      '[2024-05-16 09:00] 山本 優子: スライドできました',
    );
    const cast = castOf(text);
    expect(findCastMember(cast, 'ゆっこ')?.name).toBe('山本 優子');
    expect(speakersOf(text)).toMatchObject({ 3: '山本 優子', 7: '山本 優子' });
  });

  it('keeps a long-vowel mark in a katakana name a chat legend gives, and leaves out the drawn-out copula', () => {
    const text = lines(
      '#サークル連絡',
      '[2024-06-01 20:00] みさきち: 今度の合宿どこにする？',
      '[2024-06-01 20:05] 佐藤: 海がいいな',
      '[2024-06-01 20:06] みさきち: 了解、海で探すね',
      '[2024-06-02 08:10] ユーコ: 表示名変えた!みさきち=ユーコでーす〜',
      '[2024-06-02 08:12] 佐藤: 了解ｗ',
    );
    expect(findCastMember(castOf(text), 'みさきち')?.name).toBe('ユーコ');
  });

  it('ties a transcription tool’s part to the person presented just before its first turn, or who names themselves in it', () => {
    const presented = lines(
      '店主インタビュー.m4a',
      '',
      '話者1  00:00',
      'では始めます。聞き手は編集部の森です。で、お隣が店主の村上誠さんです。よろしくお願いします。',
      '',
      '話者2  00:12',
      'どうもどうも。よろしく。',
      '',
      '話者1  00:20',
      'お店はいつからですか？',
      '',
      '話者2  00:24',
      '昭和の終わりからだわ。もう長いでよ。',
    );
    // The part who says 「聞き手は編集部の森です」 is the host 森, a family name of one kanji.
    expect(speakersOf(presented)).toMatchObject({ 4: '森', 7: '村上誠', 10: '森', 13: '村上誠' });
    expect(findCastMember(castOf(presented), '村上')?.name).toBe('村上誠');
  });

  it.each([
    ['はいはい、村上だがね。よろしゅう。'], // Nagoya: だ + がね
    ['おう、村上じゃ。よろしくのう。'], // Hiroshima: じゃ
    ['村上たい。よろしく。'], // Hakata: たい
    ['どうも、村上だべ。'], // Tohoku: だ + べ
    ['村上でございます。本日はどうぞよろしく。'], // formal
    ['村上やで。よろしゅう。'], // Kansai: や + で
  ])('ties a transcription tool’s part to the name its first turn gives itself in any dialect: %s', (turn) => {
    const selfNamed = lines(
      '収録メモ',
      '',
      '話者1  00:00',
      '今日は常連の方にお話を伺います。',
      '',
      '話者2  00:10',
      turn,
      '',
      '話者1  00:20',
      '村上さんはいつからこのお店に？',
      '',
      '話者2  00:24',
      '二十年前からです。',
    );
    expect(findCastMember(castOf(selfNamed), '村上')?.aliases).toContain('話者2');
  });

  it('gives the quoted answers under a heading that names someone to that person, title and all, in a dash interview', () => {
    const text = lines(
      '試合後コメント',
      '',
      '■マルコ・ベルナルディ監督（港FC）',
      '「みんなよく走ってくれました。」',
      '――後半の交代の意図は？',
      '「前線に高さが欲しかった。」',
      '',
      '■山口 翔太選手（港FC／DF）',
      '――決勝点の場面は？',
      '「無我夢中でした。」',
      '――次の試合へ一言。',
      '「また勝ちます！」',
    );
    expect(speakersOf(text)).toMatchObject({ 4: 'マルコ・ベルナルディ', 5: null, 6: 'マルコ・ベルナルディ', 9: null, 10: '山口 翔太', 12: '山口 翔太' });
    const cast = castOf(text);
    expect(findCastMember(cast, 'ベルナルディ監督')?.name).toBe('マルコ・ベルナルディ');
    expect(findCastMember(cast, '山口選手')?.name).toBe('山口 翔太');
  });

  it('names no one by a chapter heading in a dash interview, but someone by a heading with a reading and no title', () => {
    const text = lines(
      '職人に聞く',
      // The chapters' names are written in the text too: a chapter is no one by its number.
      '本稿は第一章 出会い、第二章 挑戦の二つに分けてお届けする。',
      '■第一章 出会い',
      '――この道に入ったきっかけは？',
      '「父の工房を手伝ったことです。」',
      '',
      '■第二章 挑戦',
      '――独立して苦労したことは？',
      '「最初の一年は注文がありませんでした。」',
      '',
      '■木島 遥（きじま・はるか）',
      '――今後の目標は？',
      '「弟子を育てたいです。」',
    );
    const speakers = speakersOf(text);
    expect(speakers[5]).not.toBe('第一章 出会い');
    expect(speakers[9]).not.toBe('第二章 挑戦');
    expect(speakers[13]).toBe('木島 遥');
    expect(castOf(text).map((member) => member.name)).not.toContain('第二章 挑戦');
  });

  it('reads a part opening several lines before a full-width space as a label, and narration over footage as nobody’s', () => {
    const text = lines(
      '夕方ニュース　原稿',
      '2024年5月20日放送分',
      '',
      '【項目１】図書館が開館',
      '',
      'アナウンサー　こんばんは。最初のニュースです。新しい図書館がきょう開館しました。',
      '（ナレーション）開館式には300人が集まりました。',
      '（ナレーション）式では地元の子どもたちが合唱を披露しました。',
      '〈館長　佐々木 修さん〉',
      '「たくさんの人に使ってほしいです。」',
      '（ナレーション）館内には10万冊の本が並びます。',
      '〈利用者〉',
      '「毎週来たいと思います。」',
      'アナウンサー　続いて天気です。あすは晴れるでしょう。',
      'アナウンサー　ニュースは以上です。',
    );
    expect(speakersOf(text)).toMatchObject({ 6: 'アナウンサー', 7: null, 8: null, 10: '佐々木 修', 11: null, 13: '利用者', 14: 'アナウンサー', 15: 'アナウンサー' });
  });

  it('reads a news script with one captioned person as two voices, the caption’s and the part that reads', () => {
    const text = lines(
      '昼のニュース　原稿',
      '',
      'アナウンサー　こんにちは。ニュースです。市立美術館が改装を終えました。',
      '（ナレーション）改装には二年かかりました。',
      '〈館長　石原 徹さん〉',
      '「新しい展示室を見てほしいです。」',
      'アナウンサー　続いて天気です。',
      'アナウンサー　ニュースは以上です。',
    );
    expect(speakersOf(text)).toMatchObject({ 3: 'アナウンサー', 4: null, 6: '石原 徹', 7: 'アナウンサー', 8: 'アナウンサー' });
  });

  it('gives the part that reads the news the name its header credits, though the header calls the part otherwise', () => {
    const text = lines(
      '朝のニュース　原稿',
      'キャスター：藤田 美咲',
      '',
      'アナウンサー　おはようございます。最初のニュースです。',
      '（ナレーション）市内の小学校で運動会が開かれました。',
      '〈校長　山下 浩さん〉',
      '「晴れてよかったです。」',
      '〈保護者〉',
      '「子どもたちが頑張っていました。」',
      'アナウンサー　続いて天気です。',
      'アナウンサー　ニュースは以上です。',
    );
    expect(speakersOf(text)).toMatchObject({ 4: '藤田 美咲', 7: '山下 浩', 9: '保護者', 10: '藤田 美咲', 11: '藤田 美咲' });
    expect(findCastMember(castOf(text), 'アナウンサー')?.name).toBe('藤田 美咲');
  });

  it('calls a captioned person by family name and post, and keeps a caption’s place out of their names', () => {
    const text = lines(
      'ニュース原稿',
      '〈みどり市長　大川健二さん〉',
      '「橋の完成を喜んでいます。」',
      '〈川口町　防災担当　水野 誠さん〉',
      '「早めの備えをお願いします。」',
    );
    const cast = castOf(text);
    expect(findCastMember(cast, '大川市長')?.name).toBe('大川健二');
    expect(findCastMember(cast, '川口町')).toBeNull();
    expect(findCastMember(cast, '水野')?.name).toBe('水野 誠');
  });

  it('does not take a recurring hiragana word for a speaker where nobody else is labelled', () => {
    const text = lines('メモ', 'まとめ：今日は三つ話しました。', 'みどころ：最後の章です。', '本文が続きます。', 'みどころ：図が多い章です。');
    expect(Object.values(speakersOf(text)).every((speaker) => speaker === null)).toBe(true);
  });

  it('reads a name with a title (ルルー教授：) as that person, one with the Latin spelling the text brackets beside the katakana', () => {
    const text = lines(
      '講演会レポート',
      '',
      '講師に Hugo Leroux（ユゴー・ルルー）教授を招いた。',
      'Leroux：海の話をします。',
      'Leroux：深いところに層があります。',
      '司会：質問をどうぞ。',
      'ルルー教授：はい、つながっています。',
      '司会：最後に予定を。',
      'ルルー教授：来年また来ます。',
    );
    expect(speakersOf(text)).toMatchObject({ 4: 'ユゴー・ルルー', 5: 'ユゴー・ルルー', 6: '司会', 7: 'ユゴー・ルルー', 9: 'ユゴー・ルルー' });
  });

  it('gives each line of a saved chat to its sender, not to the last label, and a bracketed reading is another name', () => {
    const text = lines(
      '勉強会',
      '講師：黒田 恵（くろだ めぐみ）',
      '[00:00:05] 三村：始めます。',
      '[00:00:20] 三村：質問はチャットへどうぞ。',
      '[00:01:00] 黒田：講師の黒田です。',
      '[00:02:00] 黒田：本題に入ります。',
      '',
      '19:06:44 From 吉井 to Everyone: 資料はどこですか？',
      '19:07:01 From 黒田 恵（講師） to Everyone: 吉井さん、後で送ります。',
      '19:08:30 From 吉井 : ありがとうございます',
    );
    expect(speakersOf(text)).toMatchObject({ 8: '吉井', 9: '黒田 恵', 10: '吉井' });
    expect(findCastMember(castOf(text), 'くろだ')?.name).toBe('黒田 恵');
  });

  it('gives a part’s label (実況：, 解説：) to the person the credits name for it; the credits line itself is nobody’s', () => {
    const text = lines(
      '試合中継',
      '実況：森田 圭（もりた けい）　解説：岩井 聡（元代表）',
      '実況：さあ試合開始です。',
      '解説：楽しみですね。',
      '実況：前半５分、先制！',
      '解説：見事なシュートでした。',
    );
    expect(speakersOf(text)).toMatchObject({ 2: null, 3: '森田 圭', 4: '岩井 聡', 5: '森田 圭', 6: '岩井 聡' });
    expect(findCastMember(castOf(text), '解説')?.name).toBe('岩井 聡');
  });

  it('ends the last label’s turn at a title framed by rules (――試合データ――): the data below is nobody’s', () => {
    const text = lines(
      '試合中継',
      '実況：さあ試合開始です。',
      '解説：楽しみですね。',
      '実況：前半５分、先制！',
      '解説：見事なシュートでした。',
      '',
      '――試合データ――',
      '得点：５分 田村（青組）',
      'シュート数：青組 9、赤組 14',
    );
    expect(speakersOf(text)).toMatchObject({ 5: '解説', 8: null, 9: null });
  });

  it('ends the last label’s turn at any heading, not only one framed by rules: a new part is nobody’s turn going on', () => {
    const text = lines(
      '将棋教室',
      '先生：では始めましょう。',
      '生徒：お願いします。',
      '先生：まず駒の並べ方から。',
      '生徒：はい、覚えました。',
      '',
      '## 次回の持ち物',
      '盤と駒は教室で貸し出します。',
    );
    expect(speakersOf(text)).toMatchObject({ 5: '生徒', 8: null });
  });

  it('names a listed speaker by the name at the end of the listing, not by the company and job before it', () => {
    const text = lines(
      '【ウェビナー文字起こし】経理の基本',
      '登壇者：税理士 黒田 恵／司会 ミライ研究所 広報 三村 健',
      '',
      '[00:00:05] 三村：皆さんこんばんは。',
      '[00:00:20] 三村：講師の黒田先生、お願いします。',
      '[00:01:00] 黒田：よろしくお願いします。',
      '[00:02:00] 黒田：本題に入ります。',
    );
    expect(speakersOf(text)).toMatchObject({ 4: '三村 健', 6: '黒田 恵' });
  });

  it('reads a header entry listing two people (先手 … 七段　後手 …) as two, and a rank or a title after a name as no name', () => {
    const text = lines(
      '第五期 若葉杯 三番勝負 第二局 大盤解説会',
      '解説：真壁 修 九段　／　聞き手：早乙女 ゆかり 女流三段',
      '対局者：黒番 相原 透 八段（挑戦者）　白番 葛城 涼介 天元（タイトル保持者）',
      '',
      '早乙女：皆さま、こんにちは。聞き手の早乙女です。',
      '真壁：どうも、真壁です。',
      '早乙女：相原八段は序盤から飛ばしていますね。',
      '真壁：ええ、準備してきたんでしょう。',
      '相原：ありがとうございます。序盤で時間を使ってしまいました。',
      '葛城：終盤に見落としがありました。',
      '相原：次の局もしっかり準備します。',
      '葛城：自分の碁を打つだけです。',
    );
    const speakers = speakersOf(text);
    expect([speakers[5], speakers[6], speakers[9], speakers[10]]).toEqual(['早乙女 ゆかり', '真壁 修', '相原 透', '葛城 涼介']);
    const names = attributeSpeakers(parseTranscript('t.txt', text)).cast.flatMap((member) => member.aliases);
    expect(names).not.toContain('女流三段');
    expect(names).not.toContain('天元');
  });

  it('gives each part of a header entry listing two (司会 … 医師　ゲスト … 弁護士) the name written after it', () => {
    const text = lines(
      '市民講座 相続のはなし',
      '出演：司会 森 隆之 医師　ゲスト 佐藤 花子 弁護士',
      '',
      '司会：今日は相続について伺います。',
      'ゲスト：よろしくお願いします。',
      '司会：まず遺言書の話からお願いします。',
      'ゲスト：遺言書には三つの形があります。',
    );
    expect(speakersOf(text)).toMatchObject({ 4: '森 隆之', 5: '佐藤 花子' });
  });
});

describe('attributeSpeakers: parts in proceedings, lessons and streams', () => {
  const castOf = (text: string) => attributeSpeakers(parseTranscript('t.txt', text)).cast;

  it('gives a part labelled once (被告人：) its own line and names each part by the header’s list, role then name', () => {
    const text = lines(
      '第2回公判調書（抄）',
      '裁判長　裁判官　川口 直樹',
      '検察官　検事　野田 浩',
      '被告人　村上 拓真（無職）',
      '証人　　青山 美和子（被害者）',
      '',
      '裁判長：では証人尋問を始めます。',
      '検察官：証人は被告人から何を受け取りましたか。',
      '証人：投資の契約書です。毎月配当が出ると書いてありました。',
      '検察官：配当は支払われましたか。',
      '証人：最初の一回だけです。',
      '裁判長：被告人、何か言いたいことはありますか。',
      '被告人：青山さんには本当に申し訳ないことをしました。',
      '裁判長：本日はこれで閉廷します。',
      '以上',
    );
    const speakers = speakersOf(text);
    expect(speakers[13]).toBe('村上 拓真');
    expect(speakers[15]).toBeNull();
    const cast = castOf(text);
    expect(findCastMember(cast, '青山美和子')?.name).toBe(speakers[9]);
    expect(findCastMember(cast, '証人')?.name).toBe('青山 美和子');
  });

  it('reads a lesson record: T is the teacher the header names, numbered and lettered pupils speak for themselves, boardwork and the class in chorus are nobody', () => {
    const text = lines(
      '第4学年 算数科 学習指導の記録',
      '指導者　森川 直樹（南小学校）',
      '（T＝指導者、C＝児童）',
      '',
      'T：ケーキを3人で同じように分けるには、どう切ればいいでしょう。',
      'C1：真ん中から3つに切ります。',
      'C2：でも、同じ大きさになるかな？',
      '児童B：角度をはかれば同じにできると思う。',
      'T：なるほど、はかってみよう。',
      '黒板：3等分した円の図。',
      '（ペアで話し合い。3分）',
      'T：1つ分は全体のどれだけですか。',
      '一同：3分の1！',
      'T：そうだね。次は4人で分けてみます。',
      '',
      '◆ 協議会での意見',
      '西田（北小学校）：分ける場面が身近でよかった。',
      '西田：話し合いの時間はもう少し長くてもよい。',
    );
    const speakers = speakersOf(text);
    expect([speakers[5], speakers[9], speakers[14]]).toEqual(['森川 直樹', '森川 直樹', '森川 直樹']);
    expect([speakers[6], speakers[7], speakers[8]]).toEqual(['C1', 'C2', '児童B']);
    expect([speakers[10], speakers[11], speakers[13]]).toEqual([null, null, null]);
    expect([speakers[17], speakers[18]]).toEqual(['西田', '西田']);
    expect(castOf(text).map((member) => member.name)).not.toContain('黒板');
  });

  it('reads Markdown labels in bold after a timestamp, and leaves a viewer’s chat line to nobody', () => {
    const text = lines(
      '## 配信の書き起こし',
      '',
      '**[00:01:10] ミナミ**：こんばんは、今日はパズルゲームの続きをやります。',
      '**[00:01:30] もぐら隊長**：どうも、もぐら隊長です。今日は横で見てます。',
      '[chat] neko_77: 隊長きた',
      '**[00:02:05] ミナミ**：隊長、このステージのコツってある？',
      '**[00:02:15] もぐら隊長**：角から埋めると詰まりにくいよ。',
      '[chat] sora_z: なるほど',
    );
    const speakers = speakersOf(text);
    expect([speakers[3], speakers[4], speakers[6], speakers[7]]).toEqual(['ミナミ', 'もぐら隊長', 'ミナミ', 'もぐら隊長']);
    expect([speakers[5], speakers[8]]).toEqual([null, null]);
    expect(findCastMember(castOf(text), '隊長')?.name).toBe('もぐら隊長');
  });

  it('takes a name with a title written on (森Dr.：, 佐野看護師：) as the person the header names', () => {
    const text = lines(
      '白内障手術 説明会（書き起こし）',
      '説明：眼科部長 北村 和也 医師／病棟看護師 小池 恵',
      '',
      '司会（看護師 小池）：ただいまから説明会を始めます。',
      '北村医師：眼科の北村です。手術は十五分ほどで終わります。',
      '参加者：痛みはありますか。',
      '北村Dr.：目薬の麻酔をするので、痛みはほとんどありません。',
      '小池看護師：入院は二泊三日です。',
      '参加者：入院の前の日は何を食べてもいいですか。',
      '小池看護師：はい、普段どおりで大丈夫です。',
    );
    const speakers = speakersOf(text);
    expect([speakers[5], speakers[7]]).toEqual(['北村 和也', '北村 和也']);
    expect([speakers[4], speakers[8], speakers[10]]).toEqual(['小池 恵', '小池 恵', '小池 恵']);
    expect(findCastMember(castOf(text), '北村')?.name).toBe('北村 和也');
  });

  it('joins a part’s label and the same person’s name label when the header lists the part with the name (CEO 佐伯 隆之)', () => {
    const text = lines(
      '全社会議 議事録',
      '登壇：代表取締役CEO 大森 健一／取締役CFO 片山 里美',
      '',
      'CEO：今期の振り返りから始めます。売上は前年を上回りました。',
      'CEO：数字の詳細はCFOからお願いします。',
      'CFO：はい。売上高は12億円、営業利益は1億円でした。',
      'CFO：来期は採用を増やす計画です。',
      '大森：質問にお答えします。オフィスの移転は来年の春です。',
      '片山：賞与は前年並みを予定しています。',
      '大森：以上で終わります。',
    );
    const speakers = speakersOf(text);
    expect([speakers[4], speakers[8], speakers[10]]).toEqual(['大森 健一', '大森 健一', '大森 健一']);
    expect([speakers[6], speakers[9]]).toEqual(['片山 里美', '片山 里美']);
  });

  it('takes a family name with a title (北条会長：) and alone (北条：) for the full name the attendee list gives it that title', () => {
    const minutes = (entry: string, attendees = `出席者：${entry}、白井 由紀（会計）`): string =>
      lines(
        'みどり台町内会 役員会 記録',
        attendees,
        '',
        '北条会長：夏祭りの準備について話します。',
        '白井：予算は昨年と同じ十五万円です。',
        '北条会長：テントは何張り借りますか。',
        '白井：四張りでお願いします。',
        '北条：では、それで決めます。',
        '白井：了解しました。',
      );
    const text = minutes('北条 正樹（会長）');
    const speakers = speakersOf(text);
    expect([speakers[4], speakers[6], speakers[8]]).toEqual(['北条 正樹', '北条 正樹', '北条 正樹']);
    expect(findCastMember(castOf(text), '北条正樹')?.name).toBe('北条 正樹');
    // The list gives 北条 正樹 another title: 北条会長 may be someone else, so the label keeps its own name.
    expect(speakersOf(minutes('北条 正樹（書記）'))[4]).toBe('北条会長');
    // The same list as an indented item under 出席者 (no header field): the labels are joined by the list.
    const listed = minutes('', '- 出席者\n  - 役員：北条 正樹（会長）、白井 由紀（会計）');
    expect(findCastMember(castOf(listed), '北条正樹')?.aliases).toContain('北条会長');
  });

  it('reads a name with a long title (久保田副会長：), a post before a bracketed name (会計（北村）：) and a list item (- 北村：) as their speakers', () => {
    const text = lines(
      'さくら台小学校 PTA役員会 記録',
      '出席者：久保田 誠一（副会長）、北村 葉子（会計）、オルセン・エマ（副会長）',
      '',
      '## 1. 報告',
      '### (1) 会計報告（北村）',
      '会計（北村）：今月の支出は二万円です。',
      '久保田副会長：内訳は配布しますか。',
      '北村：来週配ります。',
      '久保田副会長：お願いします。',
      'オルセン副会長：印刷はこちらで引き受けます。',
      '- 北村：通帳の写しも添えます。',
    );
    const speakers = speakersOf(text);
    expect([speakers[6], speakers[7], speakers[9], speakers[11]]).toEqual(['北村 葉子', '久保田 誠一', '久保田 誠一', '北村 葉子']);
    // Spoken once, a katakana name with a title is a label: whoever it is, not 久保田 going on.
    expect(speakers[10]).not.toBe('久保田 誠一');
    // The heading's words after the post (会計報告) are nobody's name.
    expect(castOf(text).map((member) => member.name)).not.toContain('会計報告');
    expect(findCastMember(castOf(text), '会計')?.name).toBe('北村 葉子');
    // A post named after the body it heads (広報委員長) is a title on the family name as 会長 is.
    const posts = speakersOf(lines('出席者：菅原 直子（広報委員長）、北村 葉子（会計）', '', '菅原広報委員長：写真は集まりましたか。', '北村：まだ半分です。', '菅原広報委員長：では締切を延ばします。', '北村：助かります。'));
    expect([posts[3], posts[5]]).toEqual(['菅原 直子', '菅原 直子']);
  });

  it('reads a list item\'s field of the minutes (- 議題：, - 決定：) as no label, and a list item\'s name (- 石倉：, - 羽田教頭：) as its speaker', () => {
    const minutes = (...extra: string[]): string =>
      lines(
        'みどり台町内会 役員会 記録',
        '出席者：石倉 浩二（会長）、羽田 由紀（教頭）',
        '',
        '石倉：夏祭りの準備について話します。',
        '羽田：予算は昨年と同じです。',
        '石倉：テントは何張り借りますか。',
        '羽田：四張りでお願いします。',
        '',
        '- 議題：夏祭りの予算',
        '- 決定：十五万円',
        '- 議題：テント',
        '- 決定：四張り',
        ...extra,
      );
    const fields = ['議題', '決定', 'テント', '十五万円', '四張り', '担当', '山田', '期限', '来月末'];
    for (const text of [minutes(), minutes('- 担当：山田', '- 期限：来月末')]) {
      const speakers = speakersOf(text);
      // The list goes on as the last speaker's, as any unlabelled line would; no field is anyone's name.
      for (const line of [9, 10, 11, 12]) expect(speakers[line]).toBe('羽田 由紀');
      const cast = castOf(text).map((member) => member.name);
      for (const field of fields) expect(cast).not.toContain(field);
    }
    // A list item opening with a name the minutes label without the mark (石倉：), or with a name and a title, is theirs.
    const said = speakersOf(minutes('- 石倉：当日の受付は私がします。', '- 羽田教頭：領収書を集めます。'));
    expect([said[13], said[14]]).toEqual(['石倉 浩二', '羽田 由紀']);
  });

  it('joins a family name that two attendees share (石倉：) to neither, and a title to the one the list gives it', () => {
    const minutes = (attendees: string): string =>
      lines('さくら台小学校 PTA役員会 記録', attendees, '', '石倉校長：運動会の件です。', '美咲：受付を手伝います。', '石倉：では、お願いします。', '石倉校長：以上です。', '美咲：了解しました。');
    for (const attendees of ['出席者：石倉 浩二（校長）、石倉 美咲（副会長）', '出席者：石倉 美咲（副会長）、石倉 浩二（校長）']) {
      const speakers = speakersOf(minutes(attendees));
      expect([speakers[4], speakers[7]]).toEqual(['石倉 浩二', '石倉 浩二']);
      expect([speakers[5], speakers[8]]).toEqual(['石倉 美咲', '石倉 美咲']);
      // Either 石倉 may have said it: it is neither's, nor the last speaker's going on.
      expect(speakers[6]).toBeNull();
    }
    // A bracket that is not all kanji (（PTA会長）) still gives the title: 北条校長 is not 北条 正樹.
    const pta = (label: string): string =>
      lines('PTA役員会 記録', '出席者：北条 正樹（PTA会長）、白井 由紀（会計）', '', `${label}：夏祭りの準備について話します。`, '白井：予算は昨年と同じです。', `${label}：では決めます。`, '白井：了解しました。');
    expect(speakersOf(pta('北条会長'))[4]).toBe('北条 正樹');
    expect(speakersOf(pta('北条校長'))[4]).toBe('北条校長');
  });

  it('takes a name labelled once for a speaker when the line gives that name itself (「…顧問の佐久間です。」)', () => {
    const text = lines(
      '昼の放送 原稿',
      '',
      '森川：こんにちは。昼の放送の時間です。',
      '大西：今日は図書室からのお知らせです。',
      '森川：新しい本が十冊入りました。',
      '大西：ここで、顧問の先生からひとことです。',
      '佐久間：えー、放送委員会顧問の佐久間です。廊下は走らないでください。',
      '森川：ありがとうございました。',
      '大西：これで昼の放送を終わります。',
    );
    expect(speakersOf(text)[7]).toBe('佐久間');
    // Said once with nothing vouching for it, a label stays unattributed, as before.
    expect(speakersOf(text.replace('放送委員会顧問の佐久間です。', ''))[7]).not.toBe('佐久間');
  });

  it('links the names a legend pairs with a slash, and a full name labelled once before the short one', () => {
    const text = lines(
      'ラジオ「夜のまかない」#12　ゲスト：柳家花緑さん',
      '出演：コンビ「とんぼ」（ボケ：木村翔太＝ショウ／ツッコミ：森下亮＝リョウ）',
      'ゲスト：柳家 花緑',
      '',
      'ショウ：はいどうも、とんぼのショウです。',
      'リョウ：リョウです。今日もよろしくお願いします。',
      'ショウ：今日はゲストが来てくれてます。',
      '柳家花緑：どうも、花緑です。よろしくお願いします。',
      'リョウ：師匠、最近はどんな噺をされてるんですか。',
      '花緑：夏なので怪談噺をよくやってますね。',
      '森下：怖いのは苦手なんですよ。',
      '花緑：怖がる人ほど楽しめるんですよ。',
    );
    const speakers = speakersOf(text);
    expect(speakers[8]).toBe(speakers[10]);
    expect(speakers[8]).not.toBeNull();
    expect(speakers[11]).toBe(speakers[6]);
    expect(speakers[6]).not.toBeNull();
  });

  it('takes the name in a label’s bracket after who they are with (記者C（フリーランス・Jordan Lee）) as another name for them', () => {
    const text = lines(
      '記者会見',
      '',
      '司会：質疑応答に移ります。',
      '記者A（東西新聞・佐々木）：発売日はいつですか。',
      '広報：来月の一日です。',
      '記者B（フリーランス・Alex Kim）：価格は変わりますか。',
      '広報：据え置きです。',
      '記者A（東西新聞・佐々木）：ありがとうございました。',
      '記者B（フリーランス・Alex Kim）：ありがとうございました。',
    );
    const cast = castOf(text);
    expect(findCastMember(cast, 'Alex Kim')?.name).toBe('記者B');
    expect(findCastMember(cast, '佐々木')?.name).toBe('記者A');
  });

  it('does not take a sponsor’s line (提供：) for a speaker, nor give it to the last one', () => {
    const text = lines(
      '深夜ラジオ 書き起こし',
      '',
      'パーソナリティ（高田）：こんばんは、高田です。今夜もお便りを読みます。',
      'リスナー：もしもし、聞こえますか。',
      'パーソナリティ（高田）：はい、聞こえますよ。',
      'リスナー：ありがとうございます。',
      '提供：この番組は、みなと商店街の提供でお送りしました。',
    );
    expect(speakersOf(text)[7]).toBeNull();
    expect(castOf(text).map((member) => member.name)).not.toContain('提供');
  });
});

describe('attributeSpeakers: a talk whose host nobody names', () => {
  it('does not give a line to the one listed guest just because it names the guest’s other spelling', () => {
    const parsed = parseTranscript(
      't.txt',
      lines(
        'テック雑談 第12回',
        '',
        'どうもー、今週もゆるく話していきます。',
        '今日のゲストは、ミナトラボの藤井さんです。',
        'よろしくお願いします。会社では主にアプリを作っています。',
        '藤井さん、最近どんなものを作ってるんですか？',
        '家計簿アプリです。来月に新しい版を出します。',
        'それは楽しみですね。藤井さんのところは何人くらいのチームなんですか？',
      ),
    );
    const transcript = attributeSpeakers({ ...parsed, speakers: ['藤井あおい', 'Aoi Fujii'] });
    const byLine = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect([byLine[4], byLine[6], byLine[8]]).toEqual([null, null, null]);
  });

  it('reads a post with the name in its bracket (環境課長（森下）：) as that person, and a name with 委員 on it as the name', () => {
    const text = lines(
      '# 環境委員会 審査要旨',
      '',
      '**青木委員**：ごみ袋の値上げについて、理由を伺いたい。',
      '',
      '**環境課長（森下）**：処理費用が三年で二割上がったためでございます。',
      '',
      '**小野寺委員**：市民への周知はどうするのか。',
      '',
      '**環境部長（村岡）**：広報紙と説明会で周知いたします。',
      '',
      '**青木委員**：説明会の回数は。',
      '',
      '**環境課長（森下）**：各地区で一回ずつ、計十二回を予定しております。',
    );
    const transcript = attributeSpeakers(parseTranscript('t.md', text));
    const byLine = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect([byLine[3], byLine[5], byLine[7], byLine[9], byLine[11], byLine[13]]).toEqual(['青木', '森下', '小野寺', '村岡', '青木', '森下']);
    expect(findCastMember(transcript.cast, '環境課長')?.name).toBe('森下');
    expect(findCastMember(transcript.cast, '小野寺委員')?.name).toBe('小野寺');
  });

  it('gives the indented lines under a label alone on its line (坂本：) to that label, also where the label repeats', () => {
    const text = lines(
      '出前授業「ふるさとの川」記録',
      '',
      '進行（木下教諭）：',
      '　今日は川の話を聞きます。よろしくお願いします。',
      '',
      '大野：',
      '　大野です。この川で四十年、魚を獲ってきました。',
      '　昔は鮎がたくさんおったとです。',
      '',
      '　いまは堰ができて、ずいぶん減りました。',
      '',
      '生徒１：',
      '　どうして堰を作ったんですか？',
      '',
      '大野：',
      '　大雨で田んぼが水につかるけん、作ったとですよ。',
      '',
      '生徒２：',
      '　鮎はもう戻らんとですか？',
      '',
      '大野：',
      '　魚道ができたけん、少しずつ戻りよります。',
      '',
      '進行（木下教諭）：',
      '　大野さん、ありがとうございました。',
    );
    const byLine = speakersOf(text);
    expect([byLine[4], byLine[7], byLine[8], byLine[10], byLine[13], byLine[16], byLine[19], byLine[22], byLine[25]]).toEqual(['木下', '大野', '大野', '大野', '生徒1', '大野', '生徒2', '大野', '木下']);
  });

  it('reads a 対談 whose turns open with a family name and a full-width space, after profiles with readings, and leaves the ―― questions unknown', () => {
    const text = lines(
      '季刊ガーデン通信　特別対談',
      '',
      '森川ミサ（もりかわ・みさ）',
      '1990年長野県生まれ。園芸家。',
      '',
      '大竹修一（おおたけ・しゅういち）',
      '1975年静岡県生まれ。造園会社代表。',
      '',
      '――お二人はいつ知り合ったのですか。',
      '',
      '大竹　十年前の品評会です。森川さんのバラが一等でした。',
      '',
      '森川　あのときは緊張して、賞状を落としたんですよ。',
      '',
      '――冬の手入れで大事なことは。',
      '',
      '森川　水をやりすぎないことですね。',
      '',
      '大竹　あとは霜よけ。これに尽きます。',
    );
    const transcript = attributeSpeakers(parseTranscript('t.txt', text));
    const byLine = Object.fromEntries(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.speaker]));
    expect([byLine[9], byLine[11], byLine[13], byLine[15], byLine[17], byLine[19]]).toEqual([null, '大竹修一', '森川ミサ', null, '森川ミサ', '大竹修一']);
    expect(findCastMember(transcript.cast, '森川')?.name).toBe('森川ミサ');
    expect(findCastMember(transcript.cast, '大竹')?.name).toBe('大竹修一');
  });

  it('does not take a word alone before a colon heading an indented list (出席者：) for the speaker of the list', () => {
    const text = lines(
      '打ち合わせ記録',
      '',
      '出席者：',
      '　営業部　田中、企画部　佐藤',
      '　総務部　鈴木',
      '',
      '田中：今日はよろしくお願いします。',
      '佐藤：よろしくお願いします。',
      '田中：新商品の発売日はいつですか？',
      '佐藤：来月の十日を予定しています。',
    );
    const byLine = speakersOf(text);
    expect([byLine[3], byLine[4], byLine[5], byLine[7], byLine[8]]).toEqual([null, null, null, '田中', '佐藤']);
  });
});

describe('attributeSpeakers: labels that are not what they look like', () => {
  it('reads a katakana name ending in アナ (ダイアナ：, ジュリアナ：) as the whole name, and アナ after a kanji name as a title', () => {
    const speakers = speakersOf(lines('ラジオ', '', 'ダイアナ：こんにちは、ダイアナです。', 'ジュリアナ：ジュリアナです。', 'ダイアナ：今日は旅行の話をします。', 'ジュリアナ：いいですね。', '森アナ：ニュースです。', '森アナ：以上です。'));
    expect([speakers[3], speakers[4], speakers[5], speakers[6]]).toEqual(['ダイアナ', 'ジュリアナ', 'ダイアナ', 'ジュリアナ']);
    expect(speakers[7]).toBe('森');
  });

  it('takes a family name ending in 部 or 所 in the header (司会：阿部 真理) for part of the name, and a unit (広報部 石田) for no name', () => {
    const text = lines('対談：これからの働き方', '司会：阿部 真理', 'ゲスト：田所 浩二', '', '司会：本日はよろしくお願いします。田所さん、まず自己紹介をお願いします。', 'ゲスト：田所です。人事の仕事をしています。', '司会：ありがとうございます。', 'ゲスト：はい、だいぶ変わりました。');
    const speakers = speakersOf(text);
    expect([speakers[5], speakers[6], speakers[7]]).toEqual(['阿部 真理', '田所 浩二', '阿部 真理']);
    const unit = lines('対談：これからの働き方', '司会：広報部 石田', 'ゲスト：田所 浩二', '', '司会：本日はよろしくお願いします。田所さん、まず自己紹介をお願いします。', 'ゲスト：田所です。人事の仕事をしています。', '司会：ありがとうございます。', 'ゲスト：はい、だいぶ変わりました。');
    expect(speakersOf(unit)[5]).toBe('石田');
  });

  it('goes on with the speaker over a one-off word before a colon (結論：, 理由：), but not over one written as a person', () => {
    const text = lines('会議', '', '田中：結論から言います。', '結論：値上げはしません。', '理由：原価が下がったからです。', '鈴木：わかりました。', '田中：以上です。', '鈴木：ありがとうございます。', '指導主事 村上：一言だけ。');
    const speakers = speakersOf(text);
    expect([speakers[4], speakers[5]]).toEqual(['田中', '田中']);
    expect(speakers[9]).toBeNull();
    // A family name with a title (村井課長：) is a person who speaks once, not a word: their line is not 大島's.
    const titled = speakersOf(lines('防災訓練 打ち合わせ', '', '佐伯：訓練は十月の第二日曜です。', '大島：消火器の数は足りますか。', '佐伯：去年は二本足りませんでした。', '大島：では借りましょう。', '村井課長：市から五本借りられます。', '佐伯：助かります。'));
    expect(titled[7]).toBeNull();
    // A team (日本代表：) is a word before a colon, not a name with a title: the line goes on with the speaker.
    const team = speakersOf(lines('スポーツニュース', '', '佐伯：昨夜の試合の結果です。', '日本代表：3対1で勝利。', '大島：強かったですね。', '佐伯：はい。', '大島：次も楽しみです。'));
    expect(team[4]).toBe('佐伯');
  });

  it('takes a short timestamped line for speech where the turns carry timestamps, and for a section title where they do not', () => {
    const stamped = speakersOf(lines('インタビュー記録', '', '[00:00:10] 田中: 今日はよろしくお願いします。', '[00:00:15] 鈴木: お願いします。', '[00:00:20] 田中: 最初の質問です。', '[00:00:25] そうですね', '[00:00:30] 鈴木: 私は2010年に入社しました。', '[00:00:40] なるほどね'));
    expect([stamped[6], stamped[8]]).toEqual(['田中', '鈴木']);
    const sections = speakersOf(lines('ラジオ', '', 'サエ：こんばんは。', 'ニシ：こんばんは。', '', '[04:10] お知らせ', 'サエ：お知らせがあります。', 'ニシ：どうぞ。'));
    expect(sections[6]).toBeNull();
    const bullets = speakersOf(lines('会議', '', '田中：論点は二つです。', '● 価格のこと', '鈴木：はい、価格ですね。', '田中：もう一つは納期です。', '鈴木：わかりました。', '田中：では次に進みます。'));
    expect(bullets[4]).toBe('田中');
  });

  it('takes no demonstrative phrase (この間：, その後：) for a handle, and no title (たなか先生 → 先生) for another name', () => {
    expect([KANA_NAME_SHAPED.test('この間'), KANA_NAME_SHAPED.test('その後'), KANA_NAME_SHAPED.test('ぽてと大佐')]).toEqual([false, false, true]);
    const text = lines('授業', '', 'たなか先生：今日は光合成をやります。', '佐藤：はい。', 'たなか先生：葉っぱを見てください。', '佐藤：先生、これは何ですか。', '鈴木：先生はどう思いますか。', '鈴木：葉緑体かな。');
    const aliases = attributeSpeakers(parseTranscript('t.txt', text)).cast.flatMap((member) => member.aliases);
    expect(aliases).not.toContain('先生');
  });
});

describe('attributeSpeakers: a narrator bringing someone on in Kansai or honorific speech', () => {
  it.each([
    // Kansai honorific ～はる: 話してはった.
    ['こんなこと話してはった。'],
    // Honorific passive and おっしゃる.
    ['いろいろ話されました。'],
    ['こんなことをおっしゃった。'],
    // ～てくれた.
    ['こんな話をしてくれた。'],
  ])('credits the quotation lines after 「…さんが出てきて、%s」 to the person', (verb) => {
    const text = ['【動画】展示会に行ってきた', 'どうも、ナニワ通信のケンです。', `で、二日目に、南浜工業の営業部長の森田一郎さんがステージに出てきて、${verb}`, '「正直に言いますとね、置いただけで売れる時代は、もう終わりました」', '「売れてるところは、だいたい三つ共通点があります」', 'ほな、次いこか。'].join('\n');
    const transcript = attributeSpeakers(parseTranscript('n.txt', text));
    expect(transcript.paragraphs.filter((paragraph) => paragraph.speaker === '森田一郎').map((paragraph) => paragraph.line)).toEqual([4, 5]);
  });
});
