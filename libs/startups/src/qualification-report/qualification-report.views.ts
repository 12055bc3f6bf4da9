import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The qualification report as OpenAPI views (the web client is generated from them). They describe
 * the pure engine's `Qualification.QualificationReport` (@app/reference) field for field; the
 * service returns the engine's object unchanged.
 */
const VERDICTS = ['pass', 'fail', 'unknown'];
const GAP_UNITS = ['percent', 'count', 'fen', 'points', 'years', 'days'];
const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'];

export class GapView {
  @ApiProperty({ type: Number, description: 'The threshold, in `unit` (a percentage for ratios).' }) threshold: number;
  @ApiProperty({ enum: GAP_UNITS }) unit: string;
  @ApiProperty({ type: Number, description: 'Threshold minus the current value, in `unit`; negative when the value must fall.' })
  delta: number;
  @ApiPropertyOptional({ type: Number, description: 'The input value that reaches the threshold.' }) valueNeeded?: number;
  @ApiPropertyOptional({ description: 'Which input `valueNeeded` refers to.' }) valueNeededInput?: string;
  @ApiPropertyOptional({ type: Number, description: '`valueNeeded` minus the current value.' }) valueDelta?: number;
  @ApiProperty({ description: 'Reaching it turns `fail` into `pass` with nothing else changed.' }) flipsVerdict: boolean;
}

export class NextBandView extends GapView {
  @ApiProperty({ type: Number }) pointsGained: number;
}

export class IndicatorResultView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) rawValue: number | null;
  @ApiProperty() displayValue: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '`null` when an input is missing.' }) points: number | null;
  @ApiProperty({ type: Number }) minPoints: number;
  @ApiProperty({ type: Number }) maxPointsPossible: number;
  @ApiProperty({ type: Number }) maxPoints: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The band reached, e.g. `≥30%`.' }) band: string | null;
  @ApiPropertyOptional({ type: NextBandView }) nextBand?: NextBandView;
  @ApiProperty({ type: [String] }) missingInputs: string[];
  @ApiProperty() explanation: string;
  @ApiProperty() explanationEn: string;
}

export class ConditionResultView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: '`null`: cannot tell from the data given.' })
  met: boolean | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) rawValue?: number | null;
  @ApiPropertyOptional() displayValue?: string;
  @ApiPropertyOptional({ type: GapView }) gap?: GapView;
  @ApiProperty({ type: [String] }) missingInputs: string[];
  @ApiProperty() explanation: string;
  @ApiProperty() explanationEn: string;
}

export class DirectQualificationView {
  @ApiPropertyOptional({ type: Boolean, nullable: true }) met: boolean | null;
  @ApiPropertyOptional() route?: string;
  @ApiProperty({ type: [ConditionResultView] }) routes: ConditionResultView[];
}

export class SizeRequirementView {
  @ApiProperty({ enum: ['headcount', 'revenue', 'totalAssets'] }) metric: string;
  @ApiProperty() input: string;
  @ApiProperty({ type: Number }) threshold: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) current: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) delta: number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) met: boolean | null;
}

export class NextSizeClassView {
  @ApiProperty({ enum: SIZE_CLASSES }) sizeClass: string;
  @ApiProperty({ type: [SizeRequirementView] }) requirements: SizeRequirementView[];
}

export class RubricResultView {
  @ApiProperty() rubricId: string;
  @ApiProperty() rubricVersion: string;
  @ApiProperty() rubricName: string;
  @ApiProperty() rubricNameEn: string;
  @ApiProperty({ enum: VERDICTS }) verdict: 'pass' | 'fail' | 'unknown';
  @ApiProperty({ type: [String], description: 'Inputs read but not given, e.g. `fiscalYears[2023].revenue`.' })
  missingInputs: string[];
  @ApiProperty({ type: 'integer' }) fiscalYear: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) totalPoints?: number | null;
  @ApiPropertyOptional({ type: Number }) maxPoints?: number;
  @ApiPropertyOptional({ type: Number }) passPoints?: number;
  @ApiProperty({ type: [IndicatorResultView] }) indicators: IndicatorResultView[];
  @ApiProperty({ type: [ConditionResultView] }) conditions: ConditionResultView[];
  @ApiPropertyOptional({ type: DirectQualificationView }) directQualification?: DirectQualificationView;
  @ApiProperty() explanation: string;
  @ApiProperty() explanationEn: string;
  @ApiPropertyOptional({ enum: VERDICTS, description: '高新技术企业 only: the verdict over figures alone.' })
  quantitativeVerdict?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SME size only.' }) industry?: string | null;
  @ApiPropertyOptional({ enum: SIZE_CLASSES, nullable: true, description: 'SME size only.' }) sizeClass?: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'SME size only.' }) isSme?: boolean | null;
  @ApiPropertyOptional({ type: NextSizeClassView, description: 'SME size only: the next larger class.' })
  nextClass?: NextSizeClassView;
}

export class QualificationReportView {
  @ApiProperty({ example: '2024-06-30' }) asOf: string;
  @ApiProperty({ type: 'integer' }) fiscalYear: number;
  @ApiProperty({ type: RubricResultView }) smeSize: RubricResultView;
  @ApiProperty({ type: RubricResultView }) techSme: RubricResultView;
  @ApiProperty({ type: RubricResultView }) highTechEnterprise: RubricResultView;
  @ApiProperty({ type: RubricResultView }) innovativeSme: RubricResultView;
  @ApiProperty({ type: RubricResultView }) specializedSme: RubricResultView;
  @ApiProperty({ type: RubricResultView }) littleGiant: RubricResultView;
  @ApiProperty({ type: [RubricResultView], description: 'The same results in display order.' }) all: RubricResultView[];
}
