import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { INSTRUMENTS } from '@app/reference';
import { PASS_REASONS } from '@app/matching';
import { ATTENDANCE, OUTCOME_SIDES, OUTCOME_STAGES, OUTCOME_SUBJECTS } from './outcome-rules';

const FEN = 'in 分 (¥1 = 100 分), a positive integer';

export class OutcomePassReasonDto {
  @ApiProperty({ enum: PASS_REASONS }) @IsIn(PASS_REASONS) code: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for `other`.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string | null;
}

export class RecordOutcomeDto {
  @ApiPropertyOptional({
    enum: OUTCOME_STAGES,
    nullable: true,
    description: 'Where your side stands. May be omitted when you only record attendance (meetings).',
  })
  @IsOptional()
  @IsIn(OUTCOME_STAGES)
  stage?: string | null;

  @ApiPropertyOptional({
    enum: ATTENDANCE,
    nullable: true,
    description: 'Meetings only: held, or the other side did not come.',
  })
  @IsOptional()
  @IsIn(ATTENDANCE)
  attendance?: string | null;

  @ApiPropertyOptional({
    enum: INSTRUMENTS,
    nullable: true,
    description:
      'Required from signed on: equity, convertible_grant (先投后股), loan, ip_pledge_loan, equity_loan_package (投贷联动).',
  })
  @IsOptional()
  @IsIn(INSTRUMENTS)
  instrument?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: `The signed amount ${FEN}. For 投贷联动 it may be omitted (the sum of both parts) or must equal that sum.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: `投贷联动 only: the equity part ${FEN}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  equityAmount?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: `投贷联动 only: the loan part ${FEN}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  loanAmount?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: `Disbursed only: the amount paid out ${FEN}, at most the signed amount.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  disbursedAmount?: number | null;

  @ApiPropertyOptional({ type: OutcomePassReasonDto, nullable: true, description: 'Passed only: a structured reason.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomePassReasonDto)
  passReason?: OutcomePassReasonDto | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?:
    string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description:
      'Optimistic concurrency: the `revision` of your side you read (0 when your side had no record). When your side has been recorded since, 409 OUTCOME_VERSION_CONFLICT with `details.currentRevision`; omit it to overwrite.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedRevision?: number | null;
}

export class OutcomeTermsView {
  @ApiProperty({ enum: INSTRUMENTS }) instrument: string;
  @ApiProperty({ type: 'integer', description: FEN }) amount: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '投贷联动: the equity part, 分.' }) equityAmount:
    number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '投贷联动: the loan part, 分.' }) loanAmount:
    number | null;
}

export class OutcomePassReasonView {
  @ApiProperty({ enum: PASS_REASONS }) code: string;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

export class OutcomeSideView {
  @ApiProperty({ enum: OUTCOME_STAGES, nullable: true }) stage: string | null;
  @ApiProperty({ enum: ATTENDANCE, nullable: true }) attendance: string | null;
  @ApiProperty({ type: OutcomeTermsView, nullable: true }) terms: OutcomeTermsView | null;
  @ApiProperty({ type: 'integer', nullable: true }) disbursedAmount: number | null;
  @ApiProperty({ type: OutcomePassReasonView, nullable: true }) passReason: OutcomePassReasonView | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '1 for the side’s first record, +1 each time it is recorded again.',
  })
  revision: number;
}

export class SharedOutcomeView {
  @ApiProperty({
    enum: OUTCOME_STAGES,
    nullable: true,
    description:
      'A pass by either side ends it; otherwise the lower of both sides’ stages (one side’s when only it recorded).',
  })
  stage: string | null;
  @ApiProperty({ description: 'Both sides recorded the same stage (and the same terms when signed).' })
  confirmed: boolean;
  @ApiProperty({ enum: ATTENDANCE, nullable: true }) attendance: string | null;
  @ApiProperty({ type: OutcomeTermsView, nullable: true }) terms: OutcomeTermsView | null;
  @ApiProperty({ type: 'integer', nullable: true }) disbursedAmount: number | null;
  @ApiProperty({ type: OutcomePassReasonView, nullable: true }) passReason: OutcomePassReasonView | null;
  @ApiProperty({ enum: OUTCOME_SIDES, nullable: true }) passedBy: string | null;
}

export class OutcomeView {
  @ApiProperty({ enum: OUTCOME_SUBJECTS }) subjectType: string;
  @ApiProperty({ description: 'The meeting (its request id) or the deal.' }) subjectId: string;
  @ApiProperty({ type: String, nullable: true }) eventId: string | null;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty() investorOrganizationId: string;
  @ApiProperty() founderOrganizationId: string;
  @ApiProperty({ enum: OUTCOME_SIDES }) yourSide: string;
  @ApiProperty({ type: OutcomeSideView, nullable: true }) investor: OutcomeSideView | null;
  @ApiProperty({ type: OutcomeSideView, nullable: true }) founder: OutcomeSideView | null;
  @ApiProperty({ type: SharedOutcomeView }) shared: SharedOutcomeView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
}
