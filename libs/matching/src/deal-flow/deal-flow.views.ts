import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const objects = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

export class MatchItemView {
  @ApiProperty() projectId: string;
  @ApiProperty() startupId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) startupName: string | null;
  @ApiProperty() stage: string;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '分' }) amountSought: number | null;
  @ApiProperty({ type: [String] }) instruments: string[];
  @ApiProperty() eligible: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '0–100' }) score: number | null;
  @ApiProperty({ ...objects, description: 'Per criterion: value, weight, contribution, inputs, zh/en explanation.' })
  breakdown: object[];
  @ApiProperty({ ...objects, description: 'Hard constraints that failed (empty when eligible).' }) reasons: object[];
  @ApiProperty({ ...objects, description: 'Distance to each threshold worth reaching.' }) hints: object[];
  @ApiProperty({ description: 'Confidential figures are shown as bands (no data grant).' }) redacted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Your pipeline stage for this project, if any.' })
  dealStage: string | null;
}

export class DealFlowPageView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateTermsVersion: number;
  @ApiProperty({ description: 'Snapshot that ranked this page; a change shows up as a higher number.' })
  snapshotVersion: number;
  @ApiProperty() scoreVersion: string;
  @ApiProperty({ description: 'Eligible projects after filters (all pages).' }) total: number;
  @ApiProperty({ type: [MatchItemView] }) items: MatchItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class InvestorMatchView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateTermsVersion: number;
  @ApiProperty() mandateName: string;
  @ApiProperty({ enum: ['fund', 'bank_product'] }) kind: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: [String] }) instruments: string[];
  @ApiProperty() ticketMin: number;
  @ApiProperty() ticketMax: number;
  @ApiProperty() eligible: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) score: number | null;
  @ApiProperty(objects) breakdown: object[];
  @ApiProperty({ ...objects, description: 'Why not: every hard constraint that failed.' }) reasons: object[];
  @ApiProperty(objects) hints: object[];
}

export class InvestorMatchesView {
  @ApiProperty() projectId: string;
  @ApiProperty() snapshotVersion: number;
  @ApiProperty() scoreVersion: string;
  @ApiProperty() eligibleCount: number;
  @ApiProperty() excludedCount: number;
  @ApiProperty({ type: [InvestorMatchView] }) items: InvestorMatchView[];
}
