import { FilterExpr, FilterScalar, SearchDocument, SearchHit, SearchSettings, SortSpec } from '../port';
import { DocumentArena } from './document-arena';
import {
  Bitset,
  GrowableFloat64,
  GrowableInt32,
  GrowableUint8,
  ValuePostings,
  boundedLevenshtein,
  topK,
} from './structures';
import { Tokenizer, hasCjk, isLatinWord, normalizeText } from './tokenizer';

/**
 * One embedded index: an inverted index over document numbers for text (typed-array posting lists),
 * and per-attribute columns for filters, facets and sorts. A query turns its words and its filter
 * into bitsets, intersects them, counts facets over the survivors and keeps the top page with a heap —
 * it never scores or sorts documents the filter excluded.
 *
 * The documents themselves are kept as JSON bytes (`DocumentArena`), outside the JavaScript heap.
 *
 * Documents get increasing numbers; replacing a document retires its number and appends a new one, so
 * posting lists stay sorted and append-only. Retired numbers are reclaimed by `compact()` (a rebuild of
 * the live documents), run automatically when more than a third are retired.
 */

interface Posting {
  docs: GrowableInt32;
  /** Low 4 bits: rank of the best searchable attribute the term occurs in; high 4 bits: min(tf, 15). */
  meta: GrowableUint8;
}

interface FilterColumn {
  /** String(value) → value id. */
  valueIds: Map<string, number>;
  values: string[];
  /** Value id → documents having it. */
  postings: ValuePostings;
  /** CSR: the value ids of document d are valueList[valueStart[d] .. valueStart[d + 1]). */
  valueStart: GrowableInt32;
  valueList: GrowableInt32;
  /** Scalar numeric value per document (NaN when missing, not a number, or an array). */
  numeric: GrowableFloat64;
  /** Documents with numeric arrays (ranges then check every element). */
  numericArrays: Map<number, number[]>;
}

interface TermMatch {
  term: string;
  /** Multiplier: exact 1, synonym 0.9, prefix 0.6, typo 0.5. */
  factor: number;
}

/** Synonym alternatives can be several words: all of them must match. */
interface TermGroup {
  alternatives: TermMatch[][];
}

const KIND_EXACT = 1;
const KIND_SYNONYM = 0.9;
const KIND_PREFIX = 0.6;
const KIND_TYPO = 0.5;
const MAX_QUERY_TERMS = 10;
const MAX_PREFIX_EXPANSIONS = 50;
const MAX_PREFIX_SCAN = 20_000;
const MAX_TYPO_EXPANSIONS = 20;

export interface StoreQuery {
  text: string;
  filter?: FilterExpr;
  facets: string[];
  sort: SortSpec[];
  offset: number;
  limit: number;
  preTag: string;
  postTag: string;
}

/**
 * The text index of a store's live documents, renumbered 0..n-1 in id order, without the documents:
 * what a restart needs to skip segmentation (the documents are read again and matched by `hashes`).
 */
export interface StoreImage {
  /** Document number → id (ascending). */
  ids: string[];
  /** Document number → content hash (`documentHash`) of the document the postings were built from. */
  hashes: string[];
  terms: string[];
  /** Postings of term t: `docs` / `meta` [offsets[t], offsets[t + 1]), ascending document numbers. */
  offsets: Int32Array;
  docs: Int32Array;
  meta: Uint8Array;
}

/**
 * What a document's postings and columns are a function of (with the settings and the segmenter): a
 * 64-bit hash of its JSON value, fields in order (two 32-bit multiply-xor streams over every UTF-16
 * code unit and a type tag per value; no string is built). Not cryptographic: it only tells whether an
 * index image's document is the one read now.
 */
export function documentHash(doc: SearchDocument): string {
  HASH[0] = 0x811c9dc5;
  HASH[1] = 0x01000193;
  hashValue(doc);
  return (HASH[0] >>> 0).toString(36) + '.' + (HASH[1] >>> 0).toString(36);
}

const HASH = new Int32Array(2);

function hashCode(c: number): void {
  HASH[0] = Math.imul(HASH[0] ^ c, 0x01000193);
  HASH[1] = Math.imul(HASH[1] ^ c, 0x5bd1e995) ^ (HASH[1] >>> 15);
}

function hashString(s: string): void {
  hashCode(s.length + 0x10000);
  for (let i = 0; i < s.length; i++) hashCode(s.charCodeAt(i));
}

