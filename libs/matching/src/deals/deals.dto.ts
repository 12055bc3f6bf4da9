import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@app/platform';
import { DEAL_STAGES, PASS_REASONS, type DealStage, type PassReasonCode } from './deal-stages';

const MAX_MONEY = 9_000_000_000_000_000;

export class OpenDealDto {
  @ApiProperty({ description: 'A published project of another organization.' })
  @IsUUID()
  projectId: string;

  @ApiPropertyOptional({ description: 'One of your mandates; its current terms version is recorded on the deal.' })
  @IsOptional()
  @IsUUID()
  mandateId?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Internal note on the opening transition (never shown to founders).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class PassReasonDto {
  @ApiProperty({ enum: PASS_REASONS })
  @IsIn(PASS_REASONS)
  code: PassReasonCode;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Required for `other`. Founders of the project read it (with your name unless the mandate hides it).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text?: string;
}

export class TransitionDealDto {
  @ApiProperty({ enum: DEAL_STAGES })
  @IsIn(DEAL_STAGES)
  to: DealStage;

  @ApiPropertyOptional({
    enum: DEAL_STAGES,
    description: 'The stage you saw; if the deal has moved since, the answer is 409 DEAL_VERSION_CONFLICT.',
  })
  @IsOptional()
  @IsIn(DEAL_STAGES)
  expectedStage?: DealStage;

  @ApiPropertyOptional({ type: PassReasonDto, description: 'Required when `to` is `passed`, refused otherwise.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PassReasonDto)
  passReason?: PassReasonDto;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Internal note (never shown to founders).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description: 'Agreed ticket or credit line in 分; only when moving to term_sheet, signed or disbursed.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY)
  amount?: number;
}

export class DealListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEAL_STAGES })
  @IsOptional()
  @IsIn(DEAL_STAGES)
  stage?: DealStage;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mandateId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  projectId?: string;
}
