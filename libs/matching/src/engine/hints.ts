/**
 * Distance-to-threshold hints: how far a failed mandate minimum is ("R&D intensity 4.37 %: +0.63 pp
 * reaches the mandate's 5 %") and the next 科技型中小企业 band from the qualification engine. Texts render
 * through `format.ts`, so the redacted view re-renders them without the project's own figures.
 */
import { fmtBp, fmtNum, isConfidential, show, type DisplayMode, type Text } from './format';
import type { ConstraintReason, Hint, ProjectFeatures } from './types';

const NUMERIC: Partial<Record<ConstraintReason['code'], { unit: Hint['unit']; zh: string; en: string }>> = {
  MIN_RD_INTENSITY: { unit: 'bp', zh: '研发强度', en: 'R&D intensity' },
  MIN_CLASS_I_IP: { unit: 'count', zh: 'Ⅰ类知识产权', en: 'class-Ⅰ IP' },
  MIN_TECH_STAFF_SHARE: { unit: 'bp', zh: '科技人员占比', en: 'tech-staff share' },
  MIN_TRL: { unit: 'trl', zh: '技术成熟度', en: 'TRL' },
  MIN_PLEDGEABLE_PATENTS: { unit: 'count', zh: '可质押有效发明专利', en: 'pledgeable valid invention patents' },
};

/** 科技型中小企业 indicator keys → the feature each one reads (for confidentiality). */
const TECH_SME_INPUTS: Record<string, string> = {
  techStaffShare: 'techStaffShareBp',
  rdIntensity: 'rdIntensityBp',
  ip: 'ipClassI',
};

function delta(unit: Hint['unit'], d: number): Text {
  if (unit === 'bp') return { zh: `${fmtBp(d)} 个百分点`, en: `${fmtBp(d)} pp` };
  if (unit === 'percent') return { zh: `${fmtNum(d)} 个百分点`, en: `${fmtNum(d)} pp` };
  return { zh: fmtNum(d), en: fmtNum(d) };
}

function threshold(unit: Hint['unit'], t: number): string {
  return unit === 'bp' ? `${fmtBp(t)} %` : unit === 'percent' ? `${fmtNum(t)} %` : fmtNum(t);
}

export function hintText(h: Omit<Hint, 'zh' | 'en'>, mode: DisplayMode): Text {
  const t = threshold(h.unit, h.threshold);
  // Percent-unit hints come from the qualification engine; band them on the bp scale of the feature.
  const currentForShow = h.current === null ? null : h.unit === 'percent' ? Math.round(h.current * 100) : h.current;
  const cur = show(h.input, currentForShow, mode);
  const banded = mode === 'banded' && isConfidential(h.input);
  if (h.code.startsWith('TECH_SME_')) {
    const name =
      h.code === 'TECH_SME_RD_INTENSITY'
        ? ['研发强度', 'R&D intensity']
        : h.code === 'TECH_SME_TECH_STAFF'
          ? ['科技人员占比', 'tech-staff share']
          : ['知识产权', 'IP'];
    const gain = h.pointsGained ?? 0;
    if (banded || h.delta === null) {
      return {
        zh: `科技型中小企业·${name[0]} ${cur.zh}：下一档 ${t}，+${gain} 分`,
        en: `Tech-SME ${name[1]} ${cur.en}: next band ${t}, +${gain} points`,
      };
    }
    const d = delta(h.unit, h.delta);
    return {
      zh: `科技型中小企业·${name[0]} ${cur.zh}：再提高 ${d.zh} 达到 ${t} 档，+${gain} 分`,
      en: `Tech-SME ${name[1]} ${cur.en}: +${d.en} reaches the ${t} band, +${gain} points`,
    };
  }
  const spec = NUMERIC[h.code as ConstraintReason['code']];
  const label = spec ? [spec.zh, spec.en] : [h.input, h.input];
  if (banded || h.delta === null) {
    return {
      zh: `${label[0]} ${cur.zh}：未达到该机构要求的 ${t}`,
      en: `${label[1]} ${cur.en}: below the mandate minimum ${t}`,
    };
  }
  const d = delta(h.unit, h.delta);
  return {
    zh: `${label[0]} ${cur.zh}：再提高 ${d.zh} 即达到该机构要求的 ${t}`,
    en: `${label[1]} ${cur.en}: +${d.en} reaches the mandate minimum ${t}`,
  };
}

function hint(h: Omit<Hint, 'zh' | 'en'>): Hint {
  return { ...h, ...hintText(h, 'raw') };
}

export function buildHints(f: ProjectFeatures, reasons: readonly ConstraintReason[]): Hint[] {
  const out: Hint[] = [];
  for (const r of reasons) {
    const spec = NUMERIC[r.code];
    if (!spec || r.kind !== 'violated' || typeof r.actual !== 'number' || typeof r.expected !== 'number') continue;
    out.push(
      hint({
        code: r.code,
        input: r.input,
        current: r.actual,
        threshold: r.expected,
        unit: spec.unit,
        delta: r.expected - r.actual,
      }),
    );
  }
  for (const b of f.techSmeNextBands) {
    const input = TECH_SME_INPUTS[b.indicator] ?? b.indicator;
    const code =
      b.indicator === 'rdIntensity'
        ? 'TECH_SME_RD_INTENSITY'
        : b.indicator === 'techStaffShare'
          ? 'TECH_SME_TECH_STAFF'
          : 'TECH_SME_IP';
    out.push(
      hint({
        code,
        input,
        current: Math.round((b.threshold - b.delta) * 10_000) / 10_000,
        threshold: b.threshold,
        unit: b.unit === 'percent' ? 'percent' : 'count',
        delta: b.delta,
        pointsGained: b.pointsGained,
      }),
    );
  }
  return out;
}
