/**
 * One field's inverted index: for each term, the documents that hold it and how often, in typed
 * arrays. Built once (`add` each document in order, then `freeze`), then only read.
 *
 * Scoring is Okapi BM25 with a document's field length counted as its distinct terms. A term of a
 * document's context (its title) counts as saturated, up to the context's focus: a passage is about
 * its title whether or not it repeats it, so passages sharing a title (an article's paragraphs, a
 * transcript's) do not compete on how often each names their common subject.
 */

export interface FieldScores {
  /** BM25 per document number, summed over the query terms (times their query weights). */
  readonly scores: Float64Array;
  /** Query weight of the terms each document matched, for coverage. */
  readonly matchedWeight: Float64Array;
  /** Documents with a non-zero score, in no particular order. */
  readonly touched: readonly number[];
}

export interface FieldIndex {
  /**
   * Index the next document's terms; documents are numbered 0, 1, 2, … in the order added. `context`
   * (a title many documents share) is indexed like the rest but left out of `ownFrequency`; `focus`
   * (0..1, default 1) is how fully a context term counts as saturated: how surely the context names
   * what the document is about.
   */
  add(terms: readonly string[], context?: readonly string[], focus?: number): void;
  /** Compact the postings into typed arrays; call once, after the last `add`. */
  freeze(): void;
  /** How many documents contain the term. */
  frequency(term: string): number;
  /** How many documents contain the term in their own terms (not their context). */
  ownFrequency(term: string): number;
  /** The terms some document has as its own, in order of first appearance. */
  ownTerms(): IterableIterator<string>;
  terms(): IterableIterator<string>;
  /** The term's number in this index (0, 1, 2, … in order of first appearance), or -1. */
  termId(term: string): number;
  /** The term numbered `id`, or undefined. */
  termAt(id: number): string | undefined;
  /** Whether a document contains the term (binary search of its postings). */
  contains(term: string, documentNumber: number): boolean;
  /** Score every document holding one of the weighted terms. */
  score(terms: ReadonlyMap<string, number>, k1: number, b: number): FieldScores;
}

/** A posting's count and whether the term is in the document's context share 16 bits. */
const IN_CONTEXT = 0x8000;
const MAX_COUNT = 0x7fff;

interface Postings {
  documents: Int32Array;
  /** How often the document holds the term (up to MAX_COUNT), with IN_CONTEXT set where its context does. */
  counts: Uint16Array;
}

/**
 * @example const field = createFieldIndex(); field.add(['原子', '子力']); field.freeze(); field.frequency('原子') // 1
 */
