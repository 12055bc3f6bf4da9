import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATION_KINDS, ORGANIZER_TYPES, OrganizationKind, OrganizerType } from '../entities/organization.entity';

export class NewOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS, example: 'startup' })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiPropertyOptional({ enum: ORGANIZER_TYPES, description: 'Only for kind=organizer.' })
  @IsOptional()
  @IsIn(ORGANIZER_TYPES)
  organizerType?: OrganizerType;

  @ApiProperty({ example: '无锡星航智能农机科技有限公司', maxLength: 200 })
  @IsString()
  @Length(2, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 (18 characters, GB 32100-2015 check character).', example: '91350100M000100Y43' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  creditCode?: string;

  @ApiProperty({ description: '6-digit administrative division code.', example: '320211' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'founder@example.com', maxLength: 254 })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'At least 10 characters, not a common password.' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiProperty({ example: '李明', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Matches(/^\+?\d{6,20}$/, { message: 'mobile must be digits, optionally with a leading +' })
  mobile?: string;

  @ApiPropertyOptional({ type: NewOrganizationDto, description: 'Create an organization (you become its owner) …' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewOrganizationDto)
  organization?: NewOrganizationDto;

  @ApiPropertyOptional({ description: '… or join the organization that invited you.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  invitationToken?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'founder@example.com' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ description: 'Organization to act in; defaults to your oldest membership.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class SwitchOrganizationDto {
  @ApiProperty()
  @IsUUID()
  organizationId: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT, about 15 minutes. Send as `Authorization: Bearer …`.' })
  accessToken: string;
  @ApiProperty()
  accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque, single use: each refresh returns a new one; reusing an old one ends the session.' })
  refreshToken: string;
  @ApiProperty()
  refreshTokenExpiresAt: string;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
}

export class AuthResultDto {
  @ApiProperty({ type: TokenPairDto })
  tokens: TokenPairDto;
  @ApiProperty()
  userId: string;
  @ApiProperty({ description: 'The organization this session acts in.' })
  organizationId: string;
}
