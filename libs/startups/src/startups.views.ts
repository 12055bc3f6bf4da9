import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FiscalYearEntity } from './entities/fiscal-year.entity';
import type { IpItemEntity } from './entities/ip-item.entity';
import type { ProjectEntity } from './entities/project.entity';
import type { QualificationHeldEntity } from './entities/qualification-held.entity';
import type { StartupEntity } from './entities/startup.entity';
import { INSTRUMENTS, IP_STATUSES, IP_TYPES, PROJECT_KINDS, PROJECT_STATUSES, QUALIFICATION_KINDS, STAGES } from '@app/reference';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Class Ⅰ IP (invention patents and their peers) versus class Ⅱ (utility models, designs, software copyrights). */
export function ipClass(type: string): 'I' | 'II' | null {
  if (['invention_patent', 'new_plant_variety', 'ic_layout', 'national_new_drug', 'protected_tcm_1'].includes(type)) return 'I';
  if (['utility_model', 'design', 'software_copyright'].includes(type)) return 'II';
  return null;
}

export class StartupView {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() legalName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) creditCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) foundedOn: string | null;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) industry: string | null;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty() universitySpinOut: boolean;
  @ApiProperty() fromPocCenter: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) priorRounds: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) yearsInNiche: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) oneLiner: string | null;
  @ApiProperty({ description: 'Whether you may read this company’s confidential data (figures, IP detail, deck).' })
  confidentialAccess: boolean;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class FiscalYearView {
  @ApiProperty() year: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) headcount: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) techStaff: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) rdStaff: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '分' }) revenue: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) mainBusinessRevenue: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) highTechRevenue: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalCosts: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) rdSpend: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) rdSpendInChina: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalAssets: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) liabilities: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) newEquityRaised: number | null;
  @ApiProperty() updatedAt: string;
}

export class IpItemView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IP_TYPES }) type: string;
  @ApiProperty({ enum: ['I', 'II'], nullable: true, description: 'Ⅰ类 / Ⅱ类, derived from the type.' }) ipClass: 'I' | 'II' | null;
  @ApiProperty() number: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: IP_STATUSES }) status: string;
  @ApiProperty() tiedToMainProduct: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) grantedOn: string | null;
}

export class QualificationHeldView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUALIFICATION_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) certificateNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) validFrom: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) validUntil: string | null;
}

export class DeckInfoView {
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;
}

export class ProjectView {
  @ApiProperty() id: string;
  @ApiProperty() startupId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_KINDS }) kind: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '分' }) amountSought: number | null;
  @ApiProperty({ enum: INSTRUMENTS, isArray: true }) instruments: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) useOfFunds: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) pitch: Record<string, string>;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) trl: number | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'Whether a deck is uploaded (everyone who may read the project sees this).' })
  hasDeck: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: DeckInfoView,
    description:
      'The deck’s file name, size and hash: confidential like the file, so null unless a deck is uploaded and you may read the company’s confidential data.',
  })
  deck: DeckInfoView | null;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class StartupPageView {
  @ApiProperty({ type: [StartupView] }) items: StartupView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ProjectPageView {
  @ApiProperty({ type: [ProjectView] }) items: ProjectView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export const startupsMapper = {
  startup(s: StartupEntity, confidentialAccess: boolean): StartupView {
    return {
      id: s.id,
      organizationId: s.organizationId,
      legalName: s.legalName,
      creditCode: s.creditCode,
      foundedOn: s.foundedOn,
      regionCode: s.regionCode,
      industry: s.industry,
      tracks: s.tracks,
      universitySpinOut: s.universitySpinOut,
      fromPocCenter: s.fromPocCenter,
      priorRounds: s.priorRounds,
      yearsInNiche: s.yearsInNiche,
      website: s.website,
      oneLiner: s.oneLiner,
      confidentialAccess,
      version: s.version,
      updatedAt: iso(s.updatedAt)!,
    };
  },
  fiscalYear(f: FiscalYearEntity): FiscalYearView {
    const { id: _id, startupId: _s, startup: _st, updatedAt, ...figures } = f;
    return { ...figures, updatedAt: iso(updatedAt)! };
  },
  ipItem(i: IpItemEntity): IpItemView {
    return {
      id: i.id,
      type: i.type,
      ipClass: ipClass(i.type),
      number: i.number,
      title: i.title,
      status: i.status,
      tiedToMainProduct: i.tiedToMainProduct,
      grantedOn: i.grantedOn,
    };
  },
  qualification(q: QualificationHeldEntity): QualificationHeldView {
    return { id: q.id, kind: q.kind, certificateNumber: q.certificateNumber, validFrom: q.validFrom, validUntil: q.validUntil };
  },
  /** `deckVisible`: whether the caller may see the deck's metadata (see ProjectsService.deckVisible). */
  project(p: ProjectEntity, deckVisible: boolean): ProjectView {
    return {
      id: p.id,
      startupId: p.startupId,
      organizationId: p.organizationId,
      title: p.title,
      kind: p.kind,
      stage: p.stage,
      amountSought: p.amountSought,
      instruments: p.instruments,
      useOfFunds: p.useOfFunds,
      pitch: p.pitch as Record<string, string>,
      keywords: p.keywords,
      trl: p.trl,
      status: p.status,
      publishedAt: iso(p.publishedAt),
      hasDeck: Boolean(p.deckStorageKey),
      deck: p.deckStorageKey && deckVisible
        ? { fileName: p.deckFileName!, sizeBytes: p.deckSizeBytes!, sha256: p.deckSha256!, uploadedAt: iso(p.deckUploadedAt)! }
        : null,
      version: p.version,
      updatedAt: iso(p.updatedAt)!,
    };
  },
};
