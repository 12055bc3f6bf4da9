import type {
  Instrument,
  IpStatus,
  IpType,
  PitchProfile,
  ProjectKind,
  ProjectStatus,
  QualificationKind,
  Stage,
} from '@app/reference';

/**
 * Plain rows the generator produces and the writers insert. Money is integer 分, dates are ISO
 * `YYYY-MM-DD`, timestamps ISO strings; nothing here touches a database.
 */
export interface DemoFiscalYear {
  year: number;
  headcount: number | null;
  techStaff: number | null;
  rdStaff: number | null;
  revenue: number | null;
  mainBusinessRevenue: number | null;
  highTechRevenue: number | null;
  totalCosts: number | null;
  rdSpend: number | null;
  rdSpendInChina: number | null;
  totalAssets: number | null;
  liabilities: number | null;
  newEquityRaised: number | null;
}

export interface DemoIpItem {
  type: IpType;
  number: string;
  title: string | null;
  status: IpStatus;
  tiedToMainProduct: boolean;
  grantedOn: string | null;
}

export interface DemoQualification {
  kind: QualificationKind;
  certificateNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

export interface DemoStartup {
  id: string;
  /** Key of the owning organization: a DEMO_ORGANIZATIONS key, or whatever the caller maps it to. */
  ownerKey: string;
  legalName: string;
  creditCode: string;
  foundedOn: string;
  regionCode: string;
  industry: string;
  tracks: string[];
  universitySpinOut: boolean;
  fromPocCenter: boolean;
  priorRounds: number | null;
  yearsInNiche: number | null;
  website: string | null;
  oneLiner: string | null;
  createdAt: string;
  fiscalYears: DemoFiscalYear[];
  ipItems: DemoIpItem[];
  qualifications: DemoQualification[];
}

export interface DemoProject {
  id: string;
  startupId: string;
  title: string;
  kind: ProjectKind;
  stage: Stage;
  amountSought: number | null;
  instruments: Instrument[];
  useOfFunds: string | null;
  pitch: PitchProfile;
  keywords: string[];
  trl: number | null;
  status: ProjectStatus;
  createdAt: string;
  publishedAt: string | null;
  archivedAt: string | null;
}

/** One company with the projects it raises for: the unit the writers insert (and skip) as a whole. */
export interface DemoCompany {
  startup: DemoStartup;
  projects: DemoProject[];
}
