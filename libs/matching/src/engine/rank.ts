/**
 * Ranking one mandate over the snapshot: scan the columns, apply the hard constraints and the query
 * filters as integer and bit tests, score the survivors from the precomputed criterion columns plus
 * fit, keep the best k in a bounded heap, and explain only the k returned items.
 *
 * Budget: top-50 over 100k projects in ≤ 3 ms p95 (`npm run bench -- deal-flow`). What keeps it there:
 * - the scan allocates nothing per row, and per call only O(k) (the heap) plus the k explanations;
 * - fit, the only mandate-dependent criterion, is computed only when the score bounds below cannot
 *   settle a row — most survivors of an open mandate never reach the heap and never need it;
 * - after a write the innovation column is not summed again: stored values are within
 *   `innovationSlack()` of the current ones, the bounds widen by that much, and only rows they cannot
 *   settle are summed again (`refreshRow`), beside a slice of the sweep (`prepareInnovation`).
 */
import { fitValue, keywordOverlap, ticketCentrality, trackShare } from './criteria/fit';
import { portfolioValue, type CompiledPortfolio } from './criteria/portfolio';
import { compileMandate, type CompiledMandate } from './mandate';
import { regionMatches, SCORE_VERSION, type RegionPrefix } from './reference';
import { compileFilters, cursorKey, explainPair, type CompiledFilters } from './score';
import { MAX_KEYWORDS, NONE, type Snapshot } from './snapshot';
import {
  EXCLUDE,
  instrumentPenaltyBp,
  keepOf,
  minimumPenaltyBp,
  qualificationPenaltyBp,
  regionBeyond,
  regionPenaltyBp,
  stageBeyond,
  stagePenaltyBp,
  ticketPenaltyBp,
  trackBeyond,
  trackPenaltyBp,
} from './soft';
import { TopK } from './top-k';
import type { Mandate, RankOptions, RankPage } from './types';

type CursorKey = NonNullable<ReturnType<typeof cursorKey>>;

const THESIS = 1;
const EXCLUDED = 2;

/**
 * Keyword-id flags for the ranking in progress (`THESIS` | `EXCLUDED`), shared by all calls: a ranking
 * runs synchronously, and it clears exactly the entries it set before returning. Allocating a fresh
 * array per call would cost O(keyword vocabulary) in allocation and zeroing each time.
 */
let wordFlags = new Uint8Array(256);

/** Flags the ids of `words` (those the snapshot has seen at all); returns how many were flagged. */
function markWords(table: ReadonlyMap<string, number>, words: Iterable<string>, bit: number, set: number[]): number {
  let count = 0;
  for (const w of words) {
    const id = table.get(w);
    if (id === undefined) continue;
    if (id >= wordFlags.length) {
      const grown = new Uint8Array(Math.max(id + 1, wordFlags.length * 2));
      grown.set(wordFlags);
      wordFlags = grown;
    }
    if ((wordFlags[id] & bit) === 0) count++;
    if (wordFlags[id] === 0) set.push(id);
    wordFlags[id] |= bit;
  }
  return count;
}

/**
 * Portfolio fit's keyword affinities by snapshot keyword id for the ranking in progress (0 = a word
 * the history does not name), set and cleared like `wordFlags`.
 */
let wordAffinity = new Float64Array(256);

function markAffinities(table: ReadonlyMap<string, number>, p: CompiledPortfolio | null, set: number[]): void {
  if (p === null || p.keywords === null) return;
  for (const [w, a] of p.keywords) {
    const id = table.get(w);
    if (id === undefined) continue;
    if (id >= wordAffinity.length) {
      const grown = new Float64Array(Math.max(id + 1, wordAffinity.length * 2));
      grown.set(wordAffinity);
      wordAffinity = grown;
    }
    wordAffinity[id] = a;
    set.push(id);
  }
}