function hashValue(v: unknown): void {
  if (v === null || v === undefined) hashCode(v === null ? 0x20001 : 0x20002);
  else if (typeof v === 'string') {
    hashCode(0x20003);
    hashString(v);
  } else if (typeof v === 'number' || typeof v === 'boolean') {
    hashCode(typeof v === 'number' ? 0x20004 : 0x20005);
    hashString(String(v));
  } else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    // What the store keeps is the document's JSON (DocumentArena): a Date (no own entries, so it would
    // hash as an empty object) hashes as the string it is stored as, so a changed date hashes apart and
    // a stored copy hashes like the document it was made from.
    hashValue((v as { toJSON(): unknown }).toJSON());
  } else if (Array.isArray(v)) {
    hashCode(0x20006 + v.length * 16);
    for (const x of v) hashValue(x);
  } else {
    hashCode(0x20007);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      hashString(k);
      hashValue(x);
    }
  }
}

export interface StoreResult<D extends SearchDocument> {
  hits: SearchHit<D>[];
  facets: Record<string, Record<string, number>>;
  total: number;
}

export class EmbeddedStore<D extends SearchDocument = SearchDocument> {
  /** Document number → the document (JSON bytes, decoded on read: every read is a fresh copy). */
  private docs = new DocumentArena<D>();
  private idToNum = new Map<string, number>();
  private alive = new Bitset(1024);
  private liveCount = 0;
  private terms = new Map<string, Posting>();
  private sortedTerms: string[] = [];
  private unsortedTerms: string[] = [];
  /** Pure-ASCII-letter terms by length, for typo tolerance. */
  private latinByLength = new Map<number, string[]>();
  private columns = new Map<string, FilterColumn>();
  private sortColumns = new Map<string, { numeric: GrowableFloat64; strings: (string | undefined)[] }>();
  private searchableRank = new Map<string, number>();
  private customRanking: SortSpec[] = [];
  private synonyms = new Map<string, string[][]>();
  private scores = new Float32Array(1024);
  private groupScores = new Float32Array(1024);

  constructor(
    readonly settings: SearchSettings,
    private readonly tokenizer: Tokenizer,
  ) {
    settings.searchableAttributes.forEach((a, i) => this.searchableRank.set(a, Math.min(i, 15)));
    for (const a of settings.filterableAttributes) this.columns.set(a, newColumn());
    for (const a of settings.sortableAttributes)
      this.sortColumns.set(a, { numeric: new GrowableFloat64(), strings: [] });
    for (const rule of settings.rankingRules ?? []) {
      const m = /^(.+):(asc|desc)$/.exec(rule);
      if (m && this.sortColumns.has(m[1])) this.customRanking.push({ field: m[1], order: m[2] as 'asc' | 'desc' });
    }
    for (const [word, list] of Object.entries(settings.synonyms ?? {})) {
      const key = this.tokenizer.queryTokens(word).join(' ');
      if (!key) continue;
      const alternatives = list.map((s) => this.tokenizer.queryTokens(s)).filter((t) => t.length > 0);
      this.synonyms.set(key, [...(this.synonyms.get(key) ?? []), ...alternatives]);
    }
  }

  get size(): number {
    return this.liveCount;
  }

  /** Highest document number attached from an image so far (attachments must ascend: CSR columns). */
  private attachedUpTo = -1;

  /**
   * A store holding an image's postings and no documents yet: `attach` puts each document whose hash
   * still matches under its number (columns are built then; its text is not segmented again).
   * Numbers never attached stay retired (their postings are skipped like any replaced document's).
   */
  static fromImage<D extends SearchDocument>(
    settings: SearchSettings,
    tokenizer: Tokenizer,
    image: StoreImage,
  ): EmbeddedStore<D> {
    const store = new EmbeddedStore<D>(settings, tokenizer);
    const n = image.ids.length;
    store.docs.reserve(n);
    store.ensureCapacity(n);
    for (let t = 0; t < image.terms.length; t++) {
      const term = image.terms[t];
      const from = image.offsets[t];
      const to = image.offsets[t + 1];
      // Views into the image's arrays, not copies: a list is copied out the first time it grows.
      store.terms.set(term, {
        docs: GrowableInt32.of(image.docs.subarray(from, to)),
        meta: GrowableUint8.of(image.meta.subarray(from, to)),
      });
      store.unsortedTerms.push(term);
      if (isLatinWord(term) && term.length >= 4) {
        const bucket = store.latinByLength.get(term.length);
        if (bucket) bucket.push(term);
        else store.latinByLength.set(term.length, [term]);
      }
    }
    return store;
  }