export function createFieldIndex(): FieldIndex {
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  // While building: plain arrays per term (appends are cheap); frozen into typed arrays after.
  let building: Array<{ documents: number[]; counts: number[] }> | null = [];
  let postings: Postings[] = [];
  const lengths: number[] = [];
  const focuses: number[] = [];
  let frozenLengths = new Float64Array(0);
  let frozenFocuses = new Float64Array(0);
  let averageLength = 0;
  // Per term number: the last document that had it, how often, and in how many it was the document's own.
  // Counting in arrays, not a Map per document, keeps indexing to one hash lookup per occurrence.
  let lastDocument = new Int32Array(1_024).fill(-1);
  let countInDocument = new Int32Array(1_024);
  let lastOwnDocument = new Int32Array(1_024).fill(-1);
  let lastContextDocument = new Int32Array(1_024).fill(-1);
  let ownFrequencies = new Int32Array(1_024);
  const ownOrder: number[] = [];
  const distinct: number[] = [];

  function posting(term: string): Postings | undefined {
    const id = termIds.get(term);
    return id === undefined ? undefined : postings[id];
  }

  function idOf(term: string): number {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termList.length;
      termIds.set(term, id);
      termList.push(term);
      building?.push({ documents: [], counts: [] });
      if (id >= lastDocument.length) {
        lastDocument = grown(lastDocument, -1);
        countInDocument = grown(countInDocument, 0);
        lastOwnDocument = grown(lastOwnDocument, -1);
        lastContextDocument = grown(lastContextDocument, -1);
        ownFrequencies = grown(ownFrequencies, 0);
      }
    }
    return id;
  }

  function count(terms: readonly string[], documentNumber: number, own: boolean): void {
    for (const term of terms) {
      if (term === '') continue;
      const id = idOf(term);
      if (lastDocument[id] === documentNumber) {
        countInDocument[id] = (countInDocument[id] ?? 0) + 1;
      } else {
        lastDocument[id] = documentNumber;
        countInDocument[id] = 1;
        distinct.push(id);
      }
      if (!own) lastContextDocument[id] = documentNumber;
      if (own && lastOwnDocument[id] !== documentNumber) {
        lastOwnDocument[id] = documentNumber;
        if (ownFrequencies[id] === 0) ownOrder.push(id);
        ownFrequencies[id] = (ownFrequencies[id] ?? 0) + 1;
      }
    }
  }

  return {
    add(terms, context = [], focus = 1) {
      if (building === null) throw new Error('field index is frozen');
      const documentNumber = lengths.length;
      distinct.length = 0;
      count(context, documentNumber, false);
      count(terms, documentNumber, true);
      for (const id of distinct) {
        const list = building[id];
        list?.documents.push(documentNumber);
        // One packed number per posting: a third array cost a third more to build (×100 corpus).
        list?.counts.push(Math.min(countInDocument[id] ?? 0, MAX_COUNT) | (lastContextDocument[id] === documentNumber ? IN_CONTEXT : 0));
      }
      lengths.push(distinct.length);
      focuses.push(Math.min(1, Math.max(0, focus)));
    },
    freeze() {
      if (building === null) return;
      postings = building.map((list) => ({
        documents: Int32Array.from(list.documents),
        counts: Uint16Array.from(list.counts),
      }));
      building = null;
      frozenLengths = Float64Array.from(lengths);
      frozenFocuses = Float64Array.from(focuses);
      averageLength = lengths.length === 0 ? 0 : lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    },
    frequency(term) {
      const id = termIds.get(term);
      if (id === undefined) return 0;
      return building === null ? (postings[id]?.documents.length ?? 0) : (building[id]?.documents.length ?? 0);
    },
    ownFrequency(term) {
      const id = termIds.get(term);
      return id === undefined ? 0 : (ownFrequencies[id] ?? 0);
    },
    *ownTerms() {
      for (const id of ownOrder) yield termList[id] ?? '';
    },
    terms: () => termIds.keys(),
    termId: (term) => termIds.get(term) ?? -1,
    termAt: (id) => termList[id],
    contains(term, documentNumber) {
      const list = posting(term)?.documents;
      if (list === undefined) return false;
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const value = list[middle] ?? 0;
        if (value === documentNumber) return true;
        if (value < documentNumber) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
    score(terms, k1, b) {
      const documentCount = frozenLengths.length;
      const scores = new Float64Array(documentCount);
      const matchedWeight = new Float64Array(documentCount);
      const touched: number[] = [];
      for (const [term, weight] of terms) {
        const list = posting(term);
        if (list === undefined || weight === 0) continue;
        const matching = list.documents.length;
        const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        for (let i = 0; i < matching; i += 1) {
          const document = list.documents[i] ?? 0;
          const packed = list.counts[i] ?? 0;
          const count = packed & MAX_COUNT;
          const norm = k1 * (1 - b + (b * (frozenLengths[document] ?? 0)) / averageLength);
          const frequency = (count * (k1 + 1)) / (count + norm);
          // A context term counts as saturated (k1 + 1), as far as the context is the document's subject.
          const focus = (packed & IN_CONTEXT) !== 0 ? (frozenFocuses[document] ?? 0) : 0;
          if (matchedWeight[document] === 0) touched.push(document);
          scores[document] = (scores[document] ?? 0) + weight * idf * (frequency + focus * (k1 + 1 - frequency));
          matchedWeight[document] = (matchedWeight[document] ?? 0) + weight;
        }
      }
      return { scores, matchedWeight, touched };
    },
  };
}

/** A copy of `array` twice as long, the new half filled with `fill`. */
function grown(array: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2).fill(fill);
  larger.set(array);
  return larger;
}
