import type { Glossary } from '../corpus/glossary/build-glossary.js';
import type { Retriever } from '../search/retriever.js';
import { UserError } from './user-error.js';

export interface GlossaryOptions {
  /** A seed file name or an unambiguous prefix of one; null for the whole material. */
  readonly source: string | null;
  /** 1-based page number. */
  readonly page: number;
  readonly pageSize: number;
}

export interface GlossaryItem {
  readonly term: string;
  readonly variants: readonly string[];
  /** Where the term is best defined (in the chosen source, when there is one). */
  readonly file: string;
  readonly line: number;
  readonly definition: string;
  /** How many lines define it (in the chosen source). */
  readonly definitions: number;
}

/** Terms on one page, in Discord and by default in the console. */
export const GLOSSARY_PAGE_SIZE = 15;

export interface GlossaryResult {
  readonly command: 'glossary';
  readonly source: string | null;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
  readonly total: number;
  readonly results: readonly GlossaryItem[];
}

/**
 * The terms the material defines, in the order it explains them, one page at a time; with a source,
 * only the terms that file defines.
 *
 * @example glossary({ retriever, glossary }, { source: '004', page: 1, pageSize: 10 })
 */
export function glossary(deps: { readonly retriever: Retriever; readonly glossary: Glossary }, options: GlossaryOptions): GlossaryResult {
  if (!Number.isInteger(options.page) || options.page < 1) throw new UserError('bad_option', { option: 'page' });
  const file = options.source === null || options.source.trim() === '' ? null : resolveFile(deps.retriever, options.source.trim());
  const items: GlossaryItem[] = [];
  for (const entry of deps.glossary.entries) {
    const definitions = entry.definitions.filter((definition) => file === null || definition.file === file);
    const best = definitions[0];
    if (best === undefined) continue;
    items.push({ term: entry.term, variants: entry.variants, file: best.file, line: best.line, definition: best.text, definitions: definitions.length });
  }
  const pageCount = Math.max(1, Math.ceil(items.length / options.pageSize));
  const page = Math.min(options.page, pageCount);
  const results = items.slice((page - 1) * options.pageSize, page * options.pageSize);
  return { command: 'glossary', source: file, page, pageCount, pageSize: options.pageSize, total: items.length, results };
}

function resolveFile(retriever: Retriever, wanted: string): string {
  const files = retriever.corpus.transcripts.map((transcript) => transcript.file);
  const matches = files.filter((file) => file === wanted || file.startsWith(wanted));
  const file = matches.includes(wanted) ? wanted : matches.length === 1 ? matches[0] : undefined;
  if (file === undefined) throw new UserError('unknown_file', { file: wanted, known: files.join(', ') });
  return file;
}