/** Portfolio fit of row `i`: `portfolioOf` on the row's columns (the same function, the same values). */
function rowPortfolio(p: CompiledPortfolio, snapshot: Snapshot, i: number): number {
  let keyword = NaN;
  if (p.keywords !== null) {
    const keywords = snapshot.keywords;
    for (let s = i * MAX_KEYWORDS, end = s + MAX_KEYWORDS; s < end; s++) {
      const k = keywords[s];
      if (k === NONE) break;
      const a = wordAffinity[k] !== 0 ? wordAffinity[k] : p.keywordDefault;
      keyword = keyword === keyword && keyword >= a ? keyword : a;
    }
  }
  return portfolioValue(
    p,
    snapshot.tracks[i],
    snapshot.stage[i],
    snapshot.amount[i],
    snapshot.region[i],
    keyword,
    snapshot.qualifications[i],
  );
}

interface ScanCounts {
  /** Eligible rows that pass the filters (and the minimum score). */
  total: number;
  /** Those after the cursor: more than k means there is a next page. */
  remaining: number;
}

/** Thesis keywords among row `i`'s keyword slots. */
function thesisMatches(keywords: Int32Array, i: number): number {
  let matched = 0;
  for (let s = i * MAX_KEYWORDS, end = s + MAX_KEYWORDS; s < end; s++) {
    const k = keywords[s];
    if (k === NONE) break;
    matched += wordFlags[k] & THESIS;
  }
  return matched;
}

/**
 * Fit of row `i`, written to `FIT[0]`: the same parts in the same order as `fitParts` + `fitValue`.
 * It takes the row, not the amount, and writes to a Float64Array slot instead of returning: a double
 * passed to or returned from a call that is not inlined is boxed — a heap number per call, which at
 * thousands of rows per ranking was a measurable share of the GC pauses.
 */
const FIT = new Float64Array(1);
const KEEP = new Float64Array(1);
function rowFit(
  m: CompiledMandate,
  snapshot: Snapshot,
  i: number,
  preferred: readonly RegionPrefix[],
  matched: number,
) {
  const region = snapshot.region[i];
  const a = snapshot.amount[i];
  FIT[0] = fitValue(
    trackShare(snapshot.tracks[i], m.tracks),
    // An unknown amount (NaN; only reaches here under soft constraints) counts as 0, as in `fitParts`.
    ticketCentrality(a === a ? a : 0, m.mandate.ticketMin, m.mandate.ticketMax),
    preferred.length === 0 ? NaN : region >= 0 && regionMatches(region, preferred) ? 1 : 0,
    keywordOverlap(matched, m.thesis.length),
  );
}

const SLACK = new Float64Array(1);

/** Portfolio fit of the row `rowFit` last fitted (0 without a history), beside `FIT`. */
const PORT = new Float64Array(1);

/** `rowFit`, and portfolio fit into `PORT` when the mandate carries a history. */
function fitRow(
  m: CompiledMandate,
  snapshot: Snapshot,
  i: number,
  preferred: readonly RegionPrefix[],
  matched: number,
  pf: CompiledPortfolio | null,
): void {
  rowFit(m, snapshot, i, preferred, matched);
  PORT[0] = pf === null ? 0 : rowPortfolio(pf, snapshot, i);
}

/**
 * The score from the mandate-independent partial sum and the fitted row's `FIT` / `PORT`:
 * `combine`'s operations in its order, so monotonic in `partial` (weights and `keep` ≥ 0).
 */
function scoreOf(partial: number, w4: number, rest: number, pw: number, keep: number): number {
  return pw === 0
    ? Math.round(10_000 * (partial + w4 * FIT[0]) * keep)
    : Math.round(10_000 * ((partial + w4 * FIT[0]) * rest + pw * PORT[0]) * keep);
}

/** Adds one failed minimum's penalty to `acc` (`EXCLUDE` wins); `actual` = NONE is missing data. */
function minimumBp(actual: number, min: number, soft: boolean, missingBp: number, acc: number): number {
  const p = actual === NONE ? missingBp : minimumPenaltyBp(actual, min, soft);
  return p === EXCLUDE ? EXCLUDE : acc + p;
}

