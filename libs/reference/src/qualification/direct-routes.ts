import type { FactBook } from './company-facts';
import { sumFigure, summedFigureName, trailingYears } from './company-facts';
import { moneyPhrase } from './format';
import { hasRecentEvent, holdsValid, type HeldState } from './qualification-facts';
import { amountCondition, type ConditionDraft, factCondition } from './result-builders';
import type { QualificationKind, Tri } from './types';

/**
 * Direct routes (直接认定 / 直接确认): facts that replace a rubric's score — a certificate held, an
 * award, a recognised R&D institution, a standard led, equity raised.
 */

function heldDetail(book: FactBook, state: HeldState, held: string, heldEn: string): { zh: string; en: string } {
  if (state.held === true && state.index !== undefined) {
    const number = book.input.qualifications?.[state.index]?.certificateNumber;
    return number ? { zh: `${held}（${number}）`, en: `${heldEn} (${number})` } : { zh: held, en: heldEn };
  }
  if (state.held === false)
    return { zh: '无有效记录（未持有或已过期）', en: 'none on record that is valid on the evaluation date' };
  return { zh: '有效期不明', en: 'validity unknown' };
}

export function certificateRoute(
  book: FactBook,
  spec: { key: string; label: string; labelEn: string; kinds: readonly QualificationKind[]; termYears: number | null },
): ConditionDraft {
  const state = holdsValid(book, spec.kinds, spec.termYears);
  return factCondition({
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    met: state.held,
    requirement: { zh: `评价日 ${book.asOf} 在有效期内`, en: `valid on ${book.asOf}` },
    detail: heldDetail(book, state, '持有有效证书', 'valid certificate held'),
    missingInputs: state.missing,
  });
}

export function awardRoute(
  book: FactBook,
  spec: {
    key: string;
    label: string;
    labelEn: string;
    kinds: readonly QualificationKind[];
    withinYears: number;
    /** Only awards where the company ranks at most this among the winning units count; null: any rank. */
    maxRank: number | null;
  },
): ConditionDraft {
  const state = hasRecentEvent(book, spec.kinds, spec.withinYears, (q, i, missing): Tri => {
    if (spec.maxRank === null) return true;
    if (q.rankAmongUnits === undefined || q.rankAmongUnits === null) {
      missing.push(`qualifications[${i}].rankAmongUnits`);
      return null;
    }
    return q.rankAmongUnits <= spec.maxRank;
  });
  const rank = spec.maxRank === null ? '' : `，获奖单位排名前 ${spec.maxRank}`;
  const rankEn = spec.maxRank === null ? '' : `, ranked top ${spec.maxRank} among winning units`;
  return factCondition({
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    met: state.held,
    requirement: {
      zh: `近 ${spec.withinYears} 年内获奖${rank}`,
      en: `awarded within ${spec.withinYears} years${rankEn}`,
    },
    detail: heldDetail(book, state, '有符合条件的获奖记录', 'qualifying award on record'),
    missingInputs: state.missing,
  });
}

export function standardRoute(
  book: FactBook,
  spec: { key: string; label: string; labelEn: string; withinYears: number; scopes: readonly string[] },
): ConditionDraft {
  // The kind itself records a led national/industry standard; a stated local or group scope does not count.
  const state = hasRecentEvent(book, ['standard_setting'], spec.withinYears, (q) =>
    q.standardScope ? spec.scopes.includes(q.standardScope) : true,
  );
  return factCondition({
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    met: state.held,
    requirement: {
      zh: `近 ${spec.withinYears} 年内主导制定国际、国家或行业标准`,
      en: `led an international, national or industry standard within ${spec.withinYears} years`,
    },
    detail: heldDetail(book, state, '有符合条件的标准', 'qualifying standard on record'),
    missingInputs: state.missing,
  });
}

/** New equity raised over the last `years` fiscal years reaches `minAmount`. */
export function equityRaisedCondition(
  book: FactBook,
  spec: { key: string; label: string; labelEn: string; years: number; minAmount: number },
): ConditionDraft {
  const years = trailingYears(book, spec.years);
  const { total, missing } = sumFigure(book, years, 'newEquityRaised');
  const draft = amountCondition({
    key: spec.key,
    label: spec.label,
    labelEn: spec.labelEn,
    value: total,
    valueName: summedFigureName(years, 'newEquityRaised'),
    threshold: spec.minAmount,
    comparison: 'atLeast',
    unit: 'fen',
    format: moneyPhrase,
  });
  return total === null ? { ...draft, missingInputs: missing } : draft;
}
