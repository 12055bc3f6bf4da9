import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { isInstant, PageQueryDto } from '@app/platform';
import { AUDIT_ACTIONS, AuditAction } from './entities/audit-event.entity';
import { ROLES, Role } from './entities/membership.entity';

export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\+?\d{6,20}$/, { message: 'mobile must be digits, optionally with a leading +' })
  mobile?: string | null;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: '统一社会信用代码' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(40)
  creditCode?: string | null;

  @ApiPropertyOptional({ example: '330106' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;
}

export class SetVerificationDto {
  @ApiProperty({ enum: ['verified', 'unverified'] })
  @IsIn(['verified', 'unverified'])
  status: 'verified' | 'unverified';
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'partner@fund.example.com' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ROLES, default: 'member' })
  @IsIn(ROLES)
  role: Role = 'member';
}

export class InvitationTokenDto {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  token: string;
}

export class CreateAccessGrantDto {
  @ApiProperty({ description: 'The fund, bank or organizer organization that may read your confidential data.' })
  @IsUUID()
  granteeOrganizationId: string;

  @ApiPropertyOptional({ description: 'When access ends (ISO 8601, at most 2 years ahead). Omit for "until revoked".' })
  @IsOptional()
  // Checked as text first (a real day and time, with a zone): Date would take 2023-02-30 as March 2nd.
  @Transform(({ value }) => (isInstant(value) ? new Date(value) : value))
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time with a zone' })
  expiresAt?: Date;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Platform admins only: one organization’s events.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
