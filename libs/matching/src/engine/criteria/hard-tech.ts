/**
 * 投硬科技: the 科技型中小企业 score (30 %), R&D intensity (25 %, full at 6 % — the rubric's top band),
 * Ⅰ类 IP (20 %, full at 5 items), tech-staff share (10 %, full at 30 %) and a 新质生产力 track (15 %).
 * A missing figure earns 0 for its part: hard tech is shown, not assumed.
 */
import { show, type DisplayMode, type Text } from '../format';
import { NQP_MASK, round4, trackBit, trackLabel } from '../reference';
import type { InputValue, ProjectFeatures, TechSmeVerdict } from '../types';

const W_TECH_SME = 0.3;
const W_RD = 0.25;
const W_IP = 0.2;
const W_STAFF = 0.1;
const W_NQP = 0.15;
const RD_FULL_BP = 600;
const IP_FULL = 5;
const STAFF_FULL_BP = 3000;

export function hardTechValue(
  techSmePoints: number | null,
  verdict: TechSmeVerdict,
  rdBp: number | null,
  ipI: number | null,
  staffBp: number | null,
  tracks: number,
): number {
  // A direct-route pass (高新技术企业 certificate …) has no points but is the strongest evidence.
  const techSme = techSmePoints !== null ? Math.min(techSmePoints, 100) / 100 : verdict === 'pass' ? 1 : 0;
  const rd = rdBp === null ? 0 : Math.min(Math.max(rdBp, 0) / RD_FULL_BP, 1);
  const ip = ipI === null ? 0 : Math.min(ipI / IP_FULL, 1);
  const staff = staffBp === null ? 0 : Math.min(staffBp / STAFF_FULL_BP, 1);
  const nqp = (tracks & NQP_MASK) !== 0 ? 1 : 0;
  return round4(W_TECH_SME * techSme + W_RD * rd + W_IP * ip + W_STAFF * staff + W_NQP * nqp);
}

export function hardTechInputs(f: ProjectFeatures): Record<string, InputValue> {
  return {
    techSmeVerdict: f.techSmeVerdict,
    techSmePoints: f.techSmePoints,
    rdIntensityBp: f.rdIntensityBp,
    ipClassI: f.ipClassI,
    techStaffShareBp: f.techStaffShareBp,
    nqpTracks: f.tracks.filter((t) => (trackBit(t) & NQP_MASK) !== 0),
  };
}

const VERDICT: Record<TechSmeVerdict, Text> = {
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  unknown: { zh: '待定', en: 'unknown' },
};

export function renderHardTech(inputs: Record<string, InputValue>, value: number, mode: DisplayMode): Text {
  const verdict = VERDICT[inputs.techSmeVerdict as TechSmeVerdict];
  const points = show('techSmePoints', inputs.techSmePoints, mode);
  const rd = show('rdIntensityBp', inputs.rdIntensityBp, mode);
  const ip = show('ipClassI', inputs.ipClassI, mode);
  const staff = show('techStaffShareBp', inputs.techStaffShareBp, mode);
  const nqp = (inputs.nqpTracks as readonly string[]).map(trackLabel);
  const nqpZh = nqp.length ? nqp.map((t) => t.zh).join('、') : '无';
  const nqpEn = nqp.length ? nqp.map((t) => t.en).join(', ') : 'none';
  return {
    zh: `投硬科技 ${value}：科技型中小企业${verdict.zh}（${points.zh}），研发强度 ${rd.zh}，Ⅰ类知识产权 ${ip.zh}，科技人员占比 ${staff.zh}，新质生产力赛道 ${nqpZh}（权重 30/25/20/10/15%，缺失项计 0）`,
    en: `Hard tech ${value}: tech-SME ${verdict.en} (${points.en}), R&D intensity ${rd.en}, class-Ⅰ IP ${ip.en}, tech-staff share ${staff.en}, new-quality-productivity track ${nqpEn} (weights 30/25/20/10/15 %, missing parts count 0)`,
  };
}
