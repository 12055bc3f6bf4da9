import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { errorDefinition } from '../errors/domain-error';

/**
 * Documents the error codes a route can answer, grouped by status, all with the ErrorBody schema.
 * Codes must already be registered (importing the lib's `*.errors.ts` does that).
 */
export function ApiErrors(...codes: string[]) {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const def = errorDefinition(code);
    if (!def) throw new Error(`ApiErrors: unknown error code ${code}`);
    byStatus.set(def.status, [...(byStatus.get(def.status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        description: list.map((c) => `\`${c}\``).join(', '),
        schema: { $ref: '#/components/schemas/ErrorBody' },
      }),
    ),
  );
}
