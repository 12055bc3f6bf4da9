/**
 * Ranking one mandate over the snapshot: scan the columns, apply the hard constraints and the query
 * filters as integer and bit tests, score the survivors from the precomputed criterion columns plus
 * fit, keep the best k in a bounded heap, and explain only the k returned items.
 */
import { fitValue, keywordOverlap, ticketCentrality, trackShare } from './criteria/fit';
import { compileMandate } from './mandate';
import { regionMatches, SCORE_VERSION } from './reference';
import { combine, compileFilters, cursorKey, explainPair, isAfter } from './score';
import { MAX_KEYWORDS, NONE, type Snapshot } from './snapshot';
import { TopK } from './top-k';
import type { Mandate, RankOptions, RankPage } from './types';

function flags(table: Map<string, number>, words: Iterable<string>): { flags: Uint8Array; count: number } {
  const out = new Uint8Array(table.size);
  let count = 0;
  for (const w of words) {
    const id = table.get(w);
    if (id !== undefined && out[id] === 0) {
      out[id] = 1;
      count++;
    }
  }
  return { flags: out, count };
}

export function rankMandate(snapshot: Snapshot, mandate: Mandate, options: RankOptions): RankPage {
  const m = compileMandate(mandate);
  const filters = compileFilters(options.filters);
  const after = cursorKey(options.cursor);
  snapshot.ensureInnovation();

  const stageMask = m.stages;
  const filterStages = filters.stages;
  const instruments = m.instruments;
  const filterInstruments = filters.instruments;
  const tracksAllowed = m.tracks;
  const filterTracks = filters.tracks;
  const excludedTracks = m.excludedTracks;
  const requiredQuals = m.qualifications | filters.qualifications;
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
  const excludedStartups = new Set<number>();
  for (const s of m.excludedStartups) {
    const id = snapshot.startupTable.get(s);
    if (id !== undefined) excludedStartups.add(id);
  }
  const excludedWords = flags(snapshot.keywordTable, m.excludedKeywords);
  const thesis = flags(snapshot.keywordTable, m.thesis);
  const checkWords = excludedWords.count > 0 || m.thesis.length > 0;
  const w = m.weights;

  const { stage, instruments: inst, qualifications: quals, tracks, region, amount, age, rdBp, ipClassI } = snapshot;
  const { staffBp, pledgeable, trl, keywords, startup, early, small, hardTech, innovation, ids } = snapshot;
  const heap = new TopK(options.k, (row) => ids[row]);
  let total = 0;
  let remaining = 0;

  for (let i = 0, n = snapshot.size; i < n; i++) {
    const st = 1 << stage[i];
    if ((stageMask !== 0 && (stageMask & st) === 0) || (filterStages !== 0 && (filterStages & st) === 0)) continue;
    const a = amount[i];
    if (!(a >= ticketMin && a <= ticketMax)) continue; // also rejects NaN (unknown amount)
    const ins = inst[i];
    if (
      (instruments !== 0 && (ins & instruments) === 0) ||
      (filterInstruments !== 0 && (ins & filterInstruments) === 0)
    )
      continue;
    const tr = tracks[i];
    if ((tracksAllowed !== 0 && (tr & tracksAllowed) === 0) || (filterTracks !== 0 && (tr & filterTracks) === 0))
      continue;
    if ((tr & excludedTracks) !== 0) continue;
    if ((quals[i] & requiredQuals) !== requiredQuals) continue;
    if (
      rdBp[i] < minRd ||
      ipClassI[i] < minIp ||
      staffBp[i] < minStaff ||
      trl[i] < minTrl ||
      pledgeable[i] < minPledge
    ) {
      continue; // NONE (-1) is below every minimum ≥ 0: missing data fails, as in constraints.ts
    }
    if (maxAge !== null && !(age[i] <= maxAge)) continue; // unknown age (NaN) fails a set maximum
    const rg = region[i];
    if (regions.length > 0 && (rg < 0 || !regionMatches(rg, regions))) continue;
    if (filterRegions.length > 0 && (rg < 0 || !regionMatches(rg, filterRegions))) continue;
    if (excludedStartups.size > 0 && excludedStartups.has(startup[i])) continue;
    let matched = 0;
    if (checkWords) {
      let excluded = false;
      for (let s = i * MAX_KEYWORDS, end = s + MAX_KEYWORDS; s < end; s++) {
        const k = keywords[s];
        if (k === NONE) break;
        if (excludedWords.flags[k] === 1) excluded = true;
        matched += thesis.flags[k];
      }
      if (excluded) continue;
    }

    const fit = fitValue(
      trackShare(tr, tracksAllowed),
      ticketCentrality(a, ticketMin, ticketMax),
      preferred.length === 0 ? NaN : rg >= 0 && regionMatches(rg, preferred) ? 1 : 0,
      keywordOverlap(matched, m.thesis.length),
    );
    const score = combine(w, early[i], small[i], hardTech[i], innovation[i], fit);
    if (score < filters.minCenti) continue;
    total++;
    if (after && !isAfter(score, ids[i], after)) continue;
    remaining++;
    heap.offer(i, score);
  }

  const top = heap.drain();
  const items = top.map(({ row }) => explainPair(snapshot.features[row], m, snapshot.cohort));
  const last = top[top.length - 1];
  return {
    items,
    total,
    nextCursor: remaining > options.k && last ? { score: last.score / 100, projectId: ids[last.row] } : null,
    snapshotVersion: snapshot.version,
    scoreVersion: SCORE_VERSION,
  };
}
