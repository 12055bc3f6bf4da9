import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/platform';
import { CurrentPrincipal } from '../authz/decorators';
import type { Principal } from '../authz/principal';
import { AuditQueryDto } from '../identity.dto';
import { AuditPageView, identityMapper } from '../identity.views';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Security events: sign-ins, revoked sessions, role changes, invitations, access grants, confidential reads.',
    description: 'Org admins see their organization’s events; platform admins see all. Newest first.',
  })
  @ApiOkResponse({ type: AuditPageView })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'INVALID_CURSOR')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<AuditPageView> {
    const page = await this.audit.list(principal, query);
    return { items: page.items.map(identityMapper.audit), nextCursor: page.nextCursor };
  }
}