/**
 * The scan proper, kept in a function of its own with nothing after the loop. When the loop sat inside
 * `rankMandate`, V8 optimised it by on-stack replacement and the optimised code then deoptimised at
 * the loop exit on every call (no type feedback yet for the code after it), so each ranking started
 * its loop in the interpreter again, where every double it touches is a heap allocation — garbage,
 * and so GC pauses, on every call (`--trace-deopt` showed it). As a plain hot function it gets a
 * normal optimised entry and allocates nothing per row.
 */
function scan(
  snapshot: Snapshot,
  m: CompiledMandate,
  filters: CompiledFilters,
  after: CursorKey | null,
  heap: TopK,
  excludedWords: number,
  out: ScanCounts,
  candidates: Uint8Array | null,
): void {
  const mandate = m.mandate;
  const minInnovation = mandate.minInnovationScore ?? null;
  const stageMask = m.stages;
  const filterStages = filters.stages;
  const instruments = m.instruments;
  const filterInstruments = filters.instruments;
  const tracksAllowed = m.tracks;
  const filterTracks = filters.tracks;
  const excludedTracks = m.excludedTracks;
  const regions = m.regions;
  const filterRegions = filters.regions;
  const preferred = m.preferredRegions;
  const { ticketMin, ticketMax } = mandate;
  const minRd = mandate.minRdIntensityBp ?? NONE;
  const minIp = mandate.minClassIIp ?? NONE;
  const minStaff = mandate.minTechStaffShareBp ?? NONE;
  const minTrl = mandate.minTrl ?? NONE;
  const minPledge = mandate.minPledgeableInventionPatents ?? NONE;
  const maxAge = mandate.maxCompanyAgeYears ?? null;
  const hasMinimums = minRd > NONE || minIp > NONE || minStaff > NONE || minTrl > NONE || minPledge > NONE;
  const minCenti = filters.minCenti;
  const minCut = minCenti - 0.5;
  const afterCenti = after ? after.centi : 0;
  const afterId = after ? after.projectId : '';
  const k = heap.k;
  const hasThesis = m.thesis.length > 0;
  let excludedStartup = -1;
  let excludedStartups: Set<number> | null = null;
  for (const s of m.excludedStartups) {
    const id = snapshot.startupTable.get(s);
    if (id === undefined) continue;
    (excludedStartups ??= new Set()).add(id);
    excludedStartup = id;
  }
  // One excluded company (the common case) is an integer compare; several are a set lookup.
  if (excludedStartups !== null && excludedStartups.size === 1) excludedStartups = null;

  const [w0, w1, w2, w3, w4] = m.weights;
  // Portfolio fit (when the mandate carries a history with weight): score = round(10 000 ×
  // ((partial + w4 × fit) × rest + pw × portfolio) × keep), `combine`'s order; portfolio ∈ [0, 1]
  // widens the bounds the same monotonic way fit does. pw = 0 keeps the five-criterion formula.
  const pf = m.portfolio;
  const pw = pf === null ? 0 : pf.weight;
  const rest = pf === null ? 1 : pf.rest;
  const { stage, instruments: inst, qualifications: quals, tracks, region, amount, age, rdBp, ipClassI } = snapshot;
  const { staffBp, pledgeable, trl, keywords, startup, early, small, hardTech, innovation, ids } = snapshot;
  // Stored innovation values are within `slack` of the current ones (0: all current, the bounds exact).
  // Read back through a Float64Array so it is a double even when 0: a small integer on every ranking
  // before the first write and a fraction after it deoptimised the scan mid-loop ('not a Smi') — the
  // first ranking after a write then finished its 100k rows in the interpreter (~30 ms).
  SLACK[0] = snapshot.innovationSlack();
  const slack = SLACK[0];
  let total = 0;
  let remaining = 0;
  // Unrounded score a row needs to possibly enter the heap: none until it holds k items (never for k ≤ 0).
  let heapCut = k <= 0 ? Infinity : -Infinity;

  // Soft constraints (`soft.ts`): each mandate test that fails either excludes the row or adds its
  // penalty, from the same functions `evaluateConstraints` calls; the work is only on failing rows.
  const { modes, missingBp, ticketTolerancePct, beyond } = m.soft;
  const ticketSoft = modes.ticket === 'soft';
  const stageSoft = modes.stage === 'soft';
  const instrumentSoft = modes.instrument === 'soft';
  const trackSoft = modes.track === 'soft';
  const qualSoft = modes.qualifications === 'soft';
  const regionSoft = modes.region === 'soft';
  const minSoft = modes.hardTechMinimums === 'soft';
  const provinces = m.provinces;
  const mandateQuals = m.qualifications;
  const filterQuals = filters.qualifications;

  for (let i = 0, n = snapshot.size; i < n; i++) {
    // The ticket range first: it is usually the most selective test, and on data in no particular
    // order every test that rejects at random costs a branch misprediction — putting the one that
    // rejects most rows first made a 科创-style mandate's scan 2.5× faster (1.0 → 0.4 ms at 100k).
    const a = amount[i];
    let pen = 0;
    if (!(a >= ticketMin && a <= ticketMax)) {
      const p = a !== a ? missingBp : ticketPenaltyBp(a, ticketMin, ticketMax, ticketSoft, ticketTolerancePct);
      if (p < 0) continue; // EXCLUDE
      pen += p;
    }
    if (candidates !== null && candidates[i] === 0) continue;
    const si = stage[i];
    const st = 1 << si;
    if (filterStages !== 0 && (filterStages & st) === 0) continue;
    if (stageMask !== 0 && (stageMask & st) === 0) {
      const p = stagePenaltyBp(si, stageMask, stageSoft, stageBeyond(beyond, si));
      if (p < 0) continue;
      pen += p;
    }
    const ins = inst[i];
    if (filterInstruments !== 0 && (ins & filterInstruments) === 0) continue;
    if (instruments !== 0 && (ins & instruments) === 0) {
      const p = ins === 0 ? missingBp : instrumentPenaltyBp(instrumentSoft);
      if (p < 0) continue;
      pen += p;
    }
    const tr = tracks[i];
    if (filterTracks !== 0 && (tr & filterTracks) === 0) continue;
    if (tracksAllowed !== 0 && (tr & tracksAllowed) === 0) {
      const p = tr === 0 ? missingBp : trackPenaltyBp(trackSoft, trackBeyond(beyond, tr));
      if (p < 0) continue;
      pen += p;
    }
    if ((tr & excludedTracks) !== 0) continue;
    const q = quals[i];
    if (filterQuals !== 0 && (q & filterQuals) !== filterQuals) continue;
    if (mandateQuals !== 0 && (q & mandateQuals) !== mandateQuals) {
      const p = qualificationPenaltyBp(mandateQuals & ~q, qualSoft);
      if (p < 0) continue;
      pen += p;
    }
    // Unset minimums are skipped rather than compared with NONE: every column read costs memory
    // bandwidth for each row that gets this far (measured: ~0.4 ms per 100k rows for these five).
    // NONE (-1) is missing data: it excludes under a legacy mandate, else costs `missingBp`.
    if (hasMinimums) {
      let p = 0;
      if (minRd > NONE && rdBp[i] < minRd) p = minimumBp(rdBp[i], minRd, minSoft, missingBp, p);
      if (p >= 0 && minIp > NONE && ipClassI[i] < minIp) p = minimumBp(ipClassI[i], minIp, minSoft, missingBp, p);
      if (p >= 0 && minStaff > NONE && staffBp[i] < minStaff)
        p = minimumBp(staffBp[i], minStaff, minSoft, missingBp, p);
      if (p >= 0 && minTrl > NONE && trl[i] < minTrl) p = minimumBp(trl[i], minTrl, minSoft, missingBp, p);
      if (p >= 0 && minPledge > NONE && pledgeable[i] < minPledge)
        p = minimumBp(pledgeable[i], minPledge, minSoft, missingBp, p);
      if (p < 0) continue;
      pen += p;
    }
    if (maxAge !== null && !(age[i] <= maxAge)) {
      // Unknown age (NaN) costs `missingBp` (excludes when legacy); a known age above the maximum excludes.
      if (age[i] === age[i] || missingBp < 0) continue;
      pen += missingBp;
    }
    const rg = region[i];
    if (filterRegions.length > 0 && (rg < 0 || !regionMatches(rg, filterRegions))) continue;
    if (regions.length > 0 && (rg < 0 || !regionMatches(rg, regions))) {
      const p = rg < 0 ? missingBp : regionPenaltyBp(rg, provinces, regionSoft, regionBeyond(beyond, rg));
      if (p < 0) continue;
      pen += p;
    }
    if (excludedStartup >= 0) {
      const s = startup[i];
      if (excludedStartups === null ? s === excludedStartup : excludedStartups.has(s)) continue;
    }
    let matched = -1; // thesis matches, counted on the keyword pass below or lazily for fit
    if (excludedWords > 0) {
      let hit = 0;
      matched = 0;
      for (let s = i * MAX_KEYWORDS, end = s + MAX_KEYWORDS; s < end; s++) {
        const kw = keywords[s];
        if (kw === NONE) break;
        hit |= wordFlags[kw];
      }
      if ((hit & EXCLUDED) !== 0) continue;
      if ((hit & THESIS) !== 0) matched = thesisMatches(keywords, i);
    }
    // Innovation-points loans: the same test as `belowInnovationMinimum` on the same column value,
    // summed again first when the slack leaves the answer open.
    if (minInnovation !== null) {
      if (slack > 0 && (innovation[i] - slack) * 100 < minInnovation && (innovation[i] + slack) * 100 >= minInnovation)
        snapshot.refreshRow(i);
      if (innovation[i] * 100 < minInnovation) continue;
    }

    // Eligible. The score is round(10 000 × (partial + w4 × fit)) with fit in [0, 1] — `combine`'s
    // sum, in its order. Float + and × by a weight ≥ 0 are monotonic, so fit = 0 and fit = 1 give
    // exact bounds round(lo) ≤ score ≤ round(hi); fit is computed only when they cannot decide.
    // The bounds stay unrounded: for an integer c, round(x) < c ⟺ x < c − 0.5 exactly, and
    // Math.round costs ~9 ns here — more than the rest of a row's tests together.
    // With soft penalties the sum is multiplied by `keep` ≥ 0 last, as in `combine`: still monotonic.
    // Always a double (never a small integer), so the optimised loop keeps one representation.
    KEEP[0] = pen === 0 ? 1.0 : keepOf(pen);
    const keep = KEEP[0];
    const fixed = w0 * early[i] + w1 * small[i] + w2 * hardTech[i];
    // A stored innovation value v may be stale by up to `slack`: the current one lies in
    // [v − slack, v + slack] ∩ [0, 1], and + and × by weights ≥ 0 keep the bounds monotonic. With
    // slack 0 both are `partial` exactly, and `partial` is the score's own sum.
    let partial = fixed + w3 * innovation[i];
    const partialHi = slack === 0 ? partial : fixed + w3 * Math.min(1, innovation[i] + slack);
    const partialLo = slack === 0 ? partial : fixed + w3 * Math.max(0, innovation[i] - slack);
    // Without portfolio fit rest = 1 and pw = 0: x × 1 + 0 is x exactly, so one formula serves both.
    const hi = 10_000 * ((partialHi + w4) * rest + pw) * keep;
    if (hi < minCut) continue;
    const lo = 10_000 * (partialLo * rest) * keep;
    // Fit (and portfolio fit) do not depend on innovation: once they are in FIT / PORT, the stale
    // bounds give integer bounds sLo ≤ score ≤ sHi, and a row is summed again only when they differ
    // and the decision at hand falls between them.
    let score = -1;
    let known = false;
    let fitted = false;
    let sLo = 0;
    let sHi = 0;
    if (lo < minCut) {
      if (matched < 0) matched = hasThesis ? thesisMatches(keywords, i) : 0;
      fitRow(m, snapshot, i, preferred, matched, pf);
      fitted = true;
      if (slack > 0) {
        snapshot.refreshRow(i);
        partial = fixed + w3 * innovation[i];
      }
      score = scoreOf(partial, w4, rest, pw, keep);
      known = true;
      if (score < minCenti) continue;
    }
    total++;
    if (after !== null) {
      if (lo >= afterCenti + 0.5) continue; // round(lo) > cursor score: on an earlier page
      if (hi >= afterCenti - 0.5) {
        if (!fitted) {
          if (matched < 0) matched = hasThesis ? thesisMatches(keywords, i) : 0;
          fitRow(m, snapshot, i, preferred, matched, pf);
          fitted = true;
          sHi = scoreOf(partialHi, w4, rest, pw, keep);
          sLo = slack === 0 ? sHi : scoreOf(partialLo, w4, rest, pw, keep);
          if (sLo === sHi) {
            score = sHi;
            known = true;
          }
        }
        if (sLo > afterCenti && !known) continue; // on an earlier page whatever the current value
        if (!known && sHi >= afterCenti) {
          snapshot.refreshRow(i);
          partial = fixed + w3 * innovation[i];
          score = scoreOf(partial, w4, rest, pw, keep);
          known = true;
        }
        if (known && !(score < afterCenti || (score === afterCenti && ids[i] > afterId))) continue;
      }
    }
    remaining++;
    if (hi < heapCut) continue; // cannot displace the worst kept item
    if (!fitted) {
      if (matched < 0) matched = hasThesis ? thesisMatches(keywords, i) : 0;
      fitRow(m, snapshot, i, preferred, matched, pf);
      sHi = scoreOf(partialHi, w4, rest, pw, keep);
      sLo = slack === 0 ? sHi : scoreOf(partialLo, w4, rest, pw, keep);
      if (sLo === sHi) {
        score = sHi;
        known = true;
      }
    }
    if (!known) {
      if (sHi < heapCut) continue; // below the worst kept score whatever the current value
      snapshot.refreshRow(i);
      partial = fixed + w3 * innovation[i];
      score = scoreOf(partial, w4, rest, pw, keep);
    }
    heap.offer(i, score);
    if (heap.isFull()) heapCut = heap.worstScore() - 0.5;
  }
  out.total = total;
  out.remaining = remaining;
}

