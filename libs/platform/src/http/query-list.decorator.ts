import { Transform } from 'class-transformer';

/** A list in a query string: `?track=a&track=b` and `?track=a,b` both become ['a', 'b']. */
export const QueryList = () =>
  Transform(({ value }: { value: unknown }) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((v) => String(v).split(','))
          .map((v) => v.trim())
          .filter(Boolean),
  );
