/**
 * Constraints, explained: every failed constraint of a pair is listed (not just the first), each with
 * its code, the values compared, its mode (hard: excludes; soft: a penalty, `soft.ts`) and a zh/en
 * sentence. Missing data fails with `kind: 'data_missing'` — excluding under a legacy all-hard mandate,
 * a penalty under one with soft constraints — and the founder's fix is "provide the figure".
 *
 * The columnar scan (`rank.ts`) applies the same rules as bit and integer tests; the tests hold the two
 * to the same survivors.
 */
import { fmtWan, fmtYuanM, show, type DisplayMode, type Text } from './format';
import type { CompiledMandate } from './mandate';
import {
  instrumentMask,
  qualificationMask,
  regionInt,
  regionMatches,
  stageIndex,
  trackBit,
  trackLabel,
  trackMask,
  uniqueKeywords,
} from './reference';
import { QUALIFICATION_KINDS } from '@app/reference';
import { STAGE_LABELS } from './criteria/early';
import {
  EXCLUDE,
  instrumentPenaltyBp,
  minimumPenaltyBp,
  qualificationPenaltyBp,
  regionBeyond,
  regionPenaltyBp,
  stageBeyond,
  stagePenaltyBp,
  ticketDistance,
  ticketPenaltyBp,
  trackBeyond,
  trackPenaltyBp,
} from './soft';
import type { ConstraintCode, ConstraintReason, InputValue, ProjectFeatures, Stage } from './types';

const LABELS: Record<ConstraintCode, Text> = {
  STAGE: { zh: '融资阶段', en: 'stage' },
  TICKET: { zh: '融资金额', en: 'amount sought' },
  INSTRUMENT: { zh: '资金工具', en: 'instrument' },
  REGION: { zh: '地区', en: 'region' },
  TRACK: { zh: '赛道', en: 'track' },
  QUALIFICATION: { zh: '资质', en: 'qualifications' },
  MIN_RD_INTENSITY: { zh: '研发强度', en: 'R&D intensity' },
  MIN_CLASS_I_IP: { zh: 'Ⅰ类知识产权', en: 'class-Ⅰ IP' },
  MIN_TECH_STAFF_SHARE: { zh: '科技人员占比', en: 'tech-staff share' },
  MIN_TRL: { zh: '技术成熟度', en: 'TRL' },
  MIN_PLEDGEABLE_PATENTS: { zh: '可质押有效发明专利', en: 'pledgeable valid invention patents' },
  MIN_INNOVATION_SCORE: { zh: '创新积分（估算）', en: 'innovation points (estimate)' },
  MAX_COMPANY_AGE: { zh: '成立年限', en: 'company age' },
  EXCLUDED_TRACK: { zh: '排除赛道', en: 'excluded track' },
  EXCLUDED_KEYWORD: { zh: '排除关键词', en: 'excluded keyword' },
  EXCLUDED_STARTUP: { zh: '排除企业', en: 'excluded company' },
};

const INSTRUMENT_LABELS: Record<string, Text> = {
  equity: { zh: '股权投资', en: 'equity' },
  convertible_grant: { zh: '先投后股', en: 'convertible grant (先投后股)' },
  loan: { zh: '贷款', en: 'loan' },
  ip_pledge_loan: { zh: '知识产权质押贷款', en: 'IP-pledge loan' },
  equity_loan_package: { zh: '投贷联动', en: 'equity + loan package (投贷联动)' },
};

