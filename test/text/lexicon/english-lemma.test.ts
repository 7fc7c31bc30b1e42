import { describe, expect, it } from 'vitest';
import { inflectionLemma, lemmaCandidates } from '../../../src/text/lexicon/english-lemma.js';

describe('lemmaCandidates', () => {
  it.each([
    ['born', ['born', 'be born', 'birth'], 'born means birth, never bear (熊)'],
    ['was born', ['was born', 'be born'], 'a form of be before born gives the gloss "to be born"'],
    ['births', ['births', 'birth'], 'plain plural'],
    ['running', ['running', 'run'], 'doubled consonant before -ing'],
    ['stopped', ['stopped', 'stop'], 'doubled consonant before -ed'],
    ['companies', ['companies', 'company', 'companie'], '-ies plural, then -ie for movies'],
    ['bought', ['bought', 'buy'], 'irregular past'],
    ['forgotten', ['forgotten', 'forget'], 'irregular participle'],
    ['was', ['was', 'be'], 'be is irregular too'],
    ['children', ['children', 'child'], 'irregular plural'],
    ['used', ['used', 'use', 'us'], 'a lost e is tried first after vowel + consonant'],
    ['called', ['called', 'call', 'cal'], 'll stays doubled'],
    ['boxes', ['boxes', 'box', 'boxe'], '-es after x'],
    ['houses', ['houses', 'house', 'hous'], 'only -s after a single s'],
    ['knives', ['knives', 'knife', 'knif', 'knive'], '-ves → -fe'],
    ['bigger', ['bigger', 'big'], 'comparative with doubling'],
    ['happier', ['happier', 'happy'], 'comparative -ier'],
    ['news', ['news'], 'no plural of new'],
    ['morning', ['morning'], 'no form of morn'],
    ['Company’s', ['company'], 'lower case, curly possessive dropped'],
    ['nuclear power plants', ['nuclear power plants', 'nuclear power plant'], 'only the head of a phrase is reduced; power is no comparative'],
  ])('%s → %j (%s)', (input, expected) => {
    expect(lemmaCandidates(input)).toEqual(expected);
  });

  it('returns nothing for blank input', () => {
    expect(lemmaCandidates('  ')).toEqual([]);
  });
});

describe('inflectionLemma', () => {
  it.each([
    ['restarting', 'restart', 'a gerund gloss files under its verb'],
    ['operations', 'operation', 'plural'],
    ['power', 'power', 'no comparative guess inside the builder'],
    ['born', 'born', 'special words stay as they are'],
  ])('%s → %s (%s)', (word, expected) => {
    expect(inflectionLemma(word)).toBe(expected);
  });
});
