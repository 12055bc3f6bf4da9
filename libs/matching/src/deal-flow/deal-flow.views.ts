import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { BREAKDOWN_KEYS, type BreakdownKey, type ConstraintCode, type InputValue } from '../engine';

const CONSTRAINT_CODES: readonly ConstraintCode[] = [
  'STAGE',
  'TICKET',
  'INSTRUMENT',
  'REGION',
  'TRACK',
  'QUALIFICATION',
  'MIN_RD_INTENSITY',
  'MIN_CLASS_I_IP',
  'MIN_TECH_STAFF_SHARE',
  'MIN_TRL',
  'MIN_PLEDGEABLE_PATENTS',
  'MIN_INNOVATION_SCORE',
  'MAX_COMPANY_AGE',
  'EXCLUDED_TRACK',
  'EXCLUDED_KEYWORD',
  'EXCLUDED_STARTUP',
];

/** A value an explanation quotes: a number, a string, a flag, a list of codes, or null (unknown). */
const INPUT_VALUE_SCHEMA = {
  nullable: true,
  oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
};
const INPUT_VALUE = INPUT_VALUE_SCHEMA as ApiPropertyOptions;

/** One scoring criterion's part of the score (the explanation's "why"). */
export class CriterionView {
  @ApiProperty({ enum: BREAKDOWN_KEYS }) key: BreakdownKey;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'In [0, 1], 4 decimals.' }) value: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'Normalised weight (weights sum to 1).' })
  weight: number;
  @ApiProperty({ type: Number, description: 'Points out of 100 this criterion adds (2 decimals).' })
  contribution: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: INPUT_VALUE_SCHEMA as { nullable: true },
    description: 'Raw inputs by feature name; bands replace confidential ones in a redacted view.',
  })
  inputs: Record<string, InputValue>;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Innovation points: a cohort percentile estimate, never the official score.',
  })
  estimate?: true;
}

/** A constraint the pair misses: hard (the explanation's "why not") or soft (a penalty on the score). */
export class ConstraintReasonView {
  @ApiProperty({ enum: CONSTRAINT_CODES }) code: ConstraintCode;
  @ApiProperty({ enum: ['violated', 'data_missing'], description: '`data_missing`: the fix is to provide the figure.' })
  kind: 'violated' | 'data_missing';
  @ApiProperty({ enum: ['hard', 'soft'], description: '`hard` excludes the pair; `soft` keeps it with `penalty`.' })
  mode: 'hard' | 'soft';
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'Share of the score removed (0.2 = −20 %); 0 when hard. Penalties add, capped at 0.9.',
  })
  penalty: number;
  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 1,
    description:
      'A soft track, stage or region penalty shrunk by your own history: the share of your positive history on this value beyond the written constraint (the penalty is 1 − share of the written one). Absent when the history played no part.',
  })
  historyShare?: number;
  @ApiProperty({ description: 'Feature the constraint reads, e.g. `rdIntensityBp`.' }) input: string;
  @ApiProperty(INPUT_VALUE) expected: InputValue;
  @ApiProperty(INPUT_VALUE) actual: InputValue;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

/** The distance to a threshold worth reaching. */
export class HintView {
  @ApiProperty() code: string;
  @ApiProperty() input: string;
  @ApiProperty({ type: Number, nullable: true }) current: number | null;
  @ApiProperty({ type: Number }) threshold: number;
  @ApiProperty({ enum: ['bp', 'count', 'fen', 'years', 'trl', 'percent'] }) unit:
    'bp' | 'count' | 'fen' | 'years' | 'trl' | 'percent';
  @ApiProperty({ type: Number, nullable: true }) delta: number | null;
  @ApiPropertyOptional({ type: Number }) pointsGained?: number;
  @ApiPropertyOptional({ description: 'Redacted view only: the band that replaced `current`.' }) band?: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

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
  @ApiProperty({
    type: [CriterionView],
    description: 'Per criterion: value, weight, contribution, inputs, zh/en explanation.',
  })
  breakdown: CriterionView[];
  @ApiProperty({
    type: [ConstraintReasonView],
    description: 'Constraints missed: hard ones exclude; an eligible item lists its soft penalties.',
  })
  reasons: ConstraintReasonView[];
  @ApiProperty({ type: [HintView], description: 'Distance to each threshold worth reaching.' }) hints: HintView[];
  @ApiProperty({ description: 'Confidential figures are shown as bands (no data grant).' }) redacted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Your pipeline stage for this project, if any.' })
  dealStage: string | null;
}

/** A criterion's part of the score without its inputs and sentences (the compact list view). */
export class CriterionScoreView {
  @ApiProperty({ enum: BREAKDOWN_KEYS }) key: BreakdownKey;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'In [0, 1], 4 decimals.' }) value: number;
  @ApiProperty({ type: Number, description: 'Points out of 100 this criterion adds (2 decimals).' })
  contribution: number;
  @ApiPropertyOptional({ enum: [true], description: 'Innovation points: a cohort percentile estimate.' })
  estimate?: true;
}

/**
 * One project in the compact list view (`view=compact`): the score per criterion, the failed
 * constraints and the first hints; the full explanation is `GET /mandates/:id/deal-flow/:projectId`.
 */
export class MatchItemCompactView {
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
  @ApiProperty({ type: [CriterionScoreView], description: 'Per criterion: value and contribution.' })
  criteria: CriterionScoreView[];
  @ApiProperty({
    type: [ConstraintReasonView],
    description: 'Constraints missed: hard ones exclude; an eligible item lists its soft penalties.',
  })
  reasons: ConstraintReasonView[];
  @ApiProperty({ type: [HintView], description: 'The first hints (at most 3) of the full explanation.' })
  hints: HintView[];
  @ApiProperty({ description: 'Confidential figures are shown as bands (no data grant).' }) redacted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Your pipeline stage for this project, if any.' })
  dealStage: string | null;
}

export class DealFlowCompactPageView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateTermsVersion: number;
  @ApiProperty({ description: 'Snapshot that ranked this page; a change shows up as a higher number.' })
  snapshotVersion: number;
  @ApiProperty() scoreVersion: string;
  @ApiProperty({ description: 'Eligible projects after filters (all pages).' }) total: number;
  @ApiProperty({ type: [MatchItemCompactView] }) items: MatchItemCompactView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** One project's full explanation for a mandate, at the snapshot version it was computed from. */
export class DealFlowItemView {
  @ApiProperty() mandateId: string;
  @ApiProperty() mandateTermsVersion: number;
  @ApiProperty() snapshotVersion: number;
  @ApiProperty() scoreVersion: string;
  @ApiProperty({ type: MatchItemView }) item: MatchItemView;
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
  @ApiProperty({ type: [CriterionView] }) breakdown: CriterionView[];
  @ApiProperty({
    type: [ConstraintReasonView],
    description: 'Why not: every constraint missed, hard (excluding) or soft (penalty).',
  })
  reasons: ConstraintReasonView[];
  @ApiProperty({ type: [HintView] }) hints: HintView[];
}

export class InvestorMatchesView {
  @ApiProperty() projectId: string;
  @ApiProperty() snapshotVersion: number;
  @ApiProperty() scoreVersion: string;
  @ApiProperty() eligibleCount: number;
  @ApiProperty() excludedCount: number;
  @ApiProperty({ type: [InvestorMatchView] }) items: InvestorMatchView[];
}
