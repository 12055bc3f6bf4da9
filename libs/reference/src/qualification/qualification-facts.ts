import type { FactBook } from './company-facts';
import { addYears, compareDates } from './iso-date';
import { allOf, anyOf } from './tri-logic';
import type { QualificationFacts, QualificationKind, Tri } from './types';

export interface HeldState {
  held: Tri;
  missing: string[];
  /** Index (in `qualifications`) of a certificate valid on the evaluation date. */
  index?: number;
}

/**
 * Whether a certificate of one of `kinds` is valid on `asOf`. An explicit `validUntil` is the last
 * valid day; without it a fixed-term certificate expires `termYears` after `validFrom`, and a
 * recognition with no term (`termYears` null, e.g. an R&D institution) stays valid.
 */
export function holdsValid(book: FactBook, kinds: readonly QualificationKind[], termYears: number | null): HeldState {
  const states: Tri[] = [];
  const missing: string[] = [];
  let index: number | undefined;
  (book.input.qualifications ?? []).forEach((q, i) => {
    if (!kinds.includes(q.kind)) return;
    const state = validOn(q, book.asOf, termYears);
    if (state === null) missing.push(`qualifications[${i}].validUntil`);
    if (state === true && index === undefined) index = i;
    states.push(state);
  });
  return { held: anyOf(states), missing, index };
}

function validOn(q: QualificationFacts, asOf: string, termYears: number | null): Tri {
  if (q.validFrom && compareDates(asOf, q.validFrom) < 0) return false;
  if (q.validUntil) return compareDates(asOf, q.validUntil) <= 0;
  if (termYears === null) return true;
  if (!q.validFrom) return null;
  return compareDates(asOf, addYears(q.validFrom, termYears)) < 0;
}

/**
 * Whether an event of one of `kinds` (an award, a standard) happened within the last `withinYears`
 * years up to `asOf`. `accept` adds kind-specific rules (award rank, standard scope).
 */
export function hasRecentEvent(
  book: FactBook,
  kinds: readonly QualificationKind[],
  withinYears: number,
  accept: (q: QualificationFacts, i: number, missing: string[]) => Tri = () => true,
): HeldState {
  const since = addYears(book.asOf, -withinYears);
  const states: Tri[] = [];
  const missing: string[] = [];
  let index: number | undefined;
  (book.input.qualifications ?? []).forEach((q, i) => {
    if (!kinds.includes(q.kind)) return;
    const date = q.eventOn ?? q.validFrom;
    const inWindow: Tri = date ? compareDates(date, since) >= 0 && compareDates(date, book.asOf) <= 0 : null;
    const acceptMissing: string[] = [];
    const accepted = accept(q, i, acceptMissing);
    const state = allOf([inWindow, accepted]);
    if (state === null) {
      if (inWindow === null) missing.push(`qualifications[${i}].eventOn`);
      if (accepted === null) missing.push(...acceptMissing);
    }
    if (state === true && index === undefined) index = i;
    states.push(state);
  });
  return { held: anyOf(states), missing, index };
}
