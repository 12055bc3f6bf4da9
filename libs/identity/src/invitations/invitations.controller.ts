import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Clock, CLOCK, Public, UuidPipe } from '@app/platform';
import { CurrentPrincipal, ReqContext } from '../authz/decorators';
import type { Principal, RequestContext } from '../authz/principal';
import { CreateInvitationDto, InvitationTokenDto } from '../identity.dto';
import { CreatedInvitationView, identityMapper, InvitationView } from '../identity.views';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Invite an e-mail address into the acting organization (admin or owner).',
    description: 'The single-use token is returned once to the inviting admin until e-mail delivery exists.',
  })
  @ApiCreatedResponse({ type: CreatedInvitationView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'EMAIL_INVALID', 'ALREADY_MEMBER', 'INVITATION_PENDING', 'ROLE_CHANGE_FORBIDDEN')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateInvitationDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<CreatedInvitationView> {
    const { invitation, token } = await this.invitations.create(principal, dto.email, dto.role, ctx);
    return {
      invitation: identityMapper.invitation(invitation, this.clock.now()),
      token,
      acceptPath: `/invitations/accept?token=${encodeURIComponent(token)}`,
    };
  }

  @Get()
  @ApiOperation({ summary: 'Invitations of the acting organization (admin or owner).' })
  @ApiOkResponse({ type: [InvitationView] })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  async list(@CurrentPrincipal() principal: Principal): Promise<InvitationView[]> {
    const now = this.clock.now();
    return (await this.invitations.list(principal)).map((i) => identityMapper.invitation(i, now));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation.' })
  @ApiNoContentResponse()
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'INVITATION_NOT_FOUND', 'INVITATION_USED')
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ReqContext() ctx: RequestContext,
  ): Promise<void> {
    await this.invitations.revoke(principal, id, ctx);
  }

  @Get('preview')
  @Public()
  @ApiOperation({ summary: 'What an invitation token is for (organization, role, e-mail), before signing in.' })
  @ApiOkResponse({ schema: { example: { organizationName: '西湖科创投', organizationKind: 'fund', role: 'member', email: 'a@b.cn' } } })
  @ApiErrors('VALIDATION_FAILED', 'INVITATION_NOT_FOUND', 'INVITATION_EXPIRED', 'INVITATION_USED')
  preview(@Query() dto: InvitationTokenDto) {
    return this.invitations.preview(dto.token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation as the signed-in user (the e-mail must match). New users register with invitationToken instead.' })
  @ApiOkResponse({ schema: { example: { organizationId: 'uuid' } } })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVITATION_NOT_FOUND', 'INVITATION_EXPIRED', 'INVITATION_USED', 'INVITATION_EMAIL_MISMATCH', 'ALREADY_MEMBER')
  accept(@CurrentPrincipal() principal: Principal, @Body() dto: InvitationTokenDto, @ReqContext() ctx: RequestContext) {
    return this.invitations.accept(principal, dto.token, ctx);
  }
}
