import type { UserError } from '../features/user-error.js';

/** Reply languages: Japanese by default, English for users whose Discord locale is English. */
export type Locale = 'ja' | 'en';

export function localeFrom(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('en') === true ? 'en' : 'ja';
}

const TEXT = {
  ja: {
    answerFound: '資料からの回答',
    notAnswered: '資料にはこの質問への答えが見当たらないようです。近い箇所を示します。',
    noResults: '該当する箇所は見つかりませんでした。',
    searchedAs: '検索語',
    matches: (count: number) => `${count}件の一致`,
    page: (page: number, pages: number) => `${page} / ${pages}ページ`,
    line: '行',
    lines: '行',
    speaker: '話者',
    inferredSpeaker: (name: string, share: number) => `${name}(推定・確度${Math.round(share * 100)}%)`,
    alsoAt: '同じ文',
    sourceTitle: (file: string, line: number) => `${file} ${line}行目`,
    apology: '申し訳ありません。処理中に問題が起きました。もう一度お試しください。',
    cooldown: (seconds: number) => `少し待ってからもう一度どうぞ(あと${seconds}秒)。`,
    notYourButton: 'このボタンはコマンドを実行した人だけが使えます。ご自身で /search をどうぞ。',
    stale: 'この結果は古くなっています。もう一度検索してください。',
    help: [
      '**/ask 質問** — 資料に基づいて質問に答え、引用箇所を示します',
      '**/search 検索語 [ページ]** — 資料を検索します',
      '**/source ファイル 行** — 引用された行と前後の文脈を表示します',
      '**/quote 話者 [話題]** — その人自身の言葉をそのまま引用します',
      '**/define 用語** — 資料がその用語をどう説明しているかを示します',
      '**/glossary [ファイル]** — 資料が説明している用語の一覧',
      '**/timeline [開始] [終了] [話題] [ファイル]** — 資料の出来事を日付順に示します',
      '**/digest set|status|preview|off** — 毎日の学習ダイジェスト(サーバー管理者用)',
      '**/help** — このヘルプ',
    ].join('\n'),
    helpTitle: '使い方',
    sourceButton: (n: number) => `${n} の前後を見る`,
    omitted: (n: number) => `(ほか${n}件は長すぎるため省略しました)`,
    quote: {
      title: (speaker: string, topic: string | null) => (topic === null ? `${speaker}の発言` : `${speaker}の発言 — ${topic}`),
      noQuotes: 'この話者の発言で該当するものは見つかりませんでした。',
      confidence: (share: number) => `話者の確からしさ ${Math.round(share * 100)}%`,
      context: '直前',
      turnButton: (n: number) => `${n} の発言全体`,
      turnTitle: (speaker: string) => `${speaker}の発言の続き`,
      aliases: '別の表記',
      unknownSpeaker: '話者不明',
    },
    commands: {
      ask: {
        name: '質問',
        description: '資料に基づいて質問に答え、引用箇所を示します',
        options: { question: { name: '質問', description: '知りたいこと' } },
      },
      search: {
        name: '検索',
        description: '資料を検索します',
        options: {
          query: { name: '検索語', description: '探す言葉' },
          page: { name: 'ページ', description: 'ページ番号(1から)' },
          speaker: { name: '話者', description: 'この人の発言だけ(入力すると候補が出ます)' },
        },
      },
      source: {
        name: '出典',
        description: '引用された行と前後の文脈を表示します',
        options: {
          file: { name: 'ファイル', description: 'ファイル名(入力すると候補が出ます)' },
          line: { name: '行', description: '行番号' },
        },
      },
      help: { name: 'ヘルプ', description: '使い方を表示します', options: {} },
      quote: {
        name: '引用',
        description: '話者自身の言葉をそのまま、出典つきで引用します',
        options: {
          speaker: { name: '話者', description: '誰の言葉か(入力すると候補が出ます)' },
          topic: { name: '話題', description: '何についての発言か(省略すると代表的な発言)' },
        },
      },
      digest: { name: 'ダイジェスト', description: '毎日の学習ダイジェストの設定(サーバー管理者用)', options: {} },
      timeline: {
        name: '年表',
        description: '資料に出てくる出来事を日付順に、出典付きで示します',
        options: {
          from: { name: '開始', description: 'この日付以降(例: 2020、2024-03)' },
          to: { name: '終了', description: 'この日付まで(例: 2025、2024-12-31)' },
          topic: { name: '話題', description: '出来事の文に含まれる言葉' },
          source: { name: 'ファイル', description: 'このファイルの出来事だけ(入力すると候補が出ます)' },
        },
      },
      define: {
        name: '用語',
        description: '資料がその用語をどう説明しているかを示します',
        options: { term: { name: '用語', description: '調べたい用語(入力すると候補が出ます)' } },
      },
      glossary: {
        name: '用語集',
        description: '資料が説明している用語の一覧',
        options: {
          source: { name: 'ファイル', description: 'このファイルの用語だけ(入力すると候補が出ます)' },
          page: { name: 'ページ', description: 'ページ番号(1から)' },
        },
      },
    },
    errors: {
      empty_query: () => '質問(検索語)が空です。何か入力してください。',
      query_too_long: (d: Details) => `長すぎます(${d.length ?? '?'}文字)。${d.max ?? ''}文字以内でどうぞ。`,
      no_searchable_words: () => '検索できる語が含まれていません(記号や絵文字だけのようです)。',
      unknown_file: (d: Details) => `「${d.file ?? ''}」というファイルはありません。あるのは: ${d.known ?? ''}`,
      line_out_of_range: (d: Details) => `${d.file ?? ''} は1〜${d.max ?? ''}行です(${d.line ?? ''}行目はありません)。`,
      bad_option: (d: Details) => `オプション「${d.option ?? ''}」の値が正しくありません。`,
      unknown_speaker: (d: Details) =>
        d.known === undefined || d.known === '' ? `「${d.speaker ?? ''}」という話者は資料にいません。この資料では話者がわかっていません。` : `「${d.speaker ?? ''}」という話者は資料にいません。わかっている話者: ${d.known}`,
      not_in_server: () => 'このコマンドはサーバーの中でだけ使えます。',
      not_manager: () => 'このコマンドは「サーバーの管理」権限のある人だけが使えます。',
      bad_time: (d: Details) => `「${d.value ?? ''}」は時刻として読めません。09:00 のように HH:MM でどうぞ。`,
      bad_timezone: (d: Details) => `「${d.value ?? ''}」というタイムゾーンはありません。Asia/Tokyo のような IANA 名でどうぞ(入力すると候補が出ます)。`,
      channel_not_postable: (d: Details) => `ボットは <#${d.channel ?? ''}> に投稿できません。足りない権限: ${d.missing ?? ''}`,
      digest_not_set: () => 'このサーバーではダイジェストが設定されていません。/digest set でどうぞ。',
      bad_date: (d: Details) => `「${d.value ?? ''}」は日付として読めません(${d.option ?? ''})。2024、2024-03、2024-03-20 の形でどうぞ。`,
      bad_date_range: (d: Details) => `開始(${d.from ?? ''})が終了(${d.to ?? ''})より後になっています。`,
      unknown_command: (d: Details) => `/${d.command ?? ''} はこのボットにはもうありません(古い登録が残っています)。/help でコマンドの一覧をどうぞ。`,
    },
  },
  en: {
    answerFound: 'From the material',
    notAnswered: 'The material does not seem to answer this. Here are the nearest passages.',
    noResults: 'Nothing in the material matches.',
    searchedAs: 'Searched as',
    matches: (count: number) => `${count} match${count === 1 ? '' : 'es'}`,
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
    line: 'line',
    lines: 'lines',
    speaker: 'speaker',
    inferredSpeaker: (name: string, share: number) => `${name} (inferred, ${Math.round(share * 100)}% sure)`,
    alsoAt: 'also at',
    sourceTitle: (file: string, line: number) => `${file}, line ${line}`,
    apology: 'Sorry, something went wrong on our side. Please try again.',
    cooldown: (seconds: number) => `Please wait a moment before asking again (${seconds}s).`,
    notYourButton: 'Only the person who ran this command can use these buttons. Try /search yourself.',
    stale: 'These results are out of date. Please search again.',
    help: [
      '**/ask question** — answers from the material, with cited excerpts',
      '**/search query [page]** — search the material',
      '**/source file line** — the cited line with the lines around it',
      '**/quote speaker [topic]** — a speaker’s own words, verbatim',
      '**/define term** — how the material explains a term',
      '**/glossary [file]** — the terms the material explains',
      '**/timeline [from] [to] [topic] [source]** — the events in the material, in date order',
      '**/digest set|status|preview|off** — the daily study digest (for moderators)',
      '**/help** — this help',
    ].join('\n'),
    helpTitle: 'How to use',
    sourceButton: (n: number) => `Context of ${n}`,
    omitted: (n: number) => `(${n} more left out: too long to show)`,
    quote: {
      title: (speaker: string, topic: string | null) => (topic === null ? `${speaker}, in their own words` : `${speaker} on ${topic}`),
      noQuotes: 'Nothing this speaker says matches.',
      confidence: (share: number) => `speaker confidence ${Math.round(share * 100)}%`,
      context: 'before',
      turnButton: (n: number) => `Whole turn of ${n}`,
      turnTitle: (speaker: string) => `${speaker}, the whole turn`,
      aliases: 'also spelled',
      unknownSpeaker: 'unknown speaker',
    },
    commands: {
      ask: {
        name: 'ask',
        description: 'Answer a question from the material, with cited excerpts',
        options: { question: { name: 'question', description: 'What you want to know' } },
      },
      search: {
        name: 'search',
        description: 'Search the material',
        options: {
          query: { name: 'query', description: 'Words to look for' },
          page: { name: 'page', description: 'Page number (from 1)' },
          speaker: { name: 'speaker', description: 'Only what this person says (suggestions appear as you type)' },
        },
      },
      source: {
        name: 'source',
        description: 'Show a cited line with the lines around it',
        options: {
          file: { name: 'file', description: 'File name (suggestions appear as you type)' },
          line: { name: 'line', description: 'Line number' },
        },
      },
      help: { name: 'help', description: 'How to use this bot', options: {} },
      quote: {
        name: 'quote',
        description: 'A speaker’s own words, verbatim, with citations',
        options: {
          speaker: { name: 'speaker', description: 'Whose words (suggestions appear as you type)' },
          topic: { name: 'topic', description: 'What about (leave out for their most substantive lines)' },
        },
      },
      digest: { name: 'digest', description: 'The daily study digest for this server (for moderators)', options: {} },
      timeline: {
        name: 'timeline',
        description: 'The events in the material in date order, with citations',
        options: {
          from: { name: 'from', description: 'From this date on (e.g. 2020, 2024-03)' },
          to: { name: 'to', description: 'Up to this date (e.g. 2025, 2024-12-31)' },
          topic: { name: 'topic', description: 'Words the event’s sentence contains' },
          source: { name: 'source', description: 'Only events from this file (suggestions appear as you type)' },
        },
      },
      define: {
        name: 'define',
        description: 'How the material explains a term',
        options: { term: { name: 'term', description: 'The term to look up (suggestions appear as you type)' } },
      },
      glossary: {
        name: 'glossary',
        description: 'The terms the material explains',
        options: {
          source: { name: 'source', description: 'Only the terms of this file (suggestions appear as you type)' },
          page: { name: 'page', description: 'Page number (from 1)' },
        },
      },
    },
    errors: {
      empty_query: () => 'The question is empty. Please type something to search for.',
      query_too_long: (d: Details) => `That is too long (${d.length ?? '?'} characters). Please keep it under ${d.max ?? ''}.`,
      no_searchable_words: () => 'There is nothing to search for in that (only punctuation or emoji?).',
      unknown_file: (d: Details) => `There is no file "${d.file ?? ''}". Known files: ${d.known ?? ''}`,
      line_out_of_range: (d: Details) => `${d.file ?? ''} has lines 1–${d.max ?? ''} (there is no line ${d.line ?? ''}).`,
      bad_option: (d: Details) => `The value of option "${d.option ?? ''}" is not valid.`,
      unknown_speaker: (d: Details) =>
        d.known === undefined || d.known === '' ? `No speaker "${d.speaker ?? ''}" in the material; no speakers are known in it.` : `No speaker "${d.speaker ?? ''}" in the material. Known speakers: ${d.known}`,
      not_in_server: () => 'This command works only inside a server.',
      not_manager: () => 'Only members who can manage the server can use this command.',
      bad_time: (d: Details) => `"${d.value ?? ''}" is not a time of day. Please use HH:MM, e.g. 09:00.`,
      bad_timezone: (d: Details) => `There is no time zone "${d.value ?? ''}". Please use an IANA name such as Asia/Tokyo (suggestions appear as you type).`,
      channel_not_postable: (d: Details) => `The bot cannot post in <#${d.channel ?? ''}>. Missing permission: ${d.missing ?? ''}`,
      digest_not_set: () => 'No digest is set up on this server. Use /digest set.',
      bad_date: (d: Details) => `"${d.value ?? ''}" is not a date (${d.option ?? ''}). Use 2024, 2024-03 or 2024-03-20.`,
      bad_date_range: (d: Details) => `The start (${d.from ?? ''}) is after the end (${d.to ?? ''}).`,
      unknown_command: (d: Details) => `/${d.command ?? ''} is no longer a command of this bot (an old registration is left over). See /help for the commands.`,
    },
  },
} as const;

type Details = Readonly<Record<string, string | number>>;

export function messages(locale: Locale): (typeof TEXT)[Locale] {
  return TEXT[locale];
}

/** Slash command names and descriptions, registered with Discord as localisations. */
export type CommandName = keyof (typeof TEXT)['ja']['commands'];

export function commandText<C extends CommandName>(locale: Locale, command: C): (typeof TEXT)[Locale]['commands'][C] {
  return TEXT[locale].commands[command];
}

export function userErrorMessage(error: UserError, locale: Locale): string {
  // What the user typed is echoed cut short, so a 6,000-character file name cannot push the list
  // of valid choices (`known`) out of the message.
  const details = Object.fromEntries(
    Object.entries(error.details).map(([key, value]) => [key, key !== 'known' && typeof value === 'string' && [...value].length > ECHO_MAX ? `${[...value].slice(0, ECHO_MAX - 1).join('')}…` : value]),
  );
  return TEXT[locale].errors[error.code](details);
}

/** Longest echo of user input in an error message (code points). */
const ECHO_MAX = 80;
