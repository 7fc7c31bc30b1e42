/**
 * kuromoji's tokenizer, with its word lattice built in linear time and its morphemes made once per
 * dictionary entry. Same morphemes as `tokenize` (checked over the seeds in the tests), four to five
 * times as fast over the seed paragraphs.
 *
 * Why: kuromoji 0.1.2 (unmaintained since 2017) looks words up at every position of a clause by
 * re-encoding the whole rest of the clause as UTF-8 and re-scanning it for surrogate pairs, so a
 * clause costs time in the square of its length; a run of Latin letters or digits is also re-scanned
 * from each of its positions. That was most of indexing time. Here the clause is scanned once, the
 * dictionary's double-array trie is walked byte by byte only as far as it has words, runs of one
 * character class are found once, and character classes are looked up once per character. The rest — the lattice's shape, the Viterbi search, the costs and
 * features — is kuromoji's own, read through its internals; if they are not what this was written
 * against, `latticeTokenizer` returns null and the stock tokenizer is used.
 */
import type { Morpheme, Tokenizer } from './tokenizer.js';

interface CharacterClass {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number;
  readonly is_grouping: number;
}

interface EntryDictionary {
  readonly target_map: { readonly [id: number]: ReadonlyArray<number | string> | undefined };
  readonly dictionary: { getShort(offset: number): number };
  getFeatures(id: number): string | null | undefined;
}

interface UnknownDictionary extends EntryDictionary {
  lookup(char: string): CharacterClass;
}

/** A lattice node, with the fields kuromoji's ViterbiSearcher reads and writes. */
interface LatticeNode {
  readonly name: number;
  readonly cost: number;
  readonly start_pos: number;
  readonly length: number;
  readonly left_id: number;
  readonly right_id: number;
  prev: LatticeNode | null;
  readonly surface_form: string;
  shortest_cost: number;
  readonly type: 'BOS' | 'EOS' | 'KNOWN' | 'UNKNOWN';
}

interface Lattice {
  readonly nodes_end_at: LatticeNode[][];
  eos_pos: number;
}

/** The parts of a loaded kuromoji Tokenizer this file reads (kuromoji 0.1.2's field names). */
interface RawTokenizer {
  readonly viterbi_builder: {
    readonly trie: { readonly bc: { getBase(index: number): number; getCheck(index: number): number } };
    readonly token_info_dictionary: EntryDictionary;
    readonly unknown_dictionary: UnknownDictionary;
  };
  readonly viterbi_searcher: { search(lattice: Lattice): LatticeNode[] };
}

/** The double-array trie's root and the code that ends a key (doublearray's constants). */
const ROOT_ID = 0;
const TERM_CODE = 0;

/**
 * A Tokenizer over a loaded kuromoji tokenizer that builds lattices itself, or null when kuromoji's
 * internals do not look as expected (another version): the caller then uses `raw.tokenize`.
 *
 * @example const tokenizer = latticeTokenizer(raw) ?? stockTokenizer(raw);
 */
export function latticeTokenizer(raw: unknown): Tokenizer | null {
  if (!isRawTokenizer(raw)) return null;
  const builder = new LatticeBuilder(raw);
  const morphemes = new MorphemeMaker(raw);
  return {
    tokenize(text) {
      const out: Morpheme[] = [];
      for (const clause of clauses(text)) {
        for (const node of raw.viterbi_searcher.search(builder.build(clause))) out.push(morphemes.of(node));
      }
      return out;
    },
  };
}

/** Tokenizer.splitByPunctuation: kuromoji analyses the text up to and including each 、 or 。 on its own. */
function clauses(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    const comma = text.indexOf('、', from);
    const stop = text.indexOf('。', from);
    const at = comma === -1 ? stop : stop === -1 ? comma : Math.min(comma, stop);
    const end = at === -1 ? text.length : at + 1;
    out.push(text.slice(from, end));
    from = end;
  }
  return out;
}

/**
 * kuromoji's ViterbiBuilder.build, node for node: at each code point, the dictionary words that
 * start there, and (when there are none, or the character's class always asks for it) an unknown
 * word, grouped over the run of its class when the class groups. A known word's node carries no
 * surface (its morpheme comes from the dictionary entry), nothing else differs.
 */
class LatticeBuilder {
  readonly #bc: RawTokenizer['viterbi_builder']['trie']['bc'];
  readonly #known: EntryDictionary;
  readonly #unknown: UnknownDictionary;
  /** Character classes by a character's first UTF-16 unit, which is all CharacterDefinition.lookup reads. */
  readonly #classes: Array<CharacterClass | undefined> = [];
  /** Scratch for one position's dictionary words: their ends (UTF-16 offsets) and trie ids. */
  readonly #wordEnds: number[] = [];
  readonly #wordIds: number[] = [];

