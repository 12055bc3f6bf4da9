import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { lastValueFrom, map, of, type Observable } from 'rxjs';
import { InterceptorChain } from './interceptor-chain';

const context = {} as ExecutionContext;

/** Records its name on the way in and wraps the answer on the way out, like a real interceptor. */
function tagging(name: string, seen: string[]): NestInterceptor {
  return {
    intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
      seen.push(name);
      return next.handle().pipe(map((v) => `${name}(${String(v)})`));
    },
  };
}

describe('the global interceptors as one chain', () => {
  it('runs them in order, each around the next, the handler innermost', async () => {
    const seen: string[] = [];
    const chain = new InterceptorChain([tagging('rate', seen), tagging('input', seen), tagging('idem', seen)]);
    const handler: CallHandler = { handle: () => of('page') };
    await expect(lastValueFrom(chain.intercept(context, handler))).resolves.toBe('rate(input(idem(page)))');
    expect(seen).toEqual(['rate', 'input', 'idem']);
  });

  it('a refusal stops the chain before the handler runs', () => {
    let handled = false;
    const refusing: NestInterceptor = {
      intercept: () => {
        throw new Error('UNSUPPORTED_MEDIA_TYPE');
      },
    };
    const chain = new InterceptorChain([tagging('rate', []), refusing, tagging('idem', [])]);
    const handler: CallHandler = {
      handle: () => {
        handled = true;
        return of('page');
      },
    };
    expect(() => chain.intercept(context, handler)).toThrow('UNSUPPORTED_MEDIA_TYPE');
    expect(handled).toBe(false);
  });

  it('takes an interceptor that answers a promise of its observable', async () => {
    const later: NestInterceptor = { intercept: async (_ctx, next) => next.handle() };
    const chain = new InterceptorChain([later, tagging('idem', [])]);
    await expect(lastValueFrom(chain.intercept(context, { handle: () => of('page') }))).resolves.toBe('idem(page)');
  });
});
