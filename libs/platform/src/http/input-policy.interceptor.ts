import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { platformError } from '../errors/platform.errors';
import { documentedFields } from './input-rules';

const MULTIPART = 'multipart/form-data';

/**
 * The route-level input rules (see input-rules.ts), after authentication and before the pipes:
 *
 * - the content type must be what the route consumes: multipart only where the route declares
 *   `@ApiConsumes('multipart/form-data')` (the same declaration the OpenAPI document shows), JSON
 *   everywhere else — `415 UNSUPPORTED_MEDIA_TYPE` with `details.accepted`;
 * - a PATCH must change something: its body is an object with at least one field the DTO documents
 *   as optional (a required one, like the `version` you edited, is a precondition, not a change) —
 *   `400 PATCH_EMPTY` with `details.fields` (what may be changed).
 */
@Injectable()
export class InputPolicyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const handler = context.getHandler();
    const controller = context.getClass();

    const consumes: string[] =
      Reflect.getMetadata(DECORATORS.API_CONSUMES, handler) ??
      Reflect.getMetadata(DECORATORS.API_CONSUMES, controller) ??
      [];
    const wantsMultipart = consumes.includes(MULTIPART);
    const isMultipart = typeof request.isMultipart === 'function' && request.isMultipart();
    if (isMultipart && !wantsMultipart)
      throw platformError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['application/json'] });
    if (wantsMultipart && !isMultipart) throw platformError('UNSUPPORTED_MEDIA_TYPE', { accepted: [MULTIPART] });

    if (request.method === 'PATCH') {
      const fields = documentedFields(bodyType(controller, handler));
      const changeable = fields.filter((f) => !f.required).map((f) => f.name);
      const preconditions = new Set(fields.filter((f) => f.required).map((f) => f.name));
      const body = request.body as unknown;
      const empty =
        body === undefined ||
        body === null ||
        (typeof body === 'object' && !Array.isArray(body) && !Object.keys(body).some((k) => !preconditions.has(k)));
      if (changeable.length && empty) throw platformError('PATCH_EMPTY', { fields: changeable });
    }
    return next.handle();
  }
}

interface RouteArg {
  index: number;
  data?: unknown;
}

/** The DTO class of the handler's whole-body parameter (`@Body() dto: X`), if it has one. */
function bodyType(controller: object, handler: { name: string }): unknown {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {};
  const body = Object.entries(args).find(
    ([key, arg]) => key.split(':')[0] === String(RouteParamtypes.BODY) && arg.data === undefined,
  );
  if (!body) return undefined;
  const types: unknown[] =
    Reflect.getMetadata('design:paramtypes', (controller as { prototype: object }).prototype, handler.name) ?? [];
  return types[body[1].index];
}
