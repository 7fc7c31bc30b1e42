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
    speaker: '話者',
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
      '**/help** — このヘルプ',
    ].join('\n'),
    helpTitle: '使い方',
    sourceButton: (n: number) => `${n} の前後を見る`,
    omitted: (n: number) => `(ほか${n}件は長すぎるため省略しました)`,
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
    },
    errors: {
      empty_query: () => '質問(検索語)が空です。何か入力してください。',
      query_too_long: (d: Details) => `長すぎます(${d.length ?? '?'}文字)。${d.max ?? ''}文字以内でどうぞ。`,
      no_searchable_words: () => '検索できる語が含まれていません(記号や絵文字だけのようです)。',
      unknown_file: (d: Details) => `「${d.file ?? ''}」というファイルはありません。あるのは: ${d.known ?? ''}`,
      line_out_of_range: (d: Details) => `${d.file ?? ''} は1〜${d.max ?? ''}行です(${d.line ?? ''}行目はありません)。`,
      bad_option: (d: Details) => `オプション「${d.option ?? ''}」の値が正しくありません。`,
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
    speaker: 'speaker',
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
      '**/help** — this help',
    ].join('\n'),
    helpTitle: 'How to use',
    sourceButton: (n: number) => `Context of ${n}`,
    omitted: (n: number) => `(${n} more left out: too long to show)`,
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
    },
    errors: {
      empty_query: () => 'The question is empty. Please type something to search for.',
      query_too_long: (d: Details) => `That is too long (${d.length ?? '?'} characters). Please keep it under ${d.max ?? ''}.`,
      no_searchable_words: () => 'There is nothing to search for in that (only punctuation or emoji?).',
      unknown_file: (d: Details) => `There is no file "${d.file ?? ''}". Known files: ${d.known ?? ''}`,
      line_out_of_range: (d: Details) => `${d.file ?? ''} has lines 1–${d.max ?? ''} (there is no line ${d.line ?? ''}).`,
      bad_option: (d: Details) => `The value of option "${d.option ?? ''}" is not valid.`,
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
  return TEXT[locale].errors[error.code](error.details);
}
