import type { ValueTransformer } from 'typeorm';

/**
 * Money is integer 分 in `bigint` columns. pg returns bigint as a string; we map it to a JS number,
 * exact up to 2^53 分 (≈ ¥90 trillion) — far beyond any company here — and refuse anything larger
 * rather than round it.
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => (value === undefined || value === null ? value : String(value)),
  from: (value: string | null) => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`money value ${value} exceeds the safe integer range`);
    return n;
  },
};

export const moneyColumn = { type: 'bigint' as const, nullable: true, transformer: moneyTransformer };