/** A text query's candidate set as a row mask (ids the snapshot does not hold are ignored). */
function candidateRows(snapshot: Snapshot, ids: ReadonlySet<string> | null): Uint8Array | null {
  if (ids === null) return null;
  const rows = new Uint8Array(snapshot.size);
  for (const id of ids) {
    const row = snapshot.rowIndex(id);
    if (row !== undefined) rows[row] = 1;
  }
  return rows;
}

export function rankMandate(snapshot: Snapshot, mandate: Mandate, options: RankOptions): RankPage {
  // Compiling is ~2 µs (measured); a cache keyed by (id, version) would have to prove the content
  // unchanged, which costs about as much, so the mandate is compiled per call.
  const m = compileMandate(mandate, snapshot.cohort.aspects);
  const filters = compileFilters(options.filters);
  const after = cursorKey(options.cursor);
  snapshot.prepareInnovation();

  const ids = snapshot.ids;
  const heap = new TopK(options.k, (row) => ids[row]);
  const counts: ScanCounts = { total: 0, remaining: 0 };
  const flagged: number[] = [];
  const affinities: number[] = [];
  try {
    const excludedWords = markWords(snapshot.keywordTable, m.excludedKeywords, EXCLUDED, flagged);
    markWords(snapshot.keywordTable, m.thesis, THESIS, flagged);
    markAffinities(snapshot.keywordTable, m.portfolio, affinities);
    scan(snapshot, m, filters, after, heap, excludedWords, counts, candidateRows(snapshot, filters.projectIds));
  } finally {
    for (const id of flagged) wordFlags[id] = 0;
    for (const id of affinities) wordAffinity[id] = 0;
  }

  const top = heap.drain();
  const items = top.map(({ row }) =>
    explainPair(snapshot.features[row], m, snapshot.cohort, snapshot.percentiles(row)),
  );
  const last = top[top.length - 1];
  return {
    items,
    total: counts.total,
    nextCursor: counts.remaining > options.k && last ? { score: last.score / 100, projectId: ids[last.row] } : null,
    snapshotVersion: snapshot.version,
    scoreVersion: SCORE_VERSION,
  };
}
