/**
 * Small dictd files for tests that must not depend on the installed dictionaries: articles copied
 * verbatim from the Debian `dict-freedict-jpn-eng` and `dict-freedict-eng-jpn` packages, written as
 * a real `.index` + gzip'd `.dict.dz` pair.
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The inverse of `decodeDictdNumber`, for writing fixture indexes. */
export function encodeDictdNumber(value: number): string {
  let text = '';
  let rest = value;
  do {
    text = `${BASE64_DIGITS[rest % 64] ?? ''}${text}`;
    rest = Math.floor(rest / 64);
  } while (rest > 0);
  return text;
}

export interface FixtureArticle {
  readonly headwords: readonly string[];
  readonly text: string;
}

/** Write `<basePath>.index` and `<basePath>.dict.dz`, with a database description article first. */
export async function writeDictd(basePath: string, articles: readonly FixtureArticle[]): Promise<void> {
  const info = '\n00-database-info\nfixture copied from FreeDict\n';
  const chunks = [Buffer.from(info, 'utf8')];
  const lines = [`00databaseinfo\t${encodeDictdNumber(0)}\t${encodeDictdNumber(chunks[0]?.length ?? 0)}`];
  let offset = chunks[0]?.length ?? 0;
  for (const article of articles) {
    const bytes = Buffer.from(article.text, 'utf8');
    for (const headword of article.headwords) lines.push(`${headword}\t${encodeDictdNumber(offset)}\t${encodeDictdNumber(bytes.length)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  await writeFile(`${basePath}.index`, `${lines.join('\n')}\n`);
  await writeFile(`${basePath}.dict.dz`, gzipSync(Buffer.concat(chunks)));
}

/** Real JMdict articles (freedict-jpn-eng 2016-02-26), verbatim. */
export const JMDICT_ARTICLES: readonly FixtureArticle[] = [
  {
    headwords: ['購入', 'こうにゅう'],
    text: ' [ichi1]  [news1]  [nf02]  購入 /(en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə/,  [ichi1]  [news1]  [nf02] こうにゅう /kˌo̞ɯᵝnʲˈɯᵝɯᵝ/\n(noun (common) (futsuumeishi))\n (noun or participle which takes the aux. verb suru)\npurchase, buy\n',
  },
  {
    headwords: ['堀', '濠', '壕', 'ほり'],
    text: ' [ichi1]  [news1]  [nf07]  堀 /(en)tʃˈaɪniːz(ja)lˈe̞tə/, 濠 /(en)tʃˈaɪniːz(ja)lˈe̞tə/, 壕 /(en)tʃˈaɪniːz(ja)lˈe̞tə/,  [ichi1]  [news1]  [nf07] ほり /hˈo̞ɽi/\n1. (noun (common) (futsuumeishi))\nmoat, fosse\n2. canal, ditch\n',
  },
  {
    headwords: ['電力', 'でんりょく'],
    text: ' [ichi1]  [news1]  [nf03]  電力 /(en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə/,  [ichi1]  [news1]  [nf03] でんりょく /dˌe̞nɽʲäˈo̞kɯᵝ/\n(noun (common) (futsuumeishi))\nelectric power\n',
  },
  {
    headwords: ['原子力発電所', 'げんしりょくはつでんしょ'],
    text: '原子力発電所 /(en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə/, げんしりょくはつでんしょ /ɡˌe̞ũɕˌiɽʲäˌo̞kɯᵝhˌätsɯᵝde̞ˈũɕo̞/\n(noun (common) (futsuumeishi))\nnuclear power plant, nuclear power station\n',
  },
  {
    headwords: ['原発', 'げんぱつ'],
    text: ' [news1]  [nf03]  原発 /(en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə/,  [news1]  [nf03] げんぱつ /ɡˌe̞ũpˈätsɯᵝ/\n1. (noun (common) (futsuumeishi))\n{原子力発電所}, {原子力発電}\n         Note: abbreviationnuclear power plant, nuclear power generation\n2. (nouns which may take the genitive case particle `no\')\n (noun (common) (futsuumeishi))\n (noun or participle which takes the aux. verb suru)\nprimary (e.g. primary immunodeficiency syndrome)\n',
  },
  {
    headwords: ['何時', 'いつ'],
    text: ' [ichi1]  [news2]  [nf29]  何時 /(en)tʃˈaɪniːz(ja)lˈe̞tə (en)tʃˈaɪniːz(ja)lˈe̞tə/,  [ichi1]  [news2]  [nf29] いつ /ˈitsɯᵝ/\n(adverbial noun (fukushitekimeishi))\n (pronoun)\n\n         Note: word usually written using kana alonewhen, how soon\n',
  },
];

/** Real WikDict articles (freedict-eng-jpn 2022.11.18), verbatim. */
export const WIKDICT_ARTICLES: readonly FixtureArticle[] = [
  { headwords: ['moat'], text: 'moat //moʊt// //məʊt// <n>\n堀\ndefensive ditch\n' },
  { headwords: ['buy'], text: 'buy //baɪ// <v>\n買う, 購入\nto obtain something with money\n' },
];
