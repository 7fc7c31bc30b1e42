import { beforeAll, describe, expect, it } from 'vitest';
import { attributeSpeakers } from '../../src/corpus/attribute-speakers.js';
import { withNameReadings } from '../../src/corpus/name-readings.js';
import { parseTranscript } from '../../src/corpus/parse-transcript.js';
import type { Corpus } from '../../src/corpus/types.js';
import { resolveSpeaker } from '../../src/features/quote.js';
import { UserError } from '../../src/features/user-error.js';
import { loadTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';
import { ROLE_LABELLED_INTERVIEW } from '../support/interview-fixture.js';


let tokenizer: Tokenizer;
let corpus: Corpus;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  corpus = { transcripts: [attributeSpeakers(parseTranscript('i.txt', ROLE_LABELLED_INTERVIEW))], skipped: [] };
});

describe('withNameReadings', () => {
  it('lets a Latin spelling of a kanji name find its speaker, in either name order', () => {
    const read = withNameReadings(corpus, tokenizer);
    expect(resolveSpeaker(read, 'Takahashi').name).toBe('高橋恵美');
    expect(resolveSpeaker(read, 'Emi Takahashi').name).toBe('高橋恵美');
    expect(resolveSpeaker(read, 'Sato').name).toBe('佐藤');
    // Without the readings the Latin spelling names nobody.
    expect(() => resolveSpeaker(corpus, 'Takahashi')).toThrow(UserError);
  });

  it('lets a name typed in hiragana find a kanji name by its reading', () => {
    const read = withNameReadings(corpus, tokenizer);
    expect(resolveSpeaker(read, 'たかはし').name).toBe('高橋恵美');
    expect(resolveSpeaker(read, 'たかはし えみ').name).toBe('高橋恵美');
    expect(() => resolveSpeaker(read, 'すずき')).toThrow(UserError);
  });

  it('finds a kanji name by its katakana reading with a post typed after it', () => {
    const text = ['出演：田中 太郎、鈴木', '', '鈴木: 今日は。', '田中: どうも。', '鈴木: では。', '田中: はい。'].join('\n');
    const read = withNameReadings({ transcripts: [attributeSpeakers(parseTranscript('s.txt', text))], skipped: [] }, tokenizer);
    expect(resolveSpeaker(read, 'タナカ部長').name).toBe('田中 太郎');
    expect(resolveSpeaker(read, 'スズキ課長さん').name).toBe('鈴木');
  });

  it('reads a hiragana given name as written, after the kanji family name', () => {
    const text = ['料理の話', '', '本日の進行を務めます、山口です。ゲストは料理研究家の藤井みのりさんです。', '藤井です。よろしくお願いします。'].join('\n');
    const kana: Corpus = { transcripts: [attributeSpeakers(parseTranscript('f.txt', text))], skipped: [] };
    const read = withNameReadings(kana, tokenizer);
    expect(resolveSpeaker(read, 'Fujii').name).toBe('藤井みのり');
    expect(resolveSpeaker(read, 'Minori Fujii').name).toBe('藤井みのり');
  });

  it('reads a kanji name a list of speakers writes with a space', () => {
    const text = ['出演：田中 太郎、鈴木', '', '鈴木: 今日は。', '田中: どうも。', '鈴木: では。', '田中: はい。'].join('\n');
    const spaced: Corpus = { transcripts: [attributeSpeakers(parseTranscript('s.txt', text))], skipped: [] };
    const read = withNameReadings(spaced, tokenizer);
    expect(resolveSpeaker(read, 'Tanaka').name).toBe('田中 太郎');
    expect(resolveSpeaker(read, 'Taro Tanaka').name).toBe('田中 太郎');
  });

  it('leaves names that are not kanji as they are', () => {
    const katakana: Corpus = { transcripts: [attributeSpeakers(parseTranscript('k.txt', ['対談', '', 'アリス: 今日は。', 'ボブ: どうも。', 'アリス: では。', 'ボブ: はい。'].join('\n')))], skipped: [] };
    expect(withNameReadings(katakana, tokenizer).transcripts[0]?.cast).toEqual(katakana.transcripts[0]?.cast);
  });
});
