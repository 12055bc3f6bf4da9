import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiErrors, PageQueryDto, UuidPipe } from '@app/platform';
import { CurrentPrincipal, Principal, ReqContext, RequestContext } from '@app/identity';
import { fundsMapper, MandatePageView, MandateVersionView, MandateView } from '../funds.views';
import { MANDATE_STATUSES, type MandateStatus } from './mandate-terms';
import { CreateMandateDto, UpdateMandateDto } from './mandates.dto';
import { MandatesService } from './mandates.service';

class MandateListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MANDATE_STATUSES })
  @IsOptional()
  @IsIn(MANDATE_STATUSES)
  status?: MandateStatus;
}

const WRITE_ERRORS = [
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'MANDATE_ORG_KIND_INVALID',
  'MANDATE_INVALID',
  'MANDATE_LINK_INVALID',
];

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a mandate (funds) or credit product (banks). Terms version 1.' })
  @ApiCreatedResponse({ type: MandateView })
  @ApiErrors(...WRITE_ERRORS)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateMandateDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<MandateView> {
    return fundsMapper.mandate(await this.mandates.create(principal, dto, ctx), principal.organizationId);
  }

  @Get()
  @ApiOperation({ summary: 'Your organization’s mandates, newest first.' })
  @ApiOkResponse({ type: MandatePageView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR', 'MANDATE_ORG_KIND_INVALID')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: MandateListQueryDto): Promise<MandatePageView> {
    const page = await this.mandates.list(principal, query);
    return {
      items: page.items.map((m) => fundsMapper.mandate(m, principal.organizationId)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A mandate: yours, or another organization’s active discoverable one.' })
  @ApiOkResponse({ type: MandateView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MANDATE_NOT_FOUND', 'MANDATE_ORG_KIND_INVALID')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MandateView> {
    return fundsMapper.mandate(await this.mandates.get(principal, id), principal.organizationId);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit (send the `version` you read). Changed terms create a new terms version; status/discoverable alone do not.',
  })
  @ApiOkResponse({ type: MandateView })
  @ApiErrors(...WRITE_ERRORS, 'MANDATE_NOT_FOUND', 'MANDATE_VERSION_CONFLICT')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateMandateDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<MandateView> {
    return fundsMapper.mandate(await this.mandates.update(principal, id, dto, ctx), principal.organizationId);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every terms version of your mandate, newest first.' })
  @ApiOkResponse({ type: [MandateVersionView] })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MANDATE_NOT_FOUND', 'MANDATE_ORG_KIND_INVALID')
  async versions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<MandateVersionView[]> {
    return (await this.mandates.versions(principal, id)).map(fundsMapper.version);
  }
}