  /** Puts `doc` under image number `n` (false when it cannot: taken, out of order or already present). */
  attach(n: number, doc: D): boolean {
    if (n <= this.attachedUpTo || n >= this.docs.length || this.docs.has(n) || this.idToNum.has(doc.id)) return false;
    this.attachedUpTo = n;
    this.docs.set(n, doc);
    this.idToNum.set(doc.id, n);
    this.alive.set(n);
    this.liveCount++;
    this.indexColumns(n, doc);
    return true;
  }

  /** The live documents' text index, renumbered in id order (see `StoreImage`). */
  image(): StoreImage {
    const ids = [...this.idToNum.keys()].sort();
    const renumber = new Int32Array(this.docs.length).fill(-1);
    ids.forEach((id, i) => (renumber[this.idToNum.get(id)!] = i));
    const hashes = ids.map((id) => documentHash(this.docs.get(this.idToNum.get(id)!) as D));
    const terms: string[] = [];
    const lists: Int32Array[] = [];
    let total = 0;
    for (const [term, p] of this.terms) {
      // Packed (new number << 8 | meta), sorted: ascending numbers with their meta alongside.
      const packed = new Int32Array(p.docs.length);
      let k = 0;
      for (let i = 0; i < p.docs.length; i++) {
        const to = renumber[p.docs.data[i]];
        if (to >= 0) packed[k++] = (to << 8) | p.meta.data[i];
      }
      if (k === 0) continue;
      const list = packed.subarray(0, k).sort();
      terms.push(term);
      lists.push(list);
      total += k;
    }
    const offsets = new Int32Array(terms.length + 1);
    const docs = new Int32Array(total);
    const meta = new Uint8Array(total);
    let at = 0;
    lists.forEach((list, t) => {
      offsets[t] = at;
      for (let i = 0; i < list.length; i++) {
        docs[at] = list[i] >>> 8;
        meta[at++] = list[i] & 255;
      }
    });
    offsets[terms.length] = at;
    return { ids, hashes, terms, offsets, docs, meta };
  }

  /**
   * Drops the posting lists' and columns' spare capacity (after a bulk load). The text postings are
   * packed into one pair of arrays, each list a view into them: a list of its own per term would
   * cost a buffer each, and after a restore the lists that changed documents grew are copies, while
   * the image's buffer they were copied from stays alive as long as one untouched list views it
   * (at 100k projects ~40 MB of dead postings). Packing copies every list once and lets it go.
   */
  trim(): void {
    let total = 0;
    for (const p of this.terms.values()) total += p.docs.length;
    const docs = new Int32Array(total);
    const meta = new Uint8Array(total);
    let at = 0;
    for (const p of this.terms.values()) {
      const n = p.docs.length;
      docs.set(p.docs.data.subarray(0, n), at);
      meta.set(p.meta.data.subarray(0, n), at);
      // Views: the next push to a list copies it out (see GrowableInt32.of).
      p.docs = GrowableInt32.of(docs.subarray(at, at + n));
      p.meta = GrowableUint8.of(meta.subarray(at, at + n));
      at += n;
    }
    for (const column of this.columns.values()) {
      column.postings.trim();
      column.valueStart.trim();
      column.valueList.trim();
      column.numeric.trim();
    }
    for (const column of this.sortColumns.values()) column.numeric.trim();
  }

  /** Retired document numbers (replaced or deleted) still holding posting entries. */
  get retired(): number {
    return this.docs.length - this.liveCount;
  }

  /** A fresh copy of the document (decoded from its bytes). */
  get(id: string): D | undefined {
    const n = this.idToNum.get(id);
    return n === undefined ? undefined : this.docs.get(n);
  }

  /** Fresh copies of every live document. */
  liveDocuments(): D[] {
    const out: D[] = [];
    for (const n of this.idToNum.values()) out.push(this.docs.get(n) as D);
    return out;
  }

  upsert(doc: D): void {
    const old = this.idToNum.get(doc.id);
    if (old !== undefined) this.retire(old);
    const n = this.docs.push(doc);
    this.idToNum.set(doc.id, n);
    this.ensureCapacity(n + 1);
    this.alive.set(n);
    this.liveCount++;
    this.indexText(n, doc);
    this.indexColumns(n, doc);
  }

