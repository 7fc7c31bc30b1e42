import { beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/boot.js';
import { quote, resolveSpeaker } from '../../src/features/quote.js';
import { realAnalyzer } from '../support/analyzer.js';
import { stateFrom } from '../support/state.js';

// One person in two files: a report labels him by his Latin family name and by katakana with a title,
// and brackets his katakana name after the Latin one; a radio transcript labels him by katakana only.
const FILES: Readonly<Record<string, string>> = {
  'report.md': [
    '# 講演会レポート',
    '',
    '講師に Hugo Leroux（ユゴー・ルルー）教授を招いた。',
    '',
    'Leroux：深いところに植物の層があります。光はほとんど届きません。',
    'Leroux：温暖化で層が深くなっていると考えています。',
    '司会：会場から質問をどうぞ。',
    'ルルー教授：はい、植物の層が減れば魚の数にもつながっていくと思います。',
    '司会：次の調査の予定は。',
    'ルルー教授：来年の夏にもう一度来て、冬の観測もしたいと思っています。',
  ].join('\n'),
  'radio.txt': [
    'ラジオ書き起こし',
    '',
    '岡田：今夜のゲストはユゴー・ルルーさんです。',
    'ユゴー・ルルー：こんばんは。日本に来るのは三回目になります。',
    '岡田：研究のきっかけは何ですか。',
    'ユゴー・ルルー：子どものころ、夜の海で光る生き物を見たのがきっかけです。',
  ].join('\n'),
};

let state: AppState;

beforeAll(async () => {
  state = stateFrom(FILES, await realAnalyzer());
});

describe('one person spelled two ways in two files', () => {
  it.each(['Leroux', 'ルルー', 'ユゴー・ルルー'])('is one speaker whose lines in both files are quoted: %s', (typed) => {
    const speaker = resolveSpeaker(state.corpus, typed);
    expect(speaker.name).toBe('ユゴー・ルルー');
    const files = new Set(quote(state, { speaker: typed, limit: 10 }).results.map((item) => `${item.file}:${item.line}`));
    for (const line of ['report.md:5', 'report.md:8', 'report.md:10', 'radio.txt:6']) expect(files).toContain(line);
  });
});
