import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation';

class ListQuery {
  @Type(() => Number) @IsInt() @Min(1) @Max(100) @IsOptional() limit?: number;
  @IsIn(['full', 'compact']) @IsOptional() view?: 'full' | 'compact';
}

const asQuery = { type: 'query', metatype: ListQuery } as const;

describe('validated query DTOs kept per class and raw query', () => {
  it('answers the same DTO for the same query, a fresh copy each time: a caller changing its query changes no one else’s', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ limit: '50', view: 'compact' }, asQuery)) as ListQuery;
    first.limit = 7;
    const second = (await pipe.transform({ limit: '50', view: 'compact' }, asQuery)) as ListQuery;
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual(Object.assign(new ListQuery(), { limit: 50, view: 'compact' }));
    const third = (await pipe.transform({ limit: '50', view: 'compact' }, asQuery)) as ListQuery;
    expect(third).not.toBe(second);
    expect(third.limit).toBe(50);
  });

  it('still refuses an invalid query every time (refusals are not kept)', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      const refused = await pipe.transform({ limit: '500' }, asQuery).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('VALIDATION_FAILED');
      expect((refused as DomainError).details).toMatchObject({ field: 'limit' });
    }
  });

  it('tells queries apart by every value', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ limit: '20' }, asQuery)).resolves.toMatchObject({ limit: 20 });
    await expect(pipe.transform({ limit: '30' }, asQuery)).resolves.toMatchObject({ limit: 30 });
    await expect(pipe.transform({ limit: '20', view: 'full' }, asQuery)).resolves.toMatchObject({
      limit: 20,
      view: 'full',
    });
  });
});