  delete(id: string): boolean {
    const n = this.idToNum.get(id);
    if (n === undefined) return false;
    this.retire(n);
    this.idToNum.delete(id);
    return true;
  }

  /** Worth compacting: many retired numbers. */
  needsCompaction(): boolean {
    return this.retired > 1000 && this.retired > this.liveCount / 2;
  }

  private retire(n: number): void {
    this.alive.clear(n);
    this.docs.clear(n);
    this.liveCount--;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.size) return;
    let cap = this.alive.size;
    while (cap < size) cap *= 2;
    const next = new Bitset(cap);
    next.words.set(this.alive.words);
    this.alive = next;
    this.scores = new Float32Array(cap);
    this.groupScores = new Float32Array(cap);
  }

  private indexText(n: number, doc: D): void {
    const seen = new Map<string, { rank: number; tf: number }>();
    for (const [attribute, rank] of this.searchableRank) {
      const value = doc[attribute];
      const texts = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      for (const text of texts) {
        if (typeof text !== 'string' && typeof text !== 'number') continue;
        for (const token of this.tokenizer.indexTokens(String(text))) {
          const entry = seen.get(token);
          if (entry === undefined) seen.set(token, { rank, tf: 1 });
          else {
            if (rank < entry.rank) entry.rank = rank;
            if (entry.tf < 15) entry.tf++;
          }
        }
      }
    }
    for (const [term, { rank, tf }] of seen) {
      const meta = rank | (tf << 4);
      let posting = this.terms.get(term);
      if (!posting) {
        posting = { docs: new GrowableInt32(2), meta: new GrowableUint8(2) };
        this.terms.set(term, posting);
        this.unsortedTerms.push(term);
        if (isLatinWord(term) && term.length >= 4) {
          const bucket = this.latinByLength.get(term.length);
          if (bucket) bucket.push(term);
          else this.latinByLength.set(term.length, [term]);
        }
      }
      posting.docs.push(n);
      posting.meta.push(meta);
    }
  }

  private indexColumns(n: number, doc: D): void {
    for (const [attribute, column] of this.columns) {
      const value = doc[attribute];
      while (column.valueStart.length <= n) column.valueStart.push(column.valueList.length);
      // No per-document Set or wrapper array: this runs for every filterable attribute of every document.
      const first = column.valueList.length;
      if (Array.isArray(value)) {
        for (const v of value as FilterScalar[]) this.addColumnValue(column, n, v, first);
        column.numeric.set(n, NaN);
        if (value.some((v) => typeof v === 'number')) {
          column.numericArrays.set(
            n,
            (value as FilterScalar[]).filter((v): v is number => typeof v === 'number'),
          );
        }
      } else {
        if (value !== undefined && value !== null) this.addColumnValue(column, n, value as FilterScalar, first);
        // valueStart[n + 1] is written by the next document; `end()` reads valueList.length for the last one.
        column.numeric.set(n, typeof value === 'number' ? value : NaN);
      }
    }
    for (const [attribute, column] of this.sortColumns) {
      const value = doc[attribute];
      column.numeric.set(n, typeof value === 'number' ? value : NaN);
      column.strings[n] = typeof value === 'string' ? value : undefined;
    }
  }

  /** One value of document n (once: values already listed since `first` are skipped). */
  private addColumnValue(column: FilterColumn, n: number, v: FilterScalar, first: number): void {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return;
    const key = typeof v === 'string' ? v : String(v);
    let id = column.valueIds.get(key);
    if (id === undefined) {
      id = column.values.length;
      column.valueIds.set(key, id);
      column.values.push(key);
      column.postings.open(n);
      column.valueList.push(id);
      return;
    }
    const list = column.valueList;
    for (let i = first; i < list.length; i++) if (list.data[i] === id) return;
    list.push(id);
    column.postings.add(id, n);
  }

  // ---------------------------------------------------------------- query

  search(q: StoreQuery): StoreResult<D> {
    const size = this.docs.length;
    let candidates: Bitset;
    let groups: TermGroup[] = [];
    const words = this.tokenizer.queryTokens(q.text).slice(0, MAX_QUERY_TERMS);
    if (words.length > 0) {
      groups = this.expand(words);
      candidates = Bitset.full(size);
      for (const group of groups) candidates.and(this.groupBitset(group, size));
    } else {
      candidates = Bitset.full(size);
    }
    candidates.and(this.aliveView(size));
    if (q.filter) candidates.and(this.evalFilter(q.filter, size));
    const ids = candidates.toArray();

    const hasText = groups.length > 0;
    if (hasText) this.score(groups, candidates, ids);

    const facets: Record<string, Record<string, number>> = {};
    for (const facet of q.facets) facets[facet] = this.countFacet(facet, ids);

    const better = this.comparator(q.sort, hasText);
    const top = topK(ids, q.offset + q.limit, better).slice(q.offset);
    const matchedTerms = groups.flatMap((g) => g.alternatives.flatMap((alt) => alt.map((m) => m.term)));
    const highlighter = matchedTerms.length ? buildHighlighter(matchedTerms, q.preTag, q.postTag) : null;
    const hits: SearchHit<D>[] = top.map((n) => {
      const doc = this.docs.get(n) as D;
      const hit: SearchHit<D> = {
        id: doc.id,
        document: this.project(doc),
        highlights: highlighter ? this.highlight(doc, highlighter) : {},
      };
      if (hasText) hit.score = Number(this.scores[n].toFixed(4));
      return hit;
    });
    return { hits, facets, total: ids.length };
  }

  private aliveView(size: number): Bitset {
    const view = new Bitset(size);
    view.words.set(this.alive.words.subarray(0, view.words.length));
    return view;
  }

  /** Each query word → the index terms it matches: itself, synonyms, prefix completions (last word), typos. */
  private expand(words: string[]): TermGroup[] {
    this.syncSortedTerms();
    const groups: TermGroup[] = [];
    words.forEach((word, i) => {
      const isLast = i === words.length - 1;
      const single: TermMatch[] = [];
      const seen = new Set<string>();
      const add = (term: string, factor: number) => {
        if (seen.has(term)) return;
        seen.add(term);
        single.push({ term, factor });
      };
      if (this.terms.has(word)) add(word, KIND_EXACT);
      const alternatives: TermMatch[][] = [];
      for (const syn of this.synonyms.get(word) ?? []) {
        if (syn.length === 1) {
          if (this.terms.has(syn[0])) add(syn[0], KIND_SYNONYM);
        } else if (syn.every((t) => this.terms.has(t))) {
          alternatives.push(syn.map((term) => ({ term, factor: KIND_SYNONYM })));
        }
      }
      if (isLast && (word.length >= 2 || hasCjk(word))) {
        for (const term of this.prefixTerms(word)) add(term, KIND_PREFIX);
      }
      if (isLatinWord(word) && word.length >= 5) {
        const max = word.length >= 9 ? 2 : 1;
        for (const term of this.typoTerms(word, max)) add(term, KIND_TYPO);
      }
      groups.push({ alternatives: [single, ...alternatives] });
    });
    return groups;
  }

  private syncSortedTerms(): void {
    if (this.unsortedTerms.length === 0) return;
    if (this.unsortedTerms.length > 2000 || this.unsortedTerms.length * 20 > this.sortedTerms.length) {
      this.sortedTerms.push(...this.unsortedTerms);
      this.sortedTerms.sort();
    } else {
      for (const term of this.unsortedTerms) this.sortedTerms.splice(lowerBound(this.sortedTerms, term), 0, term);
    }
    this.unsortedTerms = [];
  }

  private prefixTerms(prefix: string): string[] {
    const start = lowerBound(this.sortedTerms, prefix);
    const found: string[] = [];
    for (let i = start; i < this.sortedTerms.length && i - start < MAX_PREFIX_SCAN; i++) {
      const term = this.sortedTerms[i];
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) found.push(term);
    }
    if (found.length <= MAX_PREFIX_EXPANSIONS) return found;
    // Keep the most frequent completions.
    return found
      .sort((a, b) => (this.terms.get(b)?.docs.length ?? 0) - (this.terms.get(a)?.docs.length ?? 0))
      .slice(0, MAX_PREFIX_EXPANSIONS);
  }

  private typoTerms(word: string, max: number): string[] {
    const found: [string, number][] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const term of this.latinByLength.get(len) ?? []) {
        // Like Meilisearch, a typo on the first letter costs more: require it to match.
        if (term.charCodeAt(0) !== word.charCodeAt(0) || term === word) continue;
        const d = boundedLevenshtein(word, term, max);
        if (d <= max) found.push([term, d]);
      }
    }
    return found
      .sort((a, b) => a[1] - b[1])
      .slice(0, MAX_TYPO_EXPANSIONS)
      .map(([t]) => t);
  }

  private groupBitset(group: TermGroup, size: number): Bitset {
    const out = new Bitset(size);
    for (const alternative of group.alternatives) {
      if (alternative.length === 0) continue;
      if (alternative === group.alternatives[0] || alternative.length === 1) {
        // The single-word alternatives: any of them.
        for (const m of alternative) {
          const p = this.terms.get(m.term);
          if (p) out.setAll(p.docs.data, p.docs.length);
        }
      } else {
        // A multi-word synonym: all of its words.
        let all: Bitset | null = null;
        for (const m of alternative) {
          const p = this.terms.get(m.term);
          const b = new Bitset(size);
          if (p) b.setAll(p.docs.data, p.docs.length);
          all = all ? all.and(b) : b;
        }
        if (all) out.or(all);
      }
    }
    return out;
  }

  /** Per word: the best of its matches (BM25-like idf × attribute rank × tf × match kind); summed over words. */
  private score(groups: TermGroup[], candidates: Bitset, ids: Int32Array): void {
    const scores = this.scores;
    const best = this.groupScores;
    for (let k = 0; k < ids.length; k++) scores[ids[k]] = 0;
    const total = Math.max(1, this.liveCount);
    const attributeCount = Math.max(1, this.searchableRank.size);
    const cw = candidates.words;
    for (const group of groups) {
      for (const alternative of group.alternatives) {
        for (const m of alternative) {
          const p = this.terms.get(m.term);
          if (!p) continue;
          const idf = Math.log(1 + total / p.docs.length);
          const docs = p.docs.data;
          const meta = p.meta.data;
          for (let k = 0; k < p.docs.length; k++) {
            const n = docs[k];
            if ((cw[n >>> 5] & (1 << (n & 31))) === 0) continue;
            const rank = meta[k] & 15;
            const tf = meta[k] >> 4;
            const s =
              idf *
              m.factor *
              (1 + (attributeCount - Math.min(rank, attributeCount)) / attributeCount) *
              (1 + 0.2 * Math.log(tf));
            if (s > best[n]) best[n] = s;
          }
        }
      }
      for (let k = 0; k < ids.length; k++) {
        const n = ids[k];
        scores[n] += best[n];
        best[n] = 0;
      }
    }
  }

  private comparator(sort: SortSpec[], hasText: boolean): (a: number, b: number) => boolean {
    const keys = [...sort, ...this.customRanking].map((s) => ({
      column: this.sortColumns.get(s.field),
      desc: s.order === 'desc',
    }));
    const scores = this.scores;
    const explicit = sort.length;
    const compareKey = (a: number, b: number, key: (typeof keys)[number]): number => {
      if (!key.column) return 0;
      const na = key.column.numeric.get(a);
      const nb = key.column.numeric.get(b);
      const aNum = !Number.isNaN(na);
      const bNum = !Number.isNaN(nb);
      if (aNum && bNum) {
        if (na !== nb) return key.desc ? nb - na : na - nb;
        return 0;
      }
      // Documents without the attribute come last, as in Meilisearch; numbers before strings.
      if (aNum !== bNum) return aNum ? -1 : 1;
      const sa = key.column.strings[a];
      const sb = key.column.strings[b];
      if (sa === sb) return 0;
      if (sa === undefined) return 1;
      if (sb === undefined) return -1;
      return key.desc ? (sa < sb ? 1 : -1) : sa < sb ? -1 : 1;
    };
    return (a, b) => {
      for (let i = 0; i < explicit; i++) {
        const c = compareKey(a, b, keys[i]);
        if (c !== 0) return c < 0;
      }
      if (hasText && scores[a] !== scores[b]) return scores[a] > scores[b];
      for (let i = explicit; i < keys.length; i++) {
        const c = compareKey(a, b, keys[i]);
        if (c !== 0) return c < 0;
      }
      return a < b;
    };
  }

  private countFacet(field: string, ids: Int32Array): Record<string, number> {
    const column = this.columns.get(field);
    const out: Record<string, number> = {};
    if (!column) return out;
    const counts = new Int32Array(column.values.length);
    const start = column.valueStart.data;
    const startLen = column.valueStart.length;
    const list = column.valueList.data;
    const listLen = column.valueList.length;
    for (let k = 0; k < ids.length; k++) {
      const n = ids[k];
      const from = start[n];
      const to = n + 1 < startLen ? start[n + 1] : listLen;
      for (let j = from; j < to; j++) counts[list[j]]++;
    }
    for (let v = 0; v < counts.length; v++) if (counts[v] > 0) out[column.values[v]] = counts[v];
    return out;
  }

  private evalFilter(expr: FilterExpr, size: number): Bitset {
    if ('and' in expr) {
      const out = Bitset.full(size);
      for (const item of expr.and) out.and(this.evalFilter(item, size));
      return out;
    }
    if ('or' in expr) {
      const out = new Bitset(size);
      for (const item of expr.or) out.or(this.evalFilter(item, size));
      return out;
    }
    if ('not' in expr) return this.evalFilter(expr.not, size).invertWithin(this.aliveView(size));
    if ('eq' in expr) return this.valuesBitset(expr.eq.field, [expr.eq.value], size);
    if ('in' in expr) return this.valuesBitset(expr.in.field, expr.in.values, size);
    const { field, gte, gt, lte, lt } = expr.range;
    const out = new Bitset(size);
    const column = this.columns.get(field);
    if (!column) return out;
    const test = (v: number) =>
      !Number.isNaN(v) &&
      (gte === undefined || v >= gte) &&
      (gt === undefined || v > gt) &&
      (lte === undefined || v <= lte) &&
      (lt === undefined || v < lt);
    const data = column.numeric.data;
    // Past the end of `data` every value is NaN (see GrowableFloat64).
    const limit = Math.min(size, data.length);
    for (let n = 0; n < limit; n++) if (test(data[n])) out.set(n);
    for (const [n, values] of column.numericArrays) if (n < size && values.some(test)) out.set(n);
    return out;
  }

  private valuesBitset(field: string, values: readonly FilterScalar[], size: number): Bitset {
    const out = new Bitset(size);
    const column = this.columns.get(field);
    if (!column) return out;
    for (const value of values) {
      const id = column.valueIds.get(String(value));
      if (id === undefined) continue;
      column.postings.setIn(out, id);
    }
    return out;
  }

  private project(doc: D): D {
    const displayed = this.settings.displayedAttributes;
    if (!displayed || displayed.includes('*')) return doc;
    const out: SearchDocument = { id: doc.id };
    for (const a of displayed) if (a in doc) out[a] = doc[a];
    return out as D;
  }

  private highlight(doc: D, highlighter: RegExp): Record<string, string> {
    const out: Record<string, string> = {};
    for (const attribute of this.searchableRank.keys()) {
      const value = doc[attribute];
      if (typeof value === 'string') {
        const h = applyHighlight(value, highlighter);
        if (h !== null) out[attribute] = h;
      } else if (Array.isArray(value)) {
        const parts = value.map((v) => (typeof v === 'string' ? applyHighlight(v, highlighter) : null));
        if (parts.some((p) => p !== null)) out[attribute] = value.map((v, i) => parts[i] ?? String(v)).join(', ');
      }
    }
    return out;
  }
}

