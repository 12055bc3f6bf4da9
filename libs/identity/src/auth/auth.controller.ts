import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import { ApiErrors, Public } from '@app/platform';
import { CurrentPrincipal, ReqContext } from '../authz/decorators';
import type { Principal, RequestContext } from '../authz/principal';
import { AuthResultDto, LoginDto, RefreshDto, RegisterDto, SwitchOrganizationDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
@UseGuards(LoginThrottlerGuard)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create an account with a new organization (as owner) or by accepting an invitation.' })
  @ApiCreatedResponse({ type: AuthResultDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'EMAIL_INVALID',
    'PASSWORD_TOO_WEAK',
    'CREDIT_CODE_INVALID',
    'REGION_CODE_INVALID',
    'EMAIL_TAKEN',
    'CREDIT_CODE_TAKEN',
    'INVITATION_NOT_FOUND',
    'INVITATION_EXPIRED',
    'INVITATION_EMAIL_MISMATCH',
    'LOGIN_THROTTLED',
  )
  register(@Body() dto: RegisterDto, @ReqContext() ctx: RequestContext): Promise<AuthResultDto> {
    return this.auth.register(dto, ctx);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in. Throttled per e-mail and per IP (429 with Retry-After).' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_INVALID', 'INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'NOT_A_MEMBER', 'LOGIN_THROTTLED')
  login(@Body() dto: LoginDto, @ReqContext() ctx: RequestContext): Promise<AuthResultDto> {
    return this.auth.login(dto.email, dto.password, dto.organizationId, ctx);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @SkipThrottle({ email: true })
  @Throttle({ ip: { limit: 120, ttl: 60_000 } })
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (rotation; reuse revokes the session).' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiErrors('VALIDATION_FAILED', 'REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'LOGIN_THROTTLED')
  refresh(@Body() dto: RefreshDto, @ReqContext() ctx: RequestContext): Promise<AuthResultDto> {
    return this.auth.refresh(dto.refreshToken, ctx);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  // Ending a session needs a 256-bit token nobody can guess: no reason to spend the login budget.
  @SkipThrottle({ email: true, ip: true })
  @ApiOperation({ summary: 'End the session this refresh token belongs to (all of its tokens).' })
  @ApiNoContentResponse()
  @ApiErrors('VALIDATION_FAILED')
  async logout(@Body() dto: RefreshDto, @ReqContext() ctx: RequestContext): Promise<void> {
    await this.auth.logout(dto.refreshToken, ctx);
  }

  @Post('switch-organization')
  @ApiBearerAuth()
  @HttpCode(200)
  @SkipThrottle({ email: true, ip: true })
  @ApiOperation({ summary: 'Act in another organization you belong to: returns tokens for a new session there.' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiErrors('UNAUTHENTICATED', 'ORGANIZATION_NOT_FOUND')
  switchOrganization(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: SwitchOrganizationDto,
    @ReqContext() ctx: RequestContext,
  ): Promise<AuthResultDto> {
    return this.auth.switchOrganization(principal, dto.organizationId, ctx);
  }
}
