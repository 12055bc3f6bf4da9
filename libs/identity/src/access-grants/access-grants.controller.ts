import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, ReqContext } from '../authz/decorators';
import type { Principal, RequestContext } from '../authz/principal';
import { CreateAccessGrantDto } from '../identity.dto';
import { AccessGrantViewDto, identityMapper } from '../identity.views';
import { AccessGrantsService } from './access-grants.service';

@ApiTags('access-grants')
@ApiBearerAuth()
@Controller('access-grants')
export class AccessGrantsController {
  constructor(private readonly grants: AccessGrantsService) {}

  @Post()
  @ApiOperation({ summary: 'Let an investor or organizer organization read your confidential data (company admins).' })
  @ApiCreatedResponse({ type: AccessGrantViewDto })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'VALIDATION_FAILED',
    'ORGANIZATION_NOT_FOUND',
    'ACCESS_GRANT_INVALID',
    'ACCESS_GRANT_EXISTS',
  )
  async grant(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateAccessGrantDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<AccessGrantViewDto> {
    const grant = await this.grants.grant(principal, dto.granteeOrganizationId, dto.expiresAt ?? null, ctx);
    const view = (await this.grants.list(principal)).find((g) => g.id === grant.id)!;
    return identityMapper.grant(view);
  }

  @Get()
  @ApiOperation({ summary: 'Grants your organization gave (company) or received (investor, organizer).' })
  @ApiOkResponse({ type: [AccessGrantViewDto] })
  @ApiErrors('UNAUTHENTICATED')
  async list(@CurrentPrincipal() principal: Principal): Promise<AccessGrantViewDto[]> {
    return (await this.grants.list(principal)).map(identityMapper.grant);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a grant; access ends immediately.' })
  @ApiNoContentResponse()
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'ACCESS_GRANT_NOT_FOUND')
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
  ): Promise<void> {
    await this.grants.revoke(principal, id, ctx);
  }
}