function newColumn(): FilterColumn {
  return {
    valueIds: new Map(),
    values: [],
    postings: new ValuePostings(),
    valueStart: new GrowableInt32(1024),
    valueList: new GrowableInt32(1024),
    numeric: new GrowableFloat64(),
    numericArrays: new Map(),
  };
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Highlighter extends RegExp {
  pre?: string;
  post?: string;
}

/** One regular expression for every matched term (longest first); Latin terms only at word boundaries. */
function buildHighlighter(terms: string[], pre: string, post: string): RegExp {
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const parts = unique.map((t) =>
    hasCjk(t) ? escapeRegExp(t) : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`,
  );
  const re = new RegExp(parts.join('|'), 'giu') as Highlighter;
  re.pre = pre;
  re.post = post;
  return re;
}

function applyHighlight(text: string, re: Highlighter): string | null {
  // Match against the normalised text only when normalisation keeps the length (true for CJK and ASCII).
  const normalized = normalizeText(text);
  const source = normalized.length === text.length ? normalized : text;
  let found = false;
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (const m of source.matchAll(re)) {
    found = true;
    const at = m.index ?? 0;
    out += text.slice(last, at) + re.pre + text.slice(at, at + m[0].length) + re.post;
    last = at + m[0].length;
  }
  return found ? out + text.slice(last) : null;
}
