/** Stage order matters: earlier is "more 投早". */
export const STAGES = ['idea', 'seed', 'angel', 'pre_a', 'a', 'b', 'c', 'pre_ipo'] as const;
export type Stage = (typeof STAGES)[number];

export const PROJECT_KINDS = ['financing_round', 'tech_transfer', 'challenge_bid'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** equity · 先投后股 (grant converting at the next round) · loan · IP-pledge loan · 投贷联动 package. */
export const INSTRUMENTS = ['equity', 'convertible_grant', 'loan', 'ip_pledge_loan', 'equity_loan_package'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const PROJECT_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PITCH_SECTIONS = [
  'problem',
  'product',
  'technology',
  'team',
  'traction',
  'market',
  'competition',
] as const;
export type PitchSection = (typeof PITCH_SECTIONS)[number];
export type PitchProfile = Partial<Record<PitchSection, string>>;

export const IP_TYPES = [
  'invention_patent',
  'utility_model',
  'design',
  'software_copyright',
  'new_plant_variety',
  'ic_layout',
  'national_new_drug',
  'protected_tcm_1',
  'trademark',
] as const;
export type IpType = (typeof IP_TYPES)[number];

export const IP_STATUSES = ['valid', 'expired', 'pledged'] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const QUALIFICATION_KINDS = [
  'high_tech_enterprise',
  'tech_sme',
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'national_science_award',
  'provincial_science_award',
  'provincial_rd_institution',
  'standard_setting',
] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
