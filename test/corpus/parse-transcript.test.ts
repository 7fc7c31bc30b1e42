import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { LineKind, Transcript } from '../../src/corpus/types.js';

const lines = (...rows: string[]): string => rows.join('\n');
const kindsOf = (transcript: Transcript): LineKind[] => transcript.lines.map((line) => line.kind);
const kindAt = (transcript: Transcript, line: number): LineKind | undefined => transcript.lines[line - 1]?.kind;
const sectionAt = (transcript: Transcript, line: number): string | null | undefined =>
  transcript.paragraphs.find((paragraph) => paragraph.line === line)?.section;

describe('parseTranscript', () => {
  describe('metadata', () => {
    it.each([
      {
        // A byline with an ISO date right under the title.
        text: lines('オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの', 'By David Shapiro · 2024-03-20', 'こんにちは皆さん、今日はエキサイティングな一日でした。'),
        title: 'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの',
        author: 'David Shapiro',
        date: '2024-03-20',
        metadataLines: [2],
      },
      {
        // A dotted date line and an "Updated by … on <English date>" line.
        text: lines('フルスタックAIユーザーとAI社員', '2024.12.15', 'Updated by Ryo Shimizu on December 15, 2024, 17:04 pm JST', '予想通り、今月に入ってOpenAIが新製品を発表している。'),
        title: 'フルスタックAIユーザーとAI社員',
        author: 'Ryo Shimizu',
        date: '2024-12-15',
        metadataLines: [2, 3],
      },
      {
        // A title ending in 2023年3月, after header-image alt text and a character count.
        text: lines('見出し画像', '', 'イリヤとジェンセンの炉辺談話 - 現在のAIと未来のビジョン 2023年3月', '', '13,626 文字', '', 'イリヤ: 信じられへんわ。'),
        title: 'イリヤとジェンセンの炉辺談話 - 現在のAIと未来のビジョン 2023年3月',
        author: null,
        date: '2023-03',
        metadataLines: [],
      },
      {
        // Japanese byline and a labelled publication date.
        text: lines('AIと著作権', '文:山田太郎', '公開日:2024年3月20日', '生成AIと著作権の関係について考える。'),
        title: 'AIと著作権',
        author: '山田太郎',
        date: '2024-03-20',
        metadataLines: [2, 3],
      },
      {
        // No byline, no date: both stay null rather than being guessed from the text.
        text: lines('マイクロソフトが人工知能開発のために全力を注ぐ', '5,497 文字', 'ほな、ちょっと聞いてや。2028年に再稼働させる予定や。'),
        title: 'マイクロソフトが人工知能開発のために全力を注ぐ',
        author: null,
        date: null,
        metadataLines: [],
      },
    ])('reads title $title, author $author and date $date', ({ text, title, author, date, metadataLines }) => {
      const transcript = parseTranscript('a.txt', text);
      expect(transcript).toMatchObject({ title, author, date });
      expect(transcript.lines.filter((line) => line.kind === 'metadata').map((line) => line.line)).toEqual(metadataLines);
      expect(kindAt(transcript, transcript.lines.findIndex((line) => line.text === title) + 1)).toBe('title');
    });

    it('names the speakers a title introduces, and leaves paragraph speakers unset', () => {
      const transcript = parseTranscript('a.txt', lines('イリヤ・サツキーバーとジェンセン・ファンとの炉辺談話', 'イリヤ: 信じられへんわ。', 'ジェンセン: そうやな。'));
      expect(transcript.speakers).toEqual(['イリヤ・サツキーバー', 'ジェンセン・ファン']);
      expect(transcript.paragraphs.map((paragraph) => paragraph.speaker)).toEqual([null, null]);
    });

    it('names the speakers a cast list near the top lists, and keeps the list as content', () => {
      const transcript = parseTranscript(
        'drama.txt',
        lines(
          'ラジオドラマ『岬の灯』　第一回「嵐の前」',
          '',
          '【登場人物】',
          '岬 ハル（17）……灯台守の娘。高校二年生',
          '野々村 修一（29）……東京の中央気象台から来た技師',
          'ナレーター',
          '',
          'ハル「お父ちゃん、油、足しといたよ」',
        ),
      );
      expect(transcript.speakers).toEqual(['岬 ハル', '野々村 修一', 'ナレーター']);
      expect(kindAt(transcript, 5)).toBe('content');
      // A list under no cast label names no one.
      expect(parseTranscript('l.txt', lines('買い物', '', '牛乳（1本）……冷蔵', '卵……10個', '', '以上です。')).speakers).toEqual([]);
    });

    it('names the speakers an introduction line introduces', () => {
      const transcript = parseTranscript(
        'a.txt',
        lines('本エピソードは、機械学習研究者のセバスチャン・ラシュカとネイサン・ランバートが詳細に語る議論である。DeepSeekの登場がもたらした衝撃から始まる。', 'これからお届けするのは、人工知能の最先端に関する対話です。'),
      );
      expect(transcript.speakers).toEqual(['セバスチャン・ラシュカ', 'ネイサン・ランバート']);
    });

    it('takes the first sentence as the title when the first line is a whole paragraph, and keeps that line as content', () => {
      const summary = '本エピソードは、2026年初頭におけるAI技術の最新状況について語る議論である。DeepSeekの登場がもたらした衝撃から始まり、米国と中国のAI企業間の競争、オープンウェイトモデルの台頭、そしてスケーリング法則の現状まで幅広くカバーする。';
      const transcript = parseTranscript('a.txt', lines(summary, 'これからお届けするのは、人工知能の最先端に関する対話です。'));
      expect(transcript.title).toBe('本エピソードは、2026年初頭におけるAI技術の最新状況について語る議論である');
      expect(transcript.paragraphs[0]?.text).toBe(summary);
    });

    it.each([
      // The channel's name alone on the first line, the messages right under it.
      [lines('#stat2-勉強会', '[2024-05-14 21:03] 佐藤: おつかれ〜。中間の範囲出たね', '[2024-05-14 21:04] 高橋: 第3章から？'), '#stat2-勉強会'],
      // …or after a blank line.
      [lines('#random', '', '[2024-05-14 21:03] 佐藤: おつかれ〜。中間の範囲出たね', '[2024-05-14 21:04] 高橋: 第3章から？'), '#random'],
      // No header at all: the file's name, never a message.
      [lines('[2024-05-14 21:03] 佐藤: おつかれ〜。中間の範囲出たね', '[2024-05-14 21:04] 高橋: 第3章から？'), 'chat'],
    ])('takes a chat export’s channel line for its title, and never one of its messages (%#)', (text, title) => {
      const transcript = parseTranscript('chat.txt', text);
      expect(transcript.title).toBe(title);
      expect(transcript.paragraphs.map((paragraph) => paragraph.text)).toContain('[2024-05-14 21:03] 佐藤: おつかれ〜。中間の範囲出たね');
    });

    it('finds no title line in unpunctuated speech-to-text, where every line looks like one', () => {
      const transcript = parseTranscript('a.txt', lines('はいどうもこんにちは', '今日はAIの話をします', 'よろしくお願いします'));
      expect(kindsOf(transcript)).toEqual(['content', 'content', 'content']);
      expect(transcript.title).toBe('今日はAIの話をします');
    });

    it('takes no greeting or thanks for a derived title, nor the hesitation a talk opens with', () => {
      const talk = parseTranscript('a.txt', lines('えー皆さんこんにちは', 'あの本日はお招きいただきありがとうございます', 'えー私は長野県で養蜂をやっております森田と申します'));
      expect(talk.title).toBe('私は長野県で養蜂をやっております森田と申します');
      const show = parseTranscript('b.txt', lines('皆さんこんにちは。「職人の時間」です。', '今日のゲストは宮大工の佐伯さんです。'));
      expect(show.title).toBe('「職人の時間」です');
      // Only greetings: the first of them, rather than nothing.
      expect(parseTranscript('c.txt', lines('こんにちは', 'よろしくお願いします')).title).toBe('こんにちは');
    });
  });

  describe('table of contents', () => {
    const podcast = lines(
      '本エピソードは、AI技術の最新状況について語る議論である。',
      '',
      '- AIの最先端をめぐる対話',
      '- DeepSeekモーメントから見るAI競争',
      '- ツール使用の未来',
      '- 番組では扱わなかった話題',
      'AIの最先端をめぐる対話',
      'これからお届けするのは、人工知能の最先端に関する対話です。',
      'DeepSeekモーメントから見るAI競争',
      'これは2025年初頭に起こりました。',
      'では、今年のツール使用の未来は何でしょうか。',
      '- ツール使用の未来',
      'ツール使用は大きく変わると思います。',
    );

    it('marks the contents list as toc and its entries, found again below, as headings', () => {
      const transcript = parseTranscript('p.txt', podcast);
      expect(kindsOf(transcript)).toEqual([
        'content', 'blank', 'toc', 'toc', 'toc', 'toc',
        // A heading repeated as a plain line and one repeated with its bullet both count.
        'heading', 'content', 'heading', 'content', 'content', 'heading', 'content',
      ]);
      // An entry that never reappears is not a section of the text.
      expect(transcript.sections).toEqual(['AIの最先端をめぐる対話', 'DeepSeekモーメントから見るAI競争', 'ツール使用の未来']);
    });

    it.each([
      // Before the first heading there is no section.
      [1, null],
      [8, 'AIの最先端をめぐる対話'],
      // A content line that merely contains an entry (…ツール使用の未来は…) does not open a section.
      [11, 'DeepSeekモーメントから見るAI競争'],
      [13, 'ツール使用の未来'],
    ])('assigns line %i to section %j', (line, section) => {
      expect(sectionAt(parseTranscript('p.txt', podcast), line)).toBe(section);
    });

    it('matches a heading that extends its entry, but not a sentence starting with it', () => {
      const transcript = parseTranscript(
        'p.txt',
        lines('ポッドキャスト', '- データ品質の重要性', '- 著作権問題', '- AIと教育', 'データ品質の重要性(前編)', 'データは大事です。', 'データ品質の重要性は言うまでもありません。', '著作権問題', '難しい問題です。', 'AIと教育', '教育は変わります。'),
      );
      expect(kindAt(transcript, 5)).toBe('heading');
      expect(kindAt(transcript, 7)).toBe('content');
      expect(sectionAt(transcript, 7)).toBe('データ品質の重要性');
    });

    it('matches entries to headings across full-width and half-width spellings', () => {
      const transcript = parseTranscript('p.txt', lines('番組', '・ＡＩと教育', '・ＬＬＭの仕組み', '・RLHF研究', 'AIと教育', '教育は変わります。', 'LLMの仕組み', '仕組みを学びます。', 'ＲＬＨＦ研究', '研究の話です。'));
      expect(kindsOf(transcript)).toEqual(['title', 'toc', 'toc', 'toc', 'heading', 'content', 'heading', 'content', 'heading', 'content']);
      // Section names keep the spelling of the contents list.
      expect(transcript.sections).toEqual(['ＡＩと教育', 'ＬＬＭの仕組み', 'RLHF研究']);
    });

    it('treats lines after a 目次 label as contents even without bullets', () => {
      const transcript = parseTranscript('p.txt', lines('対談記録', '', '目次', '1. はじめに', '2. 背景', '', 'はじめに', '本日はお集まりいただきありがとうございます。', '背景', '背景について説明します。'));
      expect(kindsOf(transcript)).toEqual(['title', 'blank', 'toc', 'toc', 'toc', 'blank', 'heading', 'content', 'heading', 'content']);
      expect(transcript.sections).toEqual(['はじめに', '背景']);
    });

    it('keeps a bulleted list of topics as content when its items never reappear as headings', () => {
      const transcript = parseTranscript('n.txt', lines('AIニュースまとめ', '今週の話題は次の三つです。', '- GPT-5', '- Gemini 2', '- Claude 4', 'まずGPT-5から見ていきましょう。'));
      expect(kindsOf(transcript)).toEqual(['title', 'content', 'content', 'content', 'content', 'content']);
      expect(transcript.sections).toEqual([]);
    });
  });

  describe('headings without a table of contents', () => {
    it('keeps a transcription tool\'s header fields and a separator line out of the sections', () => {
      const transcript = parseTranscript(
        'export.txt',
        lines('インタビュー_最終版', '作成日時: 2025/04/18 14:02', '話者数: 2', '---', '佐藤: 本日はよろしくお願いします。', '高橋: よろしくお願いします。'),
      );
      expect(kindsOf(transcript)).toEqual(['title', 'metadata', 'metadata', 'boilerplate', 'content', 'content']);
      expect(transcript.date).toBe('2025-04-18');
      expect(sectionAt(transcript, 5)).toBeNull();
    });

    it('reads a short spoken line ending in a laugh as content, not a heading', () => {
      const transcript = parseTranscript(
        'talk.txt',
        lines('テクノロジーの余白 第42回', '去年はロボットに2000回つかませました。', '落としたのは14回でした（笑）', 'すごいですね。ほかにはどんな実験をしていますか。'),
      );
      expect(kindAt(transcript, 3)).toBe('content');
      expect(sectionAt(transcript, 4)).toBeNull();
    });

    // Heading, bulleted summary, the heading echoed: the layout of a summarised talk.
    const summary = lines(
      'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの',
      'By David Shapiro · 2024-03-20',
      'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの',
      '- こんにちは皆さん、今日はエキサイティングな一日でした。',
      'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの',
      'AIの未来と大企業の役割',
      '- 資産を購入する拒否、それが事実であれば、結局のところサム・オルマンは多くを獲得します。',
      'AIの未来と大企業の役割',
      '次世代AIの民主的アプローチとは?',
      '- 様々なショップ間でのさらなるクロスコラボレーションが必要だと感じています。',
      '次世代AIの民主的アプローチとは?',
      'Conclusion:',
      'オープンAIの未来について考察しました。',
    );

    it.each([
      // The title echoed as a heading is a heading (its later echoes are duplicates).
      [3, 'heading'],
      [5, 'duplicate'],
      // A short unpunctuated line opening content is a heading; its echo after the block is a duplicate.
      [6, 'heading'],
      [8, 'duplicate'],
      // A question is a heading only because it is echoed after its block.
      [9, 'heading'],
      [11, 'duplicate'],
      // A `Conclusion:` label opens a section.
      [12, 'heading'],
      [13, 'content'],
    ])('classifies line %i as %s', (line, kind) => {
      expect(kindAt(parseTranscript('s.txt', summary), line)).toBe(kind);
    });

    it('names sections after their headings, without the trailing colon', () => {
      const transcript = parseTranscript('s.txt', summary);
      expect(transcript.sections).toEqual([
        'オープンAIの未来:サム・アルマン氏の去り行くことが意味するもの',
        'AIの未来と大企業の役割',
        '次世代AIの民主的アプローチとは?',
        'Conclusion',
      ]);
      expect(sectionAt(transcript, 10)).toBe('次世代AIの民主的アプローチとは?');
      expect(sectionAt(transcript, 13)).toBe('Conclusion');
    });

    it('reads markdown headings', () => {
      const transcript = parseTranscript('m.md', lines('# AIの未来', '', '## はじめに', '今日はAIについて話します。', '## 本題', 'まず最初に、GPT-4について。'));
      expect(kindsOf(transcript)).toEqual(['title', 'blank', 'heading', 'content', 'heading', 'content']);
      expect(transcript.title).toBe('AIの未来');
      expect(transcript.sections).toEqual(['はじめに', '本題']);
    });

    it('reads a line after a heading mark such as ■ as a heading, unlike a bulleted line', () => {
      const transcript = parseTranscript(
        'h.txt',
        lines(
          '生成AIの現在地',
          '■ 背景',
          '今月に入ってOpenAIが怒涛のように新製品を発表し、GoogleがGeminiを、Tencentが動画生成AIを相次いで発表している。',
          '- 要点',
          'AIの文章は初期に比べると格段の進歩を遂げたと言って良い。数式を書かせたら、筆者より綺麗に書くし賢い。',
        ),
      );
      expect(kindsOf(transcript)).toEqual(['title', 'heading', 'content', 'content', 'content']);
      expect(transcript.sections).toEqual(['背景']);
    });

    it.each([
      // Short spoken lines end with punctuation: never headings.
      ['short sentences', lines('AIのビッグバン', 'さて、AlexNetの年は2012年やったな?', 'そうや、2012年や。', '計算力さえあればな。', 'AIのビッグバンや。'), []],
      // A spoken question without an echo is not a heading.
      ['a question', lines('対談', 'では、今後数年間のツール使用の未来は何ですか?', '私はツール使用が大きく変わると思います。理由は二つあります。'), []],
      // Speaker names on their own lines recur without being echoed: labels, not headings.
      [
        'speaker labels',
        lines(
          '田中と鈴木の対談',
          '',
          '田中',
          'こんにちは、今日はよろしくお願いします。最近の生成AIの進歩について、研究者の立場から伺いたいと思います。',
          '鈴木',
          'よろしくお願いします。この一年で一番大きかったのは、推論モデルが実用的な水準に達したことだと思います。',
          '田中',
          'なるほど。それは具体的にはどのような場面で実感されましたか。研究の現場での変化を教えてください。',
        ),
        [],
      ],
      // Raw speech-to-text has no punctuation at all: its short lines are speech, not headings.
      [
        'unpunctuated speech',
        lines(
          'えーと今日は',
          'AIの話をしようと思うんですけどまず最初にですね最近のニュースから見ていきたいと思います',
          '次に音声認識',
          'の話なんですけどこれがまた最近すごく精度が上がってきていてですね驚いているところです',
        ),
        [],
      ],
      // A reference URL is not a heading.
      [
        'a URL line',
        lines(
          '記事',
          'Byte Latent Transformerのような新技術や、小規模な言語モデルでも高度な問題を解くことができるEntropixなども登場した。',
          '参考:https://t.co/4c1867748',
          'おそらく来年中にはもっと軽量かつ高性能な言語モデルや画像生成モデルが開発されるだろう。初登場した時には数分かかっていた。',
        ),
        [],
      ],
      // A line that continues a sentence broken after 、 is not a heading.
      [
        'a broken sentence',
        lines(
          '記事',
          'ポスト学習は、モデルが前進プロセスで言葉を生成していることを反映しています。非常に慎重なデータキュレーションです。',
          'これは単にモデルが言葉を生成していることで、問題を中間ステップに分解して解決しようとする中間学習で、',
          '重要な転換点',
          'になったと考えられます。これは大きな変化であり、今後の研究の方向性を大きく左右するものだと思います。',
          'そして推論時スケーリングやRLVRといった新しいパラダイムが実用的な能力向上をもたらしています。',
        ),
        [],
      ],
      // A speaker the title names, alone on a line before their only turn, is a label, not a heading.
      [
        'a named speaker alone on a line',
        lines('サム・アルトマンとジェンセン・ファンの対談', 'ジェンセン・ファン', '本日はありがとうございます。まずはO1について教えてください。', 'はい、O1は推論モデルです。'),
        [],
      ],
    ])('finds no heading in %s', (_, text, sections) => {
      const transcript = parseTranscript('h.txt', text);
      expect(transcript.sections).toEqual(sections);
      expect(kindsOf(transcript)).not.toContain('heading');
    });
  });

  describe('boilerplate', () => {
    it('keeps platform lines out of the paragraphs but keeps a closing line with content', () => {
      const closing = 'ほな、これで終わりや。チャンネル登録してくれたり、いいねボタン押してくれたりしたら嬉しいな。';
      const transcript = parseTranscript(
        'b.txt',
        lines('見出し画像', 'タイトル', '5,497 文字', '本文や。', closing, 'この記事が気に入ったらサポートをしてみませんか?', '', 'コメント'),
      );
      expect(kindsOf(transcript)).toEqual(['boilerplate', 'title', 'boilerplate', 'content', 'content', 'boilerplate', 'blank', 'boilerplate']);
      expect(transcript.paragraphs.map((paragraph) => paragraph.text)).toEqual(['本文や。', closing]);
    });
  });

  it('takes neither stage directions nor a header of fields for section headings', () => {
    const transcript = parseTranscript(
      'p.txt',
      lines(
        '町の発酵トークセッション 文字起こし',
        '2023年11月3日 市民ホールにて',
        '撮影:山本 / 聞き手:編集部',
        'はい、皆さんこんにちは。本日はよろしくお願いいたします。',
        '[会場笑い]',
        'では最初の質問に移りたいと思いますが、まずは味噌の歴史からお話しいただけますか。',
        'ありがとうございます。味噌の歴史は古く、奈良時代にはもう似たものがあったと言われています。',
      ),
    );
    expect(transcript.sections).toEqual([]);
    expect(transcript.date).toBe('2023-11-03');
    expect(kindsOf(transcript).slice(0, 5)).toEqual(['title', 'metadata', 'metadata', 'content', 'boilerplate']);
  });

  it('reads a line between rules as a heading and an editor’s ※ note as no heading', () => {
    const transcript = parseTranscript(
      'w.txt',
      lines('ウェビナー書き起こし', '', '==== 本編 ====', '', '[00:00:05] 西村：皆さんこんばんは。本日はよろしくお願いします。', '※ハル＝春日部 遥、ケン＝森 健二', '[00:00:20] 西村：それでは始めます。', '==== チャットログ（Zoom 保存データより。個人名は参加者の同意を得て掲載） ====', '12:03:15 From 田中 to Everyone: 質問です。'),
    );
    expect(transcript.sections).toEqual(['本編', 'チャットログ（Zoom 保存データより。個人名は参加者の同意を得て掲載）']);
    expect(kindAt(transcript, 6)).toBe('content');
  });

  it('takes neither a music cue nor a tagged chat message for a heading', () => {
    const transcript = parseTranscript(
      'r.md',
      lines(
        '# 深夜の将棋ラジオ 第5回',
        '',
        '♪オープニングテーマ（「まわり将棋」）',
        '',
        '**[00:01:10] 司会**：こんばんは、今夜も将棋の話を一時間たっぷりお届けします。',
        '[chat] komadai_99: 待ってた',
        '**[00:01:40] 司会**：今日のゲストは、県代表にもなったことのある元奨励会員の方です。',
        '[chat] fuu_ten: 楽しみ',
        '**[00:02:05] ゲスト**：よろしくお願いします。今日は序盤の駒組みについてお話しします。',
      ),
    );
    expect(transcript.sections).toEqual([]);
    expect(kindAt(transcript, 3)).toBe('content');
    expect(kindAt(transcript, 6)).toBe('content');
    expect(kindAt(transcript, 8)).toBe('content');
  });

  it('reads headings after a heading mark even when they end in a quotation or follow a short line', () => {
    const transcript = parseTranscript(
      'k.txt',
      lines(
        '町内会 定例会 議事メモ',
        '',
        '■ 1. 防災訓練',
        '会長：来月の防災訓練は、例年どおり小学校の校庭で行います。雨天の場合は体育館です。',
        '',
        '■ 2. 新しい掲示板「まちのお知らせ板」',
        '会長：駅前に新しい掲示板を置くことになりました。設置は来週の予定です。',
        '副会長：誰が貼るの？',
        '【質疑】',
        '住民：掲示板には個人でもお知らせを貼れるのですか。',
        '会長：町内会の許可をとれば、どなたでも貼れます。',
        '【まとめ】',
        '会長：本日の議題はすべて終わりました。お疲れさまでした。',
      ),
    );
    expect(transcript.sections).toEqual(['1. 防災訓練', '2. 新しい掲示板「まちのお知らせ板」', '【質疑】', '【まとめ】']);
    expect(sectionAt(transcript, 7)).toBe('2. 新しい掲示板「まちのお知らせ板」');
    expect(sectionAt(transcript, 13)).toBe('【まとめ】');
  });

  it('takes no unmarked short line for a heading where the headings are marked, nor a footer holding a field', () => {
    const transcript = parseTranscript(
      'g.txt',
      lines(
        '市民マラソン大会 結果と選手コメント',
        '',
        '【入賞者】',
        '1位　川口 大輔（北町陸上クラブ）',
        '※以下、ゴール後のインタビューでの発言を、大会事務局の協力のもとでまとめたものです。',
        '',
        '【川口選手のコメント】',
        '川口：後半の上り坂で前に出られたのが大きかったです。去年の悔しさを晴らせました。',
        '――――――――',
        '市民マラソン実行委員会　連絡先：市役所スポーツ課',
        '来年の大会は十月に開催する予定です。詳しくは市の広報誌でお知らせします。',
      ),
    );
    expect(transcript.sections).toEqual(['【入賞者】', '【川口選手のコメント】']);
    expect(kindAt(transcript, 4)).toBe('content');
    expect(kindAt(transcript, 10)).toBe('content');
  });

  it('takes no line of a cast list in columns for a heading', () => {
    const transcript = parseTranscript(
      'c.txt',
      lines(
        '令和５年第２回みどり町議会定例会会議録',
        '',
        '本日の会議に出席した議員は十二名で、定足数に達しています。町長ほか説明員の出席は次のとおりです。',
        '説明のため出席した者',
        '　町長　　　　　　　　　　　　森田　一郎君',
        '　総務課長　　　　　　　　　　石井　道子君',
        '────────────',
        '○議長（川村次郎君）　おはようございます。ただいまから本日の会議を開きます。本日の日程はお手元に配付のとおりです。',
      ),
    );
    expect(kindAt(transcript, 6)).toBe('content');
    expect(transcript.sections).not.toContain('総務課長　　　　　　　　　　石井　道子君');
  });

  it('takes a label that opens other lines too (「板書：」) for no heading', () => {
    const transcript = parseTranscript(
      'j.txt',
      lines(
        '授業の記録 国語「ことわざ」',
        '',
        '先生：今日はことわざの意味を考えます。まず教科書の二十ページを開いてください。',
        '板書：ことわざ…昔からの知恵を短く言った言葉',
        '先生：たとえば「急がば回れ」は、急ぐときほど安全な道を選べという意味です。',
        '板書：急がば回れ',
        '生徒：遠回りのほうが早いってことですか。なんだか不思議な気がします。',
      ),
    );
    expect(transcript.sections).toEqual([]);
    expect(kindAt(transcript, 4)).toBe('content');
  });

  it('reads a header of fields no rule knows, a subtitle and a cast list as the header, never as headings', () => {
    const transcript = parseTranscript(
      'h.md',
      lines(
        '# 町の歴史を聞く会 第3回',
        '〇〇市郷土資料館 聞き取り記録集 第二号',
        '',
        '- 語り手：田村ハル（大正15年生まれ）',
        '- 同席：孫の田村 実',
        '- 収録日：2022年5月14日（土）午後',
        '',
        '館長　記録係　森 和夫',
        '聞き手：それでは、子どもの頃の町の様子から伺えますか。覚えていらっしゃることを何でも結構です。',
        '田村：駅前はまだ田んぼばかりで、汽車が来ると皆で見に行ったものです。煙がもくもくと上がっていました。',
        '【戦争のころ】',
        '田村：昭和二十年の春には、学校の校庭が畑になって、芋を植えていました。みんなお腹をすかせていました。',
        '館長　記録係　森 和夫',
      ),
    );
    expect(transcript.date).toBe('2022-05-14');
    expect(transcript.sections).toEqual(['【戦争のころ】']);
    expect(kindAt(transcript, 2)).toBe('content');
    expect(kindAt(transcript, 5)).toBe('content');
    expect(kindAt(transcript, 6)).toBe('metadata');
    expect(sectionAt(transcript, 10)).toBeNull();
  });

  it('indexes a heading that states a date as a paragraph too, and no other heading', () => {
    const transcript = parseTranscript(
      'u.md',
      lines(
        '# 庭の柿の木を植え替えた記録',
        '',
        '## 植え替えの手順',
        '',
        '根を傷めないよう、周りを大きく掘ってから新しい場所へ移しました。',
        '',
        '## 追記（2023年12月3日）',
        '',
        '冬を越せるか心配でしたが、新しい芽が出てきました。',
      ),
    );
    expect(transcript.sections).toEqual(['植え替えの手順', '追記（2023年12月3日）']);
    expect(kindAt(transcript, 7)).toBe('heading');
    expect(transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.section])).toEqual([
      [5, '植え替えの手順'],
      [7, '追記（2023年12月3日）'],
      [9, '追記（2023年12月3日）'],
    ]);
    expect(transcript.paragraphs[1]?.text).toBe('## 追記（2023年12月3日）');
  });

  it("takes a saved talk's day lines for the headings that date the messages under them, the first under the header too", () => {
    const transcript = parseTranscript(
      'talk.txt',
      lines(
        '[LINE] 【山本家】のトーク履歴',
        '保存日時：2024/06/20 21:00',
        '',
        '2024/06/01(土)',
        '19:02\t父\t来週の法事、何時からだっけ',
        '19:05\tみゆき\t11時からだよ',
        '',
        '2024/06/03(月)',
        '08:10\t父\t了解',
      ),
    );
    expect([kindAt(transcript, 4), kindAt(transcript, 8)]).toEqual(['heading', 'heading']);
    expect([5, 6, 9].map((line) => sectionAt(transcript, line))).toEqual(['2024/06/01(土)', '2024/06/01(土)', '2024/06/03(月)']);
  });

  it('keeps a header line that says only where in the index, as a fact, not a heading', () => {
    const transcript = parseTranscript(
      'p.txt',
      lines(
        '子育て相談会 記録',
        '日時：2023年6月10日（土）10:00〜11:30',
        '会場：北町コミュニティセンター 2階和室',
        '',
        '司会：皆さん、おはようございます。今日は寝かしつけの悩みについて、保健師の先生に伺います。',
        '保健師：よろしくお願いします。まず、眠る前の一時間は画面を見せないことから始めてみましょう。',
      ),
    );
    expect(transcript.date).toBe('2023-06-10');
    expect(kindsOf(transcript).slice(0, 3)).toEqual(['title', 'metadata', 'content']);
    expect(transcript.sections).toEqual([]);
    expect(transcript.paragraphs[0]?.text).toBe('会場：北町コミュニティセンター 2階和室');
  });

  it('keeps the day of the last update in the index, and takes it for the date only when no other line gives one', () => {
    const header = ['# ぬか床の作り方', '', '公開日：2023年6月1日', '更新日：2024年3月15日', '文・写真：台所研究家 小川みどり', ''];
    const body = '「ぬか漬けって難しそう」と思っていませんか？　手順さえ守れば誰でも始められます。';
    const transcript = parseTranscript('n.md', lines(...header, body));
    expect(transcript.date).toBe('2023-06-01');
    expect(kindsOf(transcript).slice(2, 5)).toEqual(['metadata', 'content', 'metadata']);
    expect(transcript.paragraphs[0]?.text).toBe('更新日：2024年3月15日');
    expect(transcript.sections).toEqual([]);
    const updatedOnly = parseTranscript('n.md', lines('# ぬか床の作り方', '', '更新日：2024年3月15日', '', body));
    expect(updatedOnly.date).toBe('2024-03-15');
  });

  it("takes a speaker's label alone above the words for metadata, never a paragraph nor a heading", () => {
    const stt = parseTranscript(
      'stt.txt',
      lines(
        'インタビュー_20240209.m4a',
        '',
        '話者1  00:00',
        'では録音を始めます。今日は港の魚市場に来ています。こちらは仲買人の野口さんです。',
        '',
        '話者2  00:15',
        'おう、野口じゃ。よろしくのう。',
        '',
        '話者1  00:24',
        'この仕事はいつからですか？',
        '',
        '話者2  00:27',
        '十八の時からじゃけえ、もう四十年よ。',
      ),
    );
    expect(kindsOf(stt)).toEqual(['title', 'blank', 'metadata', 'content', 'blank', 'metadata', 'content', 'blank', 'metadata', 'content', 'blank', 'metadata', 'content']);
    expect(stt.sections).toEqual([]);
    const news = parseTranscript(
      'news.txt',
      lines(
        '夕方ニュース',
        'アナウンサー　みなと大橋が、きょう午後３時に開通しました。',
        '〈市民〉',
        '「毎朝の通勤がずっと渋滞だったので、本当に助かります。」',
        '〈みなと市長　山田一郎さん〉',
        '「７年がかりの事業でした。」',
        '（ナレーション）市は、1日あたりおよそ２万台の通行を見込んでいます。',
      ),
    );
    expect(kindsOf(news)).toEqual(['title', 'content', 'metadata', 'content', 'metadata', 'content', 'content']);
    // A name and a time once, as in a schedule, stays content.
    const schedule = parseTranscript('s.txt', lines('当日の流れ', '受付が済んだら、ホールへお進みください。', '開会  10:00', '閉会  16:00'));
    expect(kindsOf(schedule).slice(2)).toEqual(['content', 'content']);
    // A schedule names its items again and again, but each item heads the next, not words: all stay content.
    const repeated = parseTranscript('r.txt', lines('研修の流れ', '', '講演　10:00', '休憩　10:50', '講演　11:00', '休憩　11:50', '', '昼食は各自でとってください。'));
    expect(kindsOf(repeated).slice(2, 6)).toEqual(['content', 'content', 'content', 'content']);
    // A name before a time that heads words twice is a speaker's label.
    const talk = parseTranscript('t.txt', lines('打ち合わせ', '', '田中  00:00', '始めましょうか。', '', '佐藤  00:05', 'はい。', '', '田中  00:09', '資料は届きましたか？', '', '佐藤  00:12', '届きました。'));
    expect(kindsOf(talk).filter((kind) => kind === 'metadata')).toHaveLength(4);
  });

  it('takes a heading mark followed by a short cue for a heading, so the lines under it are its section', () => {
    const transcript = parseTranscript(
      'drama.txt',
      lines(
        'ラジオドラマ『港の朝』',
        '',
        '■シーン2　市場（五月三日・朝）',
        '',
        'SE　競りの声。トラックの音',
        '',
        'トモ「マサ兄、今朝のカツオはええ型やで。」',
        '',
        '■シーン3　漁協・事務所（五月四日・昼）',
        '',
        'SE　電話の音',
        '',
        'マサ「組合長、今年の水揚げは去年の倍です。値段は落ちとるけど。」',
      ),
    );
    expect(transcript.sections).toEqual(['シーン2　市場（五月三日・朝）', 'シーン3　漁協・事務所（五月四日・昼）']);
    expect(sectionAt(transcript, 13)).toBe('シーン3　漁協・事務所（五月四日・昼）');
  });

  it('takes a list of related articles under its label for boilerplate, dates and all', () => {
    const transcript = parseTranscript(
      'b.md',
      lines(
        '# 自宅サーバーを片付けた話',
        '',
        '先月、十年使った自宅サーバーを片付けました。電気代が気になっていたからです。',
        '',
        '## あわせて読みたい',
        '',
        '- 【2022/03/01】自宅サーバーの電気代を測ってみた',
        '- 【2023/07/12】NASを買い替えたときのメモ',
        '',
        '**最近の投稿**',
        '- 2024/01/20 キーボードを自作した',
        '',
        '© 2024 ある技術ブログ',
      ),
    );
    expect(transcript.sections).toEqual([]);
    expect(transcript.paragraphs.map((paragraph) => paragraph.line)).toEqual([3]);
    expect([5, 7, 8, 10, 11].map((line) => kindAt(transcript, line))).toEqual(['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
  });

  it('takes no field of an info box (「定休日：毎週水曜日」) for a heading, unlike a labelled heading', () => {
    const transcript = parseTranscript(
      'n.md',
      lines('銭湯の話', '', '今日はコストの話をします。', '監視関連のコストは、インフラ費全体のだいたい12%くらいですね。', '定休日：毎週水曜日', '都会に住む人が年会費三万円で田んぼ一枚のオーナーになる。', 'Part 2：コストの話', '次回は11月22日（金）の午後7時から、東地区の公民館で行います。'),
    );
    expect(kindAt(transcript, 5)).toBe('content');
    expect(kindAt(transcript, 7)).toBe('heading');
  });

  it('takes no cue line of a subtitle file for a heading', () => {
    // Two-line cues: the first line is short and unpunctuated, as a heading would be.
    const transcript = parseTranscript(
      's.txt',
      lines(
        '1',
        '00:00:01,000 --> 00:00:04,500',
        '皆さんこんにちは。「職人の時間」です。',
        '',
        '2',
        '00:00:04,600 --> 00:00:09,200',
        '今日のゲストは、宮大工の佐伯健一さんです。',
        '佐伯さん、よろしくお願いします。',
        '',
        '3',
        '00:00:09,300 --> 00:00:12,800',
        'よろしくお願いします。',
        '佐伯です。',
        '',
        '4',
        '00:00:13,000 --> 00:00:17,400',
        '佐伯さんはいつから宮大工の',
        '仕事をされているんですか？',
        '',
        '5',
        '00:00:17,500 --> 00:00:23,900',
        '18歳で奈良の工務店に弟子入りしたのが',
        '1986年ですから、もう40年近くになりますね。',
        '',
        '6',
        '00:00:24,000 --> 00:00:28,300',
        '宮大工というのは、普通の大工さんと',
        'どう違うんでしょうか。',
        '',
        '7',
        '00:00:28,400 --> 00:00:35,100',
        '宮大工は、神社やお寺の建物を',
        '建てたり修理したりする大工のことです。',
        '',
        '8',
        '00:00:35,200 --> 00:00:41,600',
        '釘をほとんど使わずに、木と木を組み合わせる',
        '「継手」や「仕口」という技術で建てるんです。',
        '',
        '9',
        '00:00:41,700 --> 00:00:46,000',
        'これまでで一番大変だった仕事は何ですか？',
        '',
        '10',
        '00:00:46,100 --> 00:00:53,800',
      ),
    );
    expect(transcript.sections).toEqual([]);
    expect(kindsOf(transcript)).not.toContain('heading');
  });

  it('keeps only the speech of a subtitle file', () => {
    const transcript = parseTranscript('s.srt.txt', lines('1', '00:00:01,000 --> 00:00:04,000', 'こんにちは、今日はAIの話をします。', '', '2', '00:00:04,500 --> 00:00:08,000', 'よろしくお願いします。'));
    expect(kindsOf(transcript)).toEqual(['boilerplate', 'boilerplate', 'content', 'blank', 'boilerplate', 'boilerplate', 'content']);
    expect(transcript.title).toBe('こんにちは、今日はAIの話をします');
  });

  it('takes a WebVTT cue identifier before a timing line for the player’s, and a sentence runs on past it', () => {
    const transcript = parseTranscript(
      'v.vtt.txt',
      lines('WEBVTT', '', 'intro', '00:01.000 --> 00:04.000', '今日は光合成について', '', 'q2', '00:04.500 --> 00:08.000', '話していきます。'),
    );
    expect(kindsOf(transcript)).toEqual(['boilerplate', 'blank', 'boilerplate', 'boilerplate', 'content', 'blank', 'boilerplate', 'boilerplate', 'content']);
    expect(transcript.paragraphs.map((paragraph) => paragraph.text)).toEqual(['今日は光合成について話していきます。']);
  });

  it('takes a WebVTT header’s settings and its NOTE mark for the format’s, and keeps the note’s words', () => {
    const transcript = parseTranscript(
      'v.vtt.txt',
      lines('WEBVTT', 'Kind: captions', 'Language: ja', '', 'NOTE', '植物学基礎 第2回 光合成', '', '00:01.000 --> 00:04.000', '<v 教員>始めます。', '', '00:04.500 --> 00:08.000', '<v 教員>今日は光合成です。'),
    );
    expect(kindsOf(transcript).slice(0, 6)).toEqual(['boilerplate', 'boilerplate', 'boilerplate', 'blank', 'boilerplate', 'content']);
    expect(transcript.title).toBe('植物学基礎 第2回 光合成');
  });

  describe('a sentence run on over lines', () => {
    const spans = (transcript: Transcript): Array<[number, number | undefined, string]> =>
      transcript.paragraphs.map((paragraph) => [paragraph.line, paragraph.lineEnd, paragraph.text]);

    it('joins the lines of a subtitle cue that break a sentence, and cites the first and last line', () => {
      const transcript = parseTranscript(
        's.txt',
        lines(
          '1',
          '00:00:00,500 --> 00:00:01,000',
          '皆さんこんにちは。',
          '',
          '2',
          '00:00:01,000 --> 00:00:04,500',
          '18歳で奈良の工務店に弟子入りしたのが',
          '1986年ですから、もう40年近くになりますね。',
          '',
          '3',
          '00:00:04,600 --> 00:00:09,200',
          '今日のゲストは佐伯さんです。',
          'よろしくお願いします。',
          '',
          '4',
          '00:00:09,300 --> 00:00:12,000',
          'The temple was rebuilt',
          'in 2011.',
        ),
      );
      expect(spans(transcript).slice(1)).toEqual([
        [7, 8, '18歳で奈良の工務店に弟子入りしたのが1986年ですから、もう40年近くになりますね。'],
        [12, undefined, '今日のゲストは佐伯さんです。'],
        [13, undefined, 'よろしくお願いします。'],
        [17, 18, 'The temple was rebuilt in 2011.'],
      ]);
      expect(transcript.paragraphs[1]?.sentences.map((sentence) => sentence.text)).toEqual(['18歳で奈良の工務店に弟子入りしたのが1986年ですから、もう40年近くになりますね。']);
      expect(transcript.lines.map((line) => line.kind).slice(6, 8)).toEqual(['content', 'content']);
    });

    it('joins a sentence run on over subtitle cues, past the cue numbers and timings, and cites its first and last line', () => {
      const transcript = parseTranscript(
        'a.srt.txt',
        lines(
          '1',
          '00:00:11,700 --> 00:00:15,300',
          '去年、2024年の5月11日の夜に、北海道の各地で',
          '',
          '2',
          '00:00:15,500 --> 00:00:18,900',
          '赤いオーロラが観測されてニュースになりましたよね。',
          '',
          '3',
          '00:00:18,900 --> 00:00:19,500',
          '[音楽]',
          '',
          '4',
          '00:00:20,800 --> 00:00:24,500',
          'この、地球の磁場がバリアみたいに効いている領域のことを',
          '',
          '5',
          '00:00:24,700 --> 00:00:28,400',
          '「磁気圏」と呼びます。',
        ),
      );
      expect(spans(transcript)).toEqual([
        [3, 7, '去年、2024年の5月11日の夜に、北海道の各地で赤いオーロラが観測されてニュースになりましたよね。'],
        [15, 19, 'この、地球の磁場がバリアみたいに効いている領域のことを「磁気圏」と呼びます。'],
      ]);
      expect(kindsOf(transcript).slice(3, 6)).toEqual(['blank', 'boilerplate', 'boilerplate']);
    });

    it('joins a line of unpunctuated speech that stops on a particle asking for more, and nothing else', () => {
      const transcript = parseTranscript(
        'stt.txt',
        lines(
          'えー皆さんこんにちは',
          'まず私が養蜂を始めたのは2009年なんですけど',
          'あの当時は会社員をしながら週末だけ巣箱を置いてたんですね',
          'これにやられると群れが弱ってしまって',
          '冬を越せなくなるんです',
          'なんで行くの',
          'だって暑いから',
        ),
      );
      expect(spans(transcript).map(([line, lineEnd]) => [line, lineEnd])).toEqual([
        [1, undefined],
        [2, 3],
        [4, undefined],
        [5, undefined],
        [6, undefined],
        [7, undefined],
      ]);
      expect(transcript.paragraphs[1]?.text).toBe('まず私が養蜂を始めたのは2009年なんですけどあの当時は会社員をしながら週末だけ巣箱を置いてたんですね');
    });

    it('joins auto-caption fragments, a timestamp and a few words each, up to a sentence-final ending', () => {
      const captions = [
        '0:00 はいどうも',
        '0:01 みなさんこんにちは',
        '0:13 パン好き会社員の',
        '0:14 こばやし',
        '0:15 ゆうきです',
        '0:46 はい',
        '0:47 元種っていうのは',
        '0:48 酵母を粉と水で',
        '0:50 何回か継ぎ足して',
        '0:52 育てたもののことです',
        '1:56 一次発酵は',
        '1:57 だいたい',
        '1:58 8時間から10時間',
        '2:04 OKです',
      ];
      const transcript = parseTranscript('c.txt', lines('パンを焼いてみた', ...captions));
      expect(spans(transcript)).toEqual([
        [2, undefined, '0:00 はいどうも'],
        [3, undefined, '0:01 みなさんこんにちは'],
        [4, 6, '0:13 パン好き会社員の こばやし ゆうきです'],
        [7, undefined, '0:46 はい'],
        [8, 11, '0:47 元種っていうのは 酵母を粉と水で 何回か継ぎ足して 育てたもののことです'],
        [12, 15, '1:56 一次発酵は だいたい 8時間から10時間 OKです'],
      ]);
      // The same fragments with no timestamps are unpunctuated speech: joined only on a particle (は).
      const bare = parseTranscript('d.txt', lines('パンを焼いてみた', ...captions.map((caption) => caption.replace(/^\S+ /u, ''))));
      expect(bare.paragraphs.filter((paragraph) => paragraph.lineEnd !== undefined).map((paragraph) => [paragraph.line, paragraph.lineEnd])).toEqual([
        [8, 9],
        [12, 13],
      ]);
    });

    it('never joins across a blank line, a speaker label or a list item', () => {
      const transcript = parseTranscript(
        'p.txt',
        lines('対談', '', '田中: 昨日の会議では、', '佐藤: はい、聞いています。', '- 予算は、', '- 人員は、', '最後に、', '', '終わります。', '結論から言うと、', '来年です。'),
      );
      expect(spans(transcript).map(([line, lineEnd]) => [line, lineEnd])).toEqual([
        [3, undefined],
        [4, undefined],
        [5, undefined],
        [6, undefined],
        [7, undefined],
        [9, undefined],
        [10, 11],
      ]);
    });

    it.each([
      // A FAQ's question without final punctuation, then its answer.
      ['Q. ぬか床に入れる塩の量は', 'A. ぬか100gに対して13gが目安です。'],
      ['Q1. 容器はどこに置けば', 'A1. 涼しい場所に置きます。'],
      ['問　塩を足すのは', '答　水っぽくなったときです。'],
      ['問1. 混ぜる回数は', '答1. 一日一回です。'],
    ])('starts a paragraph at a FAQ marker (%s / %s), whatever the line before ends on', (question, answer) => {
      const transcript = parseTranscript('faq.md', lines('# よくある質問', '', '本文です。説明を続けます。ここは長い文章です。', '', question, answer));
      expect(spans(transcript).map(([line, lineEnd]) => [line, lineEnd])).toEqual([
        [3, undefined],
        [5, undefined],
        [6, undefined],
      ]);
    });
  });

  describe('duplicates', () => {
    it.each([
      // The second identical line is a duplicate.
      [lines('タイトル', '同じ話をもう一度します。', '別の話です。', '同じ話をもう一度します。'), ['title', 'content', 'content', 'duplicate']],
      // Width and spacing variants of a line are the same line (NFKC, whitespace ignored).
      [lines('タイトル', 'ＧＰＴ－４は すごい。', '別の話です。', 'GPT-4はすごい。'), ['title', 'content', 'content', 'duplicate']],
      // Repeated metadata lines are duplicates too.
      [lines('タイトル', '2024.12.15', '2024.12.15', '本文です。'), ['title', 'metadata', 'duplicate', 'content']],
      // A line restated whole inside a longer bullet: the longer one carries more and is the one indexed.
      [
        lines(
          'タイトル',
          'こんにちは皆さん、今日はエキサイティングな一日でした。新鮮な空気を吸い、頭を整理して考えています。',
          '- こんにちは皆さん、今日はエキサイティングな一日でした。新鮮な空気を吸い、頭を整理して考えています。サム・アルマン氏はマイクロソフトに行くことになりました。',
        ),
        ['title', 'duplicate', 'content'],
      ],
      // The same when the longer line comes first: the later, shorter restatement is not indexed.
      [
        lines(
          'タイトル',
          'データセンターが使う電力を、カーボンフリーの電力で賄うためや。マイクロソフトはこの電力を20年間買う契約をしてる。',
          'マイクロソフトはこの電力を20年間買う契約をしてる。',
        ),
        ['title', 'content', 'content'],
      ],
      // A short reply inside a longer line is not a repeat: short phrases recur naturally.
      [lines('タイトル', 'そうや、2012年や。', 'さて、AlexNetの年は2012年やったな?そうや、2012年や。ほんまに。'), ['title', 'content', 'content']],
    ])('classifies repeated lines in %j', (text, kinds) => {
      expect(kindsOf(parseTranscript('d.txt', text))).toEqual(kinds);
    });
  });

  describe('lines and paragraphs', () => {
    it('numbers lines as an editor does, across BOM, CRLF, CR and blank lines', () => {
      const transcript = parseTranscript('c.txt', '\uFEFFタイトル\r\n\r\n１行目です。\r二行目です。\n\n三行目です。\r\n');
      expect(transcript.lines.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(transcript.paragraphs.map((paragraph) => [paragraph.id, paragraph.line, paragraph.text])).toEqual([
        // Display text keeps the original width (１, not 1): NFKC is for matching only.
        ['c.txt:3', 3, '１行目です。'],
        ['c.txt:4', 4, '二行目です。'],
        ['c.txt:6', 6, '三行目です。'],
      ]);
      expect(transcript.lines[0]?.text).toBe('タイトル');
    });

    it('keeps a bullet in the paragraph text but starts its sentences after it', () => {
      const transcript = parseTranscript('b.txt', lines('タイトル', '- 一歩引いて考えてみましょう。サム・アルマン氏は去りました。'));
      const paragraph = transcript.paragraphs[0];
      expect(paragraph?.text).toBe('- 一歩引いて考えてみましょう。サム・アルマン氏は去りました。');
      expect(paragraph?.sentences.map((sentence) => sentence.text)).toEqual(['一歩引いて考えてみましょう。', 'サム・アルマン氏は去りました。']);
      for (const sentence of paragraph?.sentences ?? []) expect(paragraph?.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    });

    it('keeps every line in lines, in order, whatever its kind', () => {
      const text = lines('見出し画像', '', 'タイトル', '本文です。', '本文です。');
      const transcript = parseTranscript('k.txt', text);
      expect(transcript.lines.map((line) => line.text)).toEqual(text.split('\n'));
      transcript.lines.forEach((line, i) => expect(line.line).toBe(i + 1));
    });
  });
});
