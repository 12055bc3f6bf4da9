import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTRAINT_MODES, type ConstraintMode } from '@app/reference';
import { CREDIT_PRODUCTS, MANDATE_STATUSES, type MandateTerms } from './mandates/mandate-terms';
import type { MandateEntity } from './entities/mandate.entity';
import type { MandateVersionEntity } from './entities/mandate-version.entity';

export class WeightsView {
  @ApiProperty() early: number;
  @ApiProperty() small: number;
  @ApiProperty() hardTech: number;
  @ApiProperty() innovation: number;
  @ApiProperty() fit: number;
}

export class ExclusionsView {
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: [String] }) startupIds: string[];
}

export class ConstraintModesView {
  @ApiProperty({ enum: CONSTRAINT_MODES }) ticket: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) track: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) region: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) stage: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) instrument: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) qualifications: ConstraintMode;
  @ApiProperty({ enum: CONSTRAINT_MODES }) hardTechMinimums: ConstraintMode;
}

export class ConstraintTermsView {
  @ApiProperty({ type: ConstraintModesView }) modes: ConstraintModesView;
  @ApiProperty({ type: 'integer' }) ticketTolerancePct: number;
}

export class MandateTermsView {
  @ApiProperty({ type: [String] }) instruments: string[];
  @ApiProperty({ type: [String] }) stages: string[];
  @ApiProperty({ description: '分' }) ticketMin: number;
  @ApiProperty({ description: '分' }) ticketMax: number;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty({ type: [String] }) regions: string[];
  @ApiProperty({ type: [String] }) preferredRegions: string[];
  @ApiProperty({ type: [String] }) requiredQualifications: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) minRdIntensityBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minClassIIp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minTechStaffShareBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minTrl: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minPledgeableInventionPatents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minInnovationScore: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxCompanyAgeYears: number | null;
  @ApiProperty({ type: ExclusionsView }) exclusions: ExclusionsView;
  @ApiProperty() thesis: string;
  @ApiProperty({ type: [String] }) thesisKeywords: string[];
  @ApiProperty({ type: WeightsView }) weights: WeightsView;
  @ApiPropertyOptional({ enum: CREDIT_PRODUCTS, nullable: true }) creditProduct: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) linkedMandateId: string | null;
  @ApiProperty({
    type: ConstraintTermsView,
    nullable: true,
    description: '`null`: a version written before soft constraints — every constraint hard.',
  })
  constraints: ConstraintTermsView | null;
}

export class MandateView extends MandateTermsView {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ['fund', 'bank_product'] }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MANDATE_STATUSES }) status: string;
  @ApiProperty() discoverable: boolean;
  @ApiProperty() hideNameOnPass: boolean;
  @ApiProperty({ description: 'Terms version; deals and matches record it.' }) termsVersion: number;
  @ApiProperty({ description: 'Row version: send it back when editing.' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class MandatePageView {
  @ApiProperty({ type: [MandateView] }) items: MandateView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MandateVersionView extends MandateTermsView {
  @ApiProperty() termsVersion: number;
  @ApiProperty() name: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

const terms = (t: MandateTerms): MandateTermsView => ({
  ...t,
  exclusions: { ...t.exclusions },
  weights: { ...t.weights },
  constraints: t.constraints
    ? { modes: { ...t.constraints.modes }, ticketTolerancePct: t.constraints.ticketTolerancePct }
    : null,
});

/** Founders see a discoverable mandate's terms, not whom the fund excluded by name. */
const publicTerms = (t: MandateTerms): MandateTermsView => ({
  ...terms(t),
  exclusions: { ...t.exclusions, startupIds: [] },
});

export const fundsMapper = {
  mandate(m: MandateEntity, viewerOrganizationId: string): MandateView {
    const own = m.organizationId === viewerOrganizationId;
    return {
      ...(own ? terms(m.terms) : publicTerms(m.terms)),
      id: m.id,
      organizationId: m.organizationId,
      kind: m.kind,
      name: m.name,
      status: m.status,
      discoverable: m.discoverable,
      hideNameOnPass: m.hideNameOnPass,
      termsVersion: m.termsVersion,
      version: m.version,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    };
  },
  version(v: MandateVersionEntity): MandateVersionView {
    return {
      ...terms(v.terms),
      termsVersion: v.termsVersion,
      name: v.name,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    };
  },
};