const QUALIFICATION_LABELS: Record<string, Text> = {
  high_tech_enterprise: { zh: '高新技术企业', en: 'high-tech enterprise' },
  tech_sme: { zh: '科技型中小企业', en: 'tech-based SME' },
  innovative_sme: { zh: '创新型中小企业', en: 'innovative SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'specialised SME (专精特新)' },
  little_giant: { zh: '专精特新“小巨人”', en: '“little giant”' },
  national_science_award: { zh: '国家级科技奖励', en: 'national science award' },
  provincial_science_award: { zh: '省级科技奖励', en: 'provincial science award' },
  provincial_rd_institution: { zh: '省级研发机构', en: 'provincial R&D institution' },
  standard_setting: { zh: '主导制定标准', en: 'standard setting' },
};

/** Codes in a reason's values, in words: stages, instruments and tracks by their labels. */
function label(input: string, code: string): Text {
  if (input === 'stage') return STAGE_LABELS[code as Stage] ?? { zh: code, en: code };
  if (input === 'instruments') return INSTRUMENT_LABELS[code] ?? { zh: code, en: code };
  if (input === 'tracks') return trackLabel(code);
  if (input === 'qualifications') return QUALIFICATION_LABELS[code] ?? { zh: code, en: code };
  return { zh: code, en: code };
}

const list = (v: InputValue, input = ''): Text => {
  const items = (Array.isArray(v) ? v : [v]).map((x) => label(input, String(x)));
  if (items.length === 0) return { zh: '无', en: 'none' };
  return { zh: items.map((t) => t.zh).join('、'), en: items.map((t) => t.en).join(', ') };
};

/** Amounts in 分 as people read them: 1910万元 / ¥19.1 m. */
const money = (fen: number): Text => ({ zh: `${fmtWan(fen)}万元`, en: `¥${fmtYuanM(fen)} m` });

/** The ticket range, kept in the reason as `min–max` in 分 (data), rendered in money. */
function ticketRange(expected: InputValue): Text {
  const [min, max] = String(expected).split('–').map(Number);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return list(expected);
  return { zh: `${money(min).zh}–${money(max).zh}`, en: `${money(min).en}–${money(max).en}` };
}

/** "−12 %" as a sentence suffix of a soft reason. */
function penaltySuffix(r: Pick<ConstraintReason, 'mode' | 'penalty' | 'historyShare'>): Text {
  if (r.mode !== 'soft') return { zh: '', en: '' };
  const pct = Math.round(r.penalty * 1_000) / 10;
  if (r.historyShare !== undefined) {
    const share = Math.round(r.historyShare * 100);
    return {
      zh: `（软约束：评分 −${pct}%；你过去 ${share}% 的投资在此，罚分相应减轻）`,
      en: ` (soft: score −${pct} %; ${share} % of your past investments are here, so the penalty is reduced by as much)`,
    };
  }
  return { zh: `（软约束：评分 −${pct}%）`, en: ` (soft: score −${pct} %)` };
}

/** The sentence for a reason; the mandate's own thresholds are always shown, the project's figure per `mode`. */
export function reasonText(r: Omit<ConstraintReason, 'zh' | 'en'>, mode: DisplayMode): Text {
  const t = baseText(r, mode);
  const s = penaltySuffix(r);
  return { zh: t.zh + s.zh, en: t.en + s.en };
}

function baseText(r: Omit<ConstraintReason, 'zh' | 'en'>, mode: DisplayMode): Text {
  const name = LABELS[r.code];
  if (r.code === 'TICKET') {
    // The amount sought is public (it is on the project), so both modes show it.
    const range = ticketRange(r.expected);
    if (r.kind === 'data_missing' || typeof r.actual !== 'number') {
      return {
        zh: `${name.zh}：项目未填写，无法确认是否在 ${range.zh} 之内`,
        en: `${name.en}: not given, cannot confirm it is within ${range.en}`,
      };
    }
    const amount = money(r.actual);
    const [min, max] = String(r.expected).split('–').map(Number);
    if (r.mode === 'soft' && Number.isFinite(min) && Number.isFinite(max)) {
      const pct = Math.round(ticketDistance(r.actual, min, max) * 100);
      if (r.actual > max) {
        return {
          zh: `融资需求 ${amount.zh}，高于投资上限 ${money(max).zh} ${pct}%`,
          en: `asks ${amount.en}, ${pct} % above your ${money(max).en} ceiling`,
        };
      }
      return {
        zh: `融资需求 ${amount.zh}，低于投资下限 ${money(min).zh} ${pct}%`,
        en: `asks ${amount.en}, ${pct} % below your ${money(min).en} floor`,
      };
    }
    return {
      zh: `${name.zh} ${amount.zh} 不在投资区间 ${range.zh} 之内`,
      en: `${name.en} ${amount.en} is outside the ticket range ${range.en}`,
    };
  }
  if (r.kind === 'data_missing') {
    return {
      zh: `${name.zh}：缺少数据（${r.input}），无法确认满足要求 ${list(r.expected, r.input).zh}`,
      en: `${name.en}: data missing (${r.input}), cannot confirm the requirement ${list(r.expected, r.input).en}`,
    };
  }
  const actual = typeof r.actual === 'number' ? show(r.input, r.actual, mode) : list(r.actual, r.input);
  const expected = typeof r.expected === 'number' ? show(r.input, r.expected, 'raw') : list(r.expected, r.input);
  if (r.code.startsWith('MIN_')) {
    return {
      zh: `${name.zh} ${actual.zh}，低于要求的 ${expected.zh}`,
      en: `${name.en} ${actual.en} is below the required ${expected.en}`,
    };
  }
  if (r.code === 'MAX_COMPANY_AGE') {
    return {
      zh: `成立 ${actual.zh} 年，超过上限 ${expected.zh} 年`,
      en: `company is ${actual.en} years old, above the ${expected.en}-year limit`,
    };
  }
  if (r.code.startsWith('EXCLUDED_')) {
    return { zh: `${name.zh}：${actual.zh}`, en: `${name.en}: ${actual.en}` };
  }
  return {
    zh: `${name.zh} ${actual.zh} 不在要求范围内（${expected.zh}）`,
    en: `${name.en} ${actual.en} is outside what the mandate allows (${expected.en})`,
  };
}

/** A reason acting as hard (`penaltyBp = EXCLUDE`) or soft (a penalty in basis points). */
function reason(
  code: ConstraintCode,
  kind: ConstraintReason['kind'],
  input: string,
  expected: InputValue,
  actual: InputValue,
  penaltyBp: number = EXCLUDE,
  historyShare = 0,
): ConstraintReason {
  const r = {
    code,
    kind,
    mode: penaltyBp === EXCLUDE ? ('hard' as const) : ('soft' as const),
    penalty: penaltyBp === EXCLUDE ? 0 : penaltyBp / 10_000,
    ...(penaltyBp !== EXCLUDE && historyShare > 0 ? { historyShare } : {}),
    input,
    expected,
    actual,
  };
  return { ...r, ...reasonText(r, 'raw') };
}

/** Does any reason exclude the pair? */
export const excludes = (reasons: readonly ConstraintReason[]) => reasons.some((r) => r.mode === 'hard');

/** The summed soft penalty of a pair's reasons, integer basis points (uncapped; `keepOf` caps). */
export function penaltyBpOf(reasons: readonly ConstraintReason[]): number {
  let bp = 0;
  for (const r of reasons) bp += Math.round(r.penalty * 10_000);
  return bp;
}

function minimum(
  out: ConstraintReason[],
  m: CompiledMandate,
  code: ConstraintCode,
  input: string,
  min: number | null | undefined,
  actual: number | null,
): void {
  if (min === null || min === undefined) return;
  const soft = m.soft.modes.hardTechMinimums === 'soft';
  if (actual === null) out.push(reason(code, 'data_missing', input, min, null, m.soft.missingBp));
  else if (actual < min) out.push(reason(code, 'violated', input, min, actual, minimumPenaltyBp(actual, min, soft)));
}

export function evaluateConstraints(f: ProjectFeatures, m: CompiledMandate): ConstraintReason[] {
  const out: ConstraintReason[] = [];
  const md = m.mandate;
  const { modes, missingBp } = m.soft;
  if (m.stages !== 0 && ((m.stages >>> stageIndex(f.stage)) & 1) === 0) {
    const share = stageBeyond(m.soft.beyond, stageIndex(f.stage));
    const bp = stagePenaltyBp(stageIndex(f.stage), m.stages, modes.stage === 'soft', share);
    out.push(reason('STAGE', 'violated', 'stage', md.stages, f.stage, bp, share));
  }
  const ticket = () => `${md.ticketMin}–${md.ticketMax}`;
  if (f.amountSought === null) {
    out.push(reason('TICKET', 'data_missing', 'amountSought', ticket(), null, missingBp));
  } else if (f.amountSought < md.ticketMin || f.amountSought > md.ticketMax) {
    const bp = ticketPenaltyBp(
      f.amountSought,
      md.ticketMin,
      md.ticketMax,
      modes.ticket === 'soft',
      m.soft.ticketTolerancePct,
    );
    out.push(reason('TICKET', 'violated', 'amountSought', ticket(), f.amountSought, bp));
  }
  if (m.instruments !== 0) {
    if (f.instruments.length === 0) {
      out.push(reason('INSTRUMENT', 'data_missing', 'instruments', md.instruments, null, missingBp));
    } else if ((instrumentMask(f.instruments) & m.instruments) === 0) {
      const bp = instrumentPenaltyBp(modes.instrument === 'soft');
      out.push(reason('INSTRUMENT', 'violated', 'instruments', md.instruments, f.instruments, bp));
    }
  }
  if (m.regions.length > 0) {
    if (f.regionCode === null) out.push(reason('REGION', 'data_missing', 'regionCode', md.regions, null, missingBp));
    else if (!regionMatches(regionInt(f.regionCode), m.regions)) {
      const share = regionBeyond(m.soft.beyond, regionInt(f.regionCode));
      const bp = regionPenaltyBp(regionInt(f.regionCode), m.provinces, modes.region === 'soft', share);
      out.push(reason('REGION', 'violated', 'regionCode', md.regions, f.regionCode, bp, share));
    }
  }
  const tracks = trackMask(f.tracks);
  if (m.tracks !== 0) {
    if (f.tracks.length === 0) out.push(reason('TRACK', 'data_missing', 'tracks', md.tracks, null, missingBp));
    else if ((tracks & m.tracks) === 0) {
      const share = trackBeyond(m.soft.beyond, tracks);
      const bp = trackPenaltyBp(modes.track === 'soft', share);
      out.push(reason('TRACK', 'violated', 'tracks', md.tracks, f.tracks, bp, share));
    }
  }
  const lacking = m.qualifications & ~qualificationMask(f.qualifications);
  if (lacking !== 0) {
    const missing = QUALIFICATION_KINDS.filter((_, i) => ((lacking >>> i) & 1) === 1);
    const bp = qualificationPenaltyBp(lacking, modes.qualifications === 'soft');
    out.push(reason('QUALIFICATION', 'violated', 'qualifications', missing, f.qualifications, bp));
  }
  minimum(out, m, 'MIN_RD_INTENSITY', 'rdIntensityBp', md.minRdIntensityBp, f.rdIntensityBp);
  minimum(out, m, 'MIN_CLASS_I_IP', 'ipClassI', md.minClassIIp, f.ipClassI);
  minimum(out, m, 'MIN_TECH_STAFF_SHARE', 'techStaffShareBp', md.minTechStaffShareBp, f.techStaffShareBp);
  minimum(out, m, 'MIN_TRL', 'trl', md.minTrl, f.trl);
  minimum(
    out,
    m,
    'MIN_PLEDGEABLE_PATENTS',
    'pledgeableInventionPatents',
    md.minPledgeableInventionPatents,
    f.pledgeableInventionPatents,
  );
  if (md.maxCompanyAgeYears !== null && md.maxCompanyAgeYears !== undefined) {
    if (f.companyAgeYears === null) {
      out.push(reason('MAX_COMPANY_AGE', 'data_missing', 'companyAgeYears', md.maxCompanyAgeYears, null, missingBp));
    } else if (f.companyAgeYears > md.maxCompanyAgeYears) {
      out.push(reason('MAX_COMPANY_AGE', 'violated', 'companyAgeYears', md.maxCompanyAgeYears, f.companyAgeYears));
    }
  }
  if ((tracks & m.excludedTracks) !== 0) {
    const hit = f.tracks.filter((t) => (trackBit(t) & m.excludedTracks) !== 0);
    out.push(reason('EXCLUDED_TRACK', 'violated', 'tracks', md.exclusions?.tracks ?? [], hit));
  }
  if (m.excludedKeywords.size > 0) {
    const hit = uniqueKeywords(f.keywords).filter((k) => m.excludedKeywords.has(k));
    if (hit.length > 0) out.push(reason('EXCLUDED_KEYWORD', 'violated', 'keywords', [...m.excludedKeywords], hit));
  }
  if (m.excludedStartups.has(f.startupId)) {
    out.push(reason('EXCLUDED_STARTUP', 'violated', 'startupId', [], f.startupId));
  }
  return out;
}

/**
 * The one cohort-dependent constraint (innovation-points loans): the innovation criterion, as the
 * 0–100 estimate, at least the mandate's minimum. `innovation` is the exact value the score uses, so
 * the scan, the naive ranking and the explanation decide alike.
 */
export function belowInnovationMinimum(innovation: number, minimum: number | null | undefined): boolean {
  return minimum !== null && minimum !== undefined && innovation * 100 < minimum;
}

export function innovationReason(innovation: number, minimum: number): ConstraintReason {
  const r = {
    code: 'MIN_INNOVATION_SCORE' as const,
    kind: 'violated' as const,
    mode: 'hard' as const,
    penalty: 0,
    input: 'innovationScore',
    expected: minimum,
    actual: Math.round(innovation * 10_000) / 100,
  };
  return { ...r, ...reasonText(r, 'raw') };
}
