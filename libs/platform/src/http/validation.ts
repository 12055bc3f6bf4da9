import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { LRUCache } from 'lru-cache';
import { platformError } from '../errors/platform.errors';
import { nulCharacterError, nulCharacterPath, undocumentedNulls } from './input-rules';

export interface FieldProblem {
  field: string;
  rules: string[];
  messages: string[];
}

/** Flattens nested class-validator errors into dotted field paths (`fiscalYears.0.revenue`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own: FieldProblem[] = e.constraints
      ? [
          {
            field,
            rules: Object.keys(e.constraints),
            messages: Object.values(e.constraints),
          },
        ]
      : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/**
 * class-validator's pipe plus two of the shared input rules (input-rules.ts), for every body, query
 * and path value: the text rule (no U+0000 anywhere, checked before any transformation) and the
 * null rule (`null` only in fields the DTO documents as `nullable`; `@IsOptional()` alone lets it
 * through to a NOT NULL column).
 */
export class PlatformValidationPipe extends ValidationPipe {
  /**
   * Query DTOs already transformed and validated, per DTO class and raw query: a list polled with the
   * same query (a deal-flow page, a search) paid class-transformer and class-validator every time — a
   * tenth of a cached page's CPU. Only valid results are kept; each request gets its own copy.
   */
  private readonly queries = new WeakMap<object, LRUCache<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const root = typeof metadata.data === 'string' ? metadata.data : '';
      const nul = nulCharacterPath(value, root);
      if (nul) throw nulCharacterError(nul);
    }
    if (
      metadata.type === 'query' &&
      !metadata.data &&
      isDtoClass(metadata.metatype) &&
      value &&
      typeof value === 'object'
    ) {
      const metatype = metadata.metatype as object;
      let cache = this.queries.get(metatype);
      if (!cache) this.queries.set(metatype, (cache = new LRUCache<string, object>({ max: 1_000 })));
      const key = JSON.stringify(value);
      const hit = cache.get(key);
      if (hit) return copyOf(hit);
      const dto = (await super.transform(value, metadata)) as object;
      cache.set(key, copyOf(dto));
      return dto;
    }
    // Nest would read a `null` body as `{}`: a DTO body is an object (no body at all stays "empty").
    if (metadata.type === 'body' && value === null && isDtoClass(metadata.metatype) && !metadata.data) {
      const field = 'body';
      throw platformError('VALIDATION_FAILED', {
        field,
        fields: [{ field, rules: ['isObject'], messages: ['the body must be a JSON object, not null'] }],
      });
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const reported = new Set(fieldProblems(errors).map((p) => p.field));
    const nulls = undocumentedNulls(object).filter(
      (field) => !reported.has(field) && ![...reported].some((r) => field.startsWith(`${r}.`)),
    );
    return [
      ...errors,
      ...nulls.map((field): ValidationError => ({
        property: field,
        constraints: { isNotNull: `${field} must not be null (omit it to leave it unchanged)` },
        children: [],
      })),
    ];
  }
}

const NATIVE: unknown[] = [Object, String, Number, Boolean, Array];
/** A deep copy with the DTO's prototype: a caller that changes its query cannot change the cached one. */
const copyOf = (dto: object): object =>
  Object.setPrototypeOf(structuredClone({ ...dto }), Object.getPrototypeOf(dto) as object);
const isDtoClass = (metatype: unknown) => typeof metatype === 'function' && !NATIVE.includes(metatype);

export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return platformError('VALIDATION_FAILED', { field: fields[0]?.field, fields });
    },
  });
}