  constructor(raw: RawTokenizer) {
    this.#bc = raw.viterbi_builder.trie.bc;
    this.#known = raw.viterbi_builder.token_info_dictionary;
    this.#unknown = raw.viterbi_builder.unknown_dictionary;
  }

  build(clause: string): Lattice {
    const lattice: Lattice = { nodes_end_at: [[node(-1, 0, 0, 0, 'BOS', 0, 0, '')]], eos_pos: 1 };
    // Code point i starts at UTF-16 offset starts[i]; kuromoji counts positions in code points.
    const starts: number[] = [];
    const classes: CharacterClass[] = [];
    for (let offset = 0; offset < clause.length; offset += 1) {
      starts.push(offset);
      classes.push(this.#classOf(clause, offset));
      if (isHighSurrogate(clause.charCodeAt(offset))) offset += 1;
    }
    const count = starts.length;
    starts.push(clause.length);
    // Where the run of code point i's character class ends (its unknown word when the class groups).
    const runEnds = new Int32Array(count);
    for (let i = count - 1; i >= 0; i -= 1) {
      runEnds[i] = i + 1 < count && classes[i + 1]?.class_name === classes[i]?.class_name ? (runEnds[i + 1] ?? i + 1) : i + 1;
    }
    const entries = this.#known.dictionary;
    for (let position = 0; position < count; position += 1) {
      const start = starts[position] ?? 0;
      const words = this.#dictionaryWords(clause, start);
      for (let w = 0; w < words; w += 1) {
        const length = (this.#wordEnds[w] ?? start) - start;
        for (const entry of this.#known.target_map[this.#wordIds[w] ?? -1] ?? []) {
          const id = Number(entry);
          append(lattice, node(id, entries.getShort(id + 4), position + 1, length, 'KNOWN', entries.getShort(id), entries.getShort(id + 2), ''));
        }
      }
      const headClass = classes[position];
      if (headClass === undefined || (words > 0 && headClass.is_always_invoke !== 1)) continue;
      const runEnd = runEnds[position] ?? position + 1;
      const grouped = headClass.is_grouping === 1 && count - position > 1 && runEnd > position + 1;
      // kuromoji counts a single character in code points, a grouped run in UTF-16 units.
      const surface = clause.slice(start, starts[grouped ? runEnd : position + 1]);
      const length = grouped ? surface.length : 1;
      const unknownEntries = this.#unknown.dictionary;
      for (const entry of this.#unknown.target_map[headClass.class_id] ?? []) {
        const id = Number(entry);
        append(lattice, node(id, unknownEntries.getShort(id + 4), position + 1, length, 'UNKNOWN', unknownEntries.getShort(id), unknownEntries.getShort(id + 2), surface));
      }
    }
    // ViterbiLattice.appendEos.
    lattice.eos_pos += 1;
    lattice.nodes_end_at[lattice.nodes_end_at.length] = [node(-1, 0, lattice.eos_pos, 0, 'EOS', 0, 0, '')];
    return lattice;
  }

  #classOf(clause: string, offset: number): CharacterClass {
    const unit = clause.charCodeAt(offset);
    let found = this.#classes[unit];
    if (found === undefined) {
      found = this.#unknown.lookup(clause.slice(offset, offset + (isHighSurrogate(unit) ? 2 : 1)));
      this.#classes[unit] = found;
    }
    return found;
  }

  /**
   * How many dictionary words `clause` has at UTF-16 offset `start` (DoubleArray.commonPrefixSearch
   * on the rest of the clause), their ends and ids left in the scratch arrays, shortest first. The
   * trie holds UTF-8 bytes; each character is encoded when the walk gets to it, and the walk stops
   * where the trie has no longer word. Keys are whole UTF-8 strings, so words end with a character.
   */
  #dictionaryWords(clause: string, start: number): number {
    const bc = this.#bc;
    let words = 0;
    let parent = ROOT_ID;
    for (let offset = start; offset < clause.length; ) {
      const code = clause.codePointAt(offset) ?? 0;
      offset += code > 0xffff ? 2 : 1;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let i = 0; i < size; i += 1) {
        const child = bc.getBase(parent) + utf8Byte(code, size, i);
        if (bc.getCheck(child) !== parent) return words;
        parent = child;
      }
      const terminal = bc.getBase(parent) + TERM_CODE;
      if (bc.getCheck(terminal) === parent) {
        const base = bc.getBase(terminal);
        this.#wordEnds[words] = offset;
        this.#wordIds[words] = base <= 0 ? -base - 1 : -1;
        words += 1;
      }
    }
    return words;
  }
}

