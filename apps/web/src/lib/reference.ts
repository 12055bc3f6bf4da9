import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';

export function useTracks() {
  const { i18n } = useTranslation();
  const q = useQuery({ queryKey: ['reference', 'tracks'], queryFn: () => call(api.GET('/api/v1/reference/tracks')), staleTime: Infinity });
  const en = i18n.language === 'en';
  const options = (q.data ?? []).map((tr) => ({ value: tr.code, label: en ? tr.en : tr.zh }));
  const label = (code: string) => {
    const tr = q.data?.find((x) => x.code === code);
    return tr ? (en ? tr.en : tr.zh) : code;
  };
  return { options, label, loading: q.isPending };
}

export function useIndustries() {
  const { i18n } = useTranslation();
  const q = useQuery({ queryKey: ['reference', 'industries'], queryFn: () => call(api.GET('/api/v1/reference/industries')), staleTime: Infinity });
  return (q.data ?? []).map((x) => ({ value: x.key, label: i18n.language === 'en' ? x.en : x.zh }));
}

export const STAGES = ['idea', 'seed', 'angel', 'pre_a', 'a', 'b', 'c', 'pre_ipo'] as const;
export const INSTRUMENTS = ['equity', 'convertible_grant', 'loan', 'ip_pledge_loan', 'equity_loan_package'] as const;
export const PROJECT_KINDS = ['financing_round', 'tech_transfer', 'challenge_bid'] as const;
export const QUALIFICATION_KINDS = [
  'high_tech_enterprise', 'tech_sme', 'innovative_sme', 'specialized_sme', 'little_giant',
  'national_science_award', 'provincial_science_award', 'provincial_rd_institution', 'standard_setting',
] as const;
export const DEAL_STAGES = ['new', 'shortlisted', 'contacted', 'meeting', 'due_diligence', 'term_sheet', 'signed', 'disbursed', 'passed'] as const;
export const PASS_REASONS = [
  'off_thesis_stage', 'off_thesis_track', 'off_thesis_ticket', 'off_thesis_region', 'team', 'traction', 'valuation', 'too_early', 'competition', 'other',
] as const;
export const CRITERIA = ['early', 'small', 'hardTech', 'innovation', 'fit'] as const;

/** Options for a Select from an enum list and an i18n namespace: `options(t, 'stage', STAGES)`. */
export function enumOptions(t: (k: string) => string, ns: string, values: readonly string[]) {
  return values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
}
