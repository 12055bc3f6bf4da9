import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { platformError } from '@app/platform';
import type { AuthenticatedRequest } from './auth.guard';
import type { Principal, RequestContext } from './principal';

/** The acting principal; routes that use it are never public. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw platformError('UNAUTHENTICATED');
  return principal;
});

/** IP, user agent and request id, for audit rows (services never see the Request object). */
export const ReqContext = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
});
