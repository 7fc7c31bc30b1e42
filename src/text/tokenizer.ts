import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import { latticeTokenizer } from './lattice-tokenizer.js';

/** One morpheme, in the few fields the analyser reads. */
export interface Morpheme {
  readonly surface: string;
  /** Dictionary form (書いた → 書く); the surface for unknown words. */
  readonly base: string;
  /** Coarse part of speech: 名詞, 動詞, 助詞, … */
  readonly pos: string;
  /** First sub-category: 固有名詞, 非自立, 数, … */
  readonly posDetail: string;
  /** Katakana reading, or null when the dictionary has none. */
  readonly reading: string | null;
  readonly known: boolean;
}

/** The seam between the analyser and a morphological analyser (kuromoji in production and tests). */
export interface Tokenizer {
  tokenize(text: string): Morpheme[];
}

/** Where the kuromoji package keeps its IPADIC dictionary. */
export function defaultDictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/**
 * Load kuromoji's dictionary (~0.6 s, ~380 MB): call once per process and pass the result around.
 * Tokenizing goes through `latticeTokenizer` (the same morphemes, faster) unless kuromoji's
 * internals are not the ones it reads.
 *
 * @example const tokenizer = await loadTokenizer();
 */
export async function loadTokenizer(dicPath: string = defaultDictionaryPath()): Promise<Tokenizer> {
  const raw = await loadKuromoji(dicPath);
  return latticeTokenizer(raw) ?? stockTokenizer(raw);
}

/** kuromoji's own tokenizer, loaded from `dicPath`. */
export async function loadKuromoji(dicPath: string = defaultDictionaryPath()): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(new Error(`kuromoji dictionary could not be loaded from ${dicPath}: ${String(error)}`));
      else resolve(tokenizer);
    });
  });
}

/** kuromoji's `tokenize`, its tokens mapped to morphemes. */
export function stockTokenizer(raw: kuromoji.Tokenizer<kuromoji.IpadicFeatures>): Tokenizer {
  return {
    tokenize(text: string): Morpheme[] {
      return raw.tokenize(text).map((token) => ({
        surface: token.surface_form,
        base: token.basic_form === '*' || token.basic_form === '' ? token.surface_form : token.basic_form,
        pos: token.pos,
        posDetail: token.pos_detail_1,
        reading: token.reading === undefined || token.reading === '*' ? null : token.reading,
        known: token.word_type === 'KNOWN',
      }));
    },
  };
}
