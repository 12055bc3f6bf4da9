import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { platformError } from '../errors/platform.errors';

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s `nextCursor`.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

export class PageMetaDto {
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` to get the next page; null at the end.' })
  nextCursor: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export type CursorPart = 'timestamp' | 'uuid' | 'number' | 'string';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART_OK: Record<CursorPart, (v: unknown) => boolean> = {
  // Round-trip: 2024-02-30 parses in JavaScript (as March 1st) but Postgres rejects it.
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v,
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string' && v.length <= 200,
};

/**
 * Decodes a cursor and checks every part against its expected kind, so a tampered cursor is a 400
 * INVALID_CURSOR and never reaches SQL as a malformed uuid or timestamp.
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[]): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === parts.length && parsed.every((v, i) => PART_OK[parts[i]](v))) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through to the domain error
  }
  throw platformError('INVALID_CURSOR', { field: 'cursor' });
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells whether more exist. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
