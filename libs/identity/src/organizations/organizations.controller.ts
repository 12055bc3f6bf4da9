import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, UuidPipe } from '@app/platform';
import { CurrentPrincipal, ReqContext } from '../authz/decorators';
import type { Principal, RequestContext } from '../authz/principal';
import { ChangeRoleDto, SetVerificationDto, UpdateOrganizationDto } from '../identity.dto';
import { identityMapper, MemberViewDto, OrganizationView, PublicOrganizationView } from '../identity.views';
import { OrganizationsService } from './organizations.service';

const toMemberDto = (m: { userId: string; email: string; displayName: string; role: MemberViewDto['role']; joinedAt: Date }) => ({
  ...m,
  joinedAt: new Date(m.joinedAt).toISOString(),
});

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('current')
  @ApiOperation({ summary: 'The organization this session acts in.' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors('UNAUTHENTICATED')
  async current(@CurrentPrincipal() principal: Principal): Promise<OrganizationView> {
    return identityMapper.organization(await this.organizations.current(principal));
  }

  @Patch('current')
  @ApiOperation({ summary: 'Edit name, credit code or region (admin or owner).' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'CREDIT_CODE_INVALID', 'CREDIT_CODE_TAKEN', 'REGION_CODE_INVALID')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateOrganizationDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<OrganizationView> {
    return identityMapper.organization(await this.organizations.update(principal, dto, ctx));
  }

  @Get('current/members')
  @ApiOperation({ summary: 'Members of the acting organization with their roles.' })
  @ApiOkResponse({ type: [MemberViewDto] })
  @ApiErrors('UNAUTHENTICATED')
  async members(@CurrentPrincipal() principal: Principal): Promise<MemberViewDto[]> {
    return (await this.organizations.members(principal)).map(toMemberDto);
  }

  @Patch('current/members/:userId')
  @ApiOperation({ summary: 'Change a member’s role. Only owners grant or take away ownership; the last owner stays.' })
  @ApiOkResponse({ type: [MemberViewDto] })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEMBER_NOT_FOUND', 'ROLE_CHANGE_FORBIDDEN', 'LAST_OWNER')
  async changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param('userId', UuidPipe) userId: string,
    @Body() dto: ChangeRoleDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<MemberViewDto[]> {
    return (await this.organizations.changeRole(principal, userId, dto.role, ctx)).map(toMemberDto);
  }

  @Delete('current/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (or leave). Their sessions in this organization end at once.' })
  @ApiNoContentResponse()
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'MEMBER_NOT_FOUND', 'ROLE_CHANGE_FORBIDDEN', 'LAST_OWNER')
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('userId', UuidPipe) userId: string,
    @ReqContext() ctx: RequestContext,
  ): Promise<void> {
    await this.organizations.removeMember(principal, userId, ctx);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Public profile of an organization (name, kind, region, verification).' })
  @ApiOkResponse({ type: PublicOrganizationView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'ORGANIZATION_NOT_FOUND')
  async publicProfile(@Param('id', UuidPipe) id: string): Promise<PublicOrganizationView> {
    return identityMapper.publicOrganization(await this.organizations.publicProfile(id));
  }

  @Put(':id/verification')
  @ApiOperation({ summary: 'Mark an organization verified or unverified (organizer admins, platform admins).' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'ORGANIZATION_NOT_FOUND')
  async verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: SetVerificationDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<OrganizationView> {
    return identityMapper.organization(await this.organizations.setVerification(principal, id, dto.status, ctx));
  }
}
