import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/platform';
import { CurrentPrincipal } from '../authz/decorators';
import type { Principal } from '../authz/principal';
import { UpdateProfileDto } from '../identity.dto';
import { MeView } from '../identity.views';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Who am I: profile, acting organization and role, all memberships.' })
  @ApiOkResponse({ type: MeView })
  @ApiErrors('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'SESSION_REVOKED')
  me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.users.me(principal);
  }

  @Patch()
  @ApiOperation({ summary: 'Update my display name, locale or mobile.' })
  @ApiOkResponse({ type: MeView })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED')
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateProfileDto): Promise<MeView> {
    return this.users.updateProfile(principal, dto);
  }
}