/** Makes each dictionary entry's Morpheme once (they are read-only), and unknown words' features once per kind. */
class MorphemeMaker {
  readonly #known: EntryDictionary;
  readonly #unknown: EntryDictionary;
  readonly #knownMorphemes = new Map<number, Morpheme>();
  readonly #unknownFeatures = new Map<number, readonly string[]>();

  constructor(raw: RawTokenizer) {
    this.#known = raw.viterbi_builder.token_info_dictionary;
    this.#unknown = raw.viterbi_builder.unknown_dictionary;
  }

  /** Tokenizer.tokenizeForSentence and IpadicFormatter's fields, as src/text/tokenizer.ts maps them. */
  of(node: LatticeNode): Morpheme {
    if (node.type === 'KNOWN') {
      let morpheme = this.#knownMorphemes.get(node.name);
      if (morpheme === undefined) {
        const features = featuresOf(this.#known, node.name);
        morpheme = toMorpheme(features[0] ?? '', features, true);
        this.#knownMorphemes.set(node.name, morpheme);
      }
      return morpheme;
    }
    let features = this.#unknownFeatures.get(node.name);
    if (features === undefined) {
      // kuromoji does not give an unknown word a reading (IpadicFormatter.formatUnknownEntry).
      features = featuresOf(this.#unknown, node.name).slice(0, 8);
      this.#unknownFeatures.set(node.name, features);
    }
    return toMorpheme(node.surface_form, features, false);
  }
}

function toMorpheme(surface: string, features: readonly string[], known: boolean): Morpheme {
  const base = features[7];
  const reading = features[8];
  return {
    surface,
    base: base === undefined || base === '*' || base === '' ? surface : base,
    pos: features[1] ?? '',
    posDetail: features[2] ?? '',
    reading: reading === undefined || reading === '*' ? null : reading,
    known,
  };
}

function featuresOf(dictionary: EntryDictionary, id: number): readonly string[] {
  const line = dictionary.getFeatures(id);
  return line === null || line === undefined ? [] : line.split(',');
}


/** ViterbiLattice.append. */
function append(lattice: Lattice, latticeNode: LatticeNode): void {
  const lastPosition = latticeNode.start_pos + latticeNode.length - 1;
  if (lattice.eos_pos < lastPosition) lattice.eos_pos = lastPosition;
  const ending = lattice.nodes_end_at[lastPosition];
  if (ending === undefined) lattice.nodes_end_at[lastPosition] = [latticeNode];
  else ending.push(latticeNode);
}

/** A ViterbiNode. */
function node(
  name: number,
  cost: number,
  startPosition: number,
  length: number,
  type: LatticeNode['type'],
  left: number,
  right: number,
  surface: string,
): LatticeNode {
  return {
    name,
    cost,
    start_pos: startPosition,
    length,
    left_id: left,
    right_id: right,
    prev: null,
    surface_form: surface,
    shortest_cost: type === 'BOS' ? 0 : Number.MAX_VALUE,
    type,
  };
}

/** Byte `i` of the `size`-byte UTF-8 encoding of `code` (doublearray's stringToUtf8Bytes). */
function utf8Byte(code: number, size: number, i: number): number {
  if (size === 1) return code;
  const shift = 6 * (size - 1 - i);
  if (i === 0) return (code >>> shift) | (size === 2 ? 0xc0 : size === 3 ? 0xe0 : 0xf0);
  return ((code >>> shift) & 0x3f) | 0x80;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether a loaded kuromoji tokenizer has the internals this file reads (their results are trusted). */
function isRawTokenizer(raw: unknown): raw is RawTokenizer {
  const builder = field(raw, 'viterbi_builder');
  return (
    hasMethods(field(field(builder, 'trie'), 'bc'), ['getBase', 'getCheck']) &&
    isEntryDictionary(field(builder, 'token_info_dictionary')) &&
    isEntryDictionary(field(builder, 'unknown_dictionary')) &&
    hasMethods(field(builder, 'unknown_dictionary'), ['lookup']) &&
    hasMethods(field(raw, 'viterbi_searcher'), ['search'])
  );
}

function isEntryDictionary(value: unknown): value is EntryDictionary {
  return hasMethods(value, ['getFeatures']) && hasMethods(field(value, 'dictionary'), ['getShort']) && typeof field(value, 'target_map') === 'object';
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  return names.every((name) => typeof field(value, name) === 'function');
}
