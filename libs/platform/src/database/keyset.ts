/**
 * Batched and keyset-paged row selections, for the read ports libs offer one another (an owner's
 * directory reads its own tables; a consumer says which rows, never how).
 */

/** A keyset position: `(updated_at, id)` for watermarks. */
export interface UpdatedCursor {
  /** ISO timestamp with milliseconds (the columns' precision). */
  at: string;
  id: string;
}

export type RowSelection =
  | { by: 'ids'; ids: readonly string[] }
  /** Full scan, ordered by id. */
  | { by: 'page'; afterId: string | null; limit: number }
  /** Watermark catch-up, ordered by (updated_at, id). */
  | { by: 'updated'; after: UpdatedCursor; limit: number };

export interface SelectionSql {
  where: string;
  params: unknown[];
  order: string;
  limit: string;
}

/** WHERE / ORDER BY / LIMIT for a selection over `alias` (columns `id`, `updated_at`), params from $1. */
export function selectionSql(alias: string, sel: RowSelection): SelectionSql {
  switch (sel.by) {
    case 'ids':
      return { where: `${alias}.id = ANY($1::uuid[])`, params: [[...sel.ids]], order: `${alias}.id`, limit: '' };
    case 'page':
      return {
        where: sel.afterId ? `${alias}.id > $1::uuid` : 'TRUE',
        params: sel.afterId ? [sel.afterId] : [],
        order: `${alias}.id`,
        limit: `LIMIT ${Math.max(1, Math.trunc(sel.limit))}`,
      };
    case 'updated':
      return {
        where: `(${alias}.updated_at, ${alias}.id) > ($1::timestamptz, $2::uuid)`,
        params: [sel.after.at, sel.after.id],
        order: `${alias}.updated_at, ${alias}.id`,
        limit: `LIMIT ${Math.max(1, Math.trunc(sel.limit))}`,
      };
  }
}

export const isEmptySelection = (sel: { by: string; ids?: readonly string[] }): boolean =>
  sel.by === 'ids' && (sel.ids?.length ?? 0) === 0;
