/**
 * One field's inverted index: for each term, the documents that hold it and how often, in typed
 * arrays. Built once (`add` each document in order, then `freeze`), then only read.
 *
 * Scoring is Okapi BM25 with a document's field length counted as its distinct terms.
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
  /** Index the next document's terms; documents are numbered 0, 1, 2, … in the order added. */
  add(terms: readonly string[]): void;
  /** Compact the postings into typed arrays; call once, after the last `add`. */
  freeze(): void;
  /** How many documents contain the term. */
  frequency(term: string): number;
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

interface Postings {
  documents: Int32Array;
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
  let frozenLengths = new Float64Array(0);
  let averageLength = 0;
  const counts = new Map<string, number>();

  function posting(term: string): Postings | undefined {
    const id = termIds.get(term);
    return id === undefined ? undefined : postings[id];
  }

  return {
    add(terms) {
      if (building === null) throw new Error('field index is frozen');
      const documentNumber = lengths.length;
      counts.clear();
      for (const term of terms) if (term !== '') counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = building.length;
          termIds.set(term, id);
          termList.push(term);
          building.push({ documents: [], counts: [] });
        }
        const list = building[id];
        list?.documents.push(documentNumber);
        list?.counts.push(Math.min(count, 0xffff));
      }
      lengths.push(counts.size);
    },
    freeze() {
      if (building === null) return;
      postings = building.map((list) => ({ documents: Int32Array.from(list.documents), counts: Uint16Array.from(list.counts) }));
      building = null;
      frozenLengths = Float64Array.from(lengths);
      averageLength = lengths.length === 0 ? 0 : lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    },
    frequency(term) {
      const id = termIds.get(term);
      if (id === undefined) return 0;
      return building === null ? (postings[id]?.documents.length ?? 0) : (building[id]?.documents.length ?? 0);
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
          const count = list.counts[i] ?? 0;
          const norm = k1 * (1 - b + (b * (frozenLengths[document] ?? 0)) / averageLength);
          if (matchedWeight[document] === 0) touched.push(document);
          scores[document] = (scores[document] ?? 0) + weight * idf * ((count * (k1 + 1)) / (count + norm));
          matchedWeight[document] = (matchedWeight[document] ?? 0) + weight;
        }
      }
      return { scores, matchedWeight, touched };
    },
  };
}
