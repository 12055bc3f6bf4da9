import type { EntityManager } from 'typeorm';
import { TRACKS } from '@app/reference';
import {
  buildMandateDocument,
  buildProjectDocument,
  buildStartupDocument,
  MandateDocument,
  ProjectDocument,
  SearchIndexName,
  StartupDocument,
} from '../indexes';

/**
 * Postgres → search documents, for the three indexes. Plain SQL over the public columns only:
 * figures, IP detail, decks, the qualification report and mandate exclusions have no column in these
 * queries, so they cannot reach an index. Every loader is batched (ids) or keyset-paged.
 */

export type AnyDocument = ProjectDocument | StartupDocument | MandateDocument;

/** A keyset position: `(updated_at, id)` for watermarks, or only `id` for full scans. */
export interface UpdatedCursor {
  /** ISO timestamp with milliseconds (the columns' precision). */
  at: string;
  id: string;
}

export type DocumentSelection =
  | { by: 'ids'; ids: readonly string[] }
  /** Projects of these companies (a company event re-reads them: project documents carry its name). */
  | { by: 'startups'; startupIds: readonly string[] }
  /** Full scan, ordered by id. */
  | { by: 'page'; afterId: string | null; limit: number }
  /** Watermark catch-up, ordered by (updated_at, id). */
  | { by: 'updated'; after: UpdatedCursor; limit: number };

interface Where {
  sql: string;
  params: unknown[];
  order: string;
  limit: string;
}

function where(alias: string, sel: DocumentSelection): Where {
  switch (sel.by) {
    case 'ids':
      return { sql: `${alias}.id = ANY($1::uuid[])`, params: [[...sel.ids]], order: `${alias}.id`, limit: '' };
    case 'startups':
      return {
        sql: `${alias}.startup_id = ANY($1::uuid[])`,
        params: [[...sel.startupIds]],
        order: `${alias}.id`,
        limit: '',
      };
    case 'page':
      return {
        sql: sel.afterId ? `${alias}.id > $1::uuid` : 'TRUE',
        params: sel.afterId ? [sel.afterId] : [],
        order: `${alias}.id`,
        limit: `LIMIT ${Math.max(1, Math.trunc(sel.limit))}`,
      };
    case 'updated':
      return {
        sql: `(${alias}.updated_at, ${alias}.id) > ($1::timestamptz, $2::uuid)`,
        params: [sel.after.at, sel.after.id],
        order: `${alias}.updated_at, ${alias}.id`,
        limit: `LIMIT ${Math.max(1, Math.trunc(sel.limit))}`,
      };
  }
}

const TRACK_LABELS = new Map(TRACKS.map((t) => [t.code, [t.zh, t.en]]));

/** A project's own keywords, then its tracks' names in Chinese and English (so 半导体材料 / semiconductor find the track). */
function projectKeywords(keywords: unknown, tracks: readonly string[]): string[] {
  const out = new Set(strings(keywords));
  for (const t of tracks) for (const label of TRACK_LABELS.get(t) ?? []) out.add(label);
  return [...out];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (...parts: unknown[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .map((p) => p.trim())
    .join('\n');

interface ProjectRow {
  id: string;
  startup_id: string;
  organization_id: string;
  title: string;
  pitch: Record<string, string> | null;
  keywords: string[];
  stage: string | null;
  instruments: string[];
  amount_sought: string | number | null;
  status: 'draft' | 'published' | 'archived';
  published_at: Date | null;
  updated_at: Date;
  startup_name: string;
  tracks: string[];
  region_code: string | null;
}

export async function loadProjectDocuments(em: EntityManager, sel: DocumentSelection): Promise<ProjectDocument[]> {
  if ((sel.by === 'ids' && sel.ids.length === 0) || (sel.by === 'startups' && sel.startupIds.length === 0)) return [];
  const w = where('p', sel);
  // Tracks and region are the company's (a project has none of its own).
  const rows: ProjectRow[] = await em.query(
    `SELECT p.id, p.startup_id, p.organization_id, p.title, p.pitch, p.keywords, p.stage, p.instruments,
            p.amount_sought, p.status, p.published_at, p.updated_at,
            s.legal_name AS startup_name, s.tracks, s.region_code
       FROM projects p JOIN startups s ON s.id = p.startup_id
      WHERE ${w.sql} ORDER BY ${w.order} ${w.limit}`,
    w.params,
  );
  return rows.map((r) => {
    const pitch = r.pitch ?? {};
    return buildProjectDocument({
      id: r.id,
      startupId: r.startup_id,
      organizationId: r.organization_id,
      title: r.title,
      summary: text(pitch.product, pitch.problem),
      pitch: text(pitch.technology, pitch.market, pitch.traction, pitch.team, pitch.competition),
      tracks: strings(r.tracks),
      regionCode: r.region_code?.trim() || null,
      stage: r.stage,
      instruments: strings(r.instruments),
      amountSought: num(r.amount_sought),
      status: r.status,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      startupName: r.startup_name,
      keywords: projectKeywords(r.keywords, strings(r.tracks)),
    });
  });
}

interface StartupRow {
  id: string;
  organization_id: string;
  legal_name: string;
  one_liner: string | null;
  tracks: string[];
  region_code: string | null;
  founded_year: number | null;
  qualifications: string[] | null;
  updated_at: Date;
}

/**
 * Company profiles are public (StartupAccess: profile and published projects are readable by every
 * signed-in user); certificates held are public too (published by the issuing authorities). Only
 * certificates valid today count.
 */
export async function loadStartupDocuments(em: EntityManager, sel: DocumentSelection): Promise<StartupDocument[]> {
  if (sel.by === 'startups') throw new Error('loadStartupDocuments: select by ids, page or updated');
  if (sel.by === 'ids' && sel.ids.length === 0) return [];
  const w = where('s', sel);
  const rows: StartupRow[] = await em.query(
    `SELECT s.id, s.organization_id, s.legal_name, s.one_liner, s.tracks, s.region_code, s.updated_at,
            EXTRACT(YEAR FROM s.founded_on)::int AS founded_year,
            ARRAY(SELECT DISTINCT q.kind FROM startup_qualifications q
                   WHERE q.startup_id = s.id AND (q.valid_until IS NULL OR q.valid_until >= CURRENT_DATE)
                   ORDER BY q.kind) AS qualifications
       FROM startups s
      WHERE ${w.sql} ORDER BY ${w.order} ${w.limit}`,
    w.params,
  );
  return rows.map((r) =>
    buildStartupDocument({
      id: r.id,
      organizationId: r.organization_id,
      name: r.legal_name,
      description: r.one_liner,
      tracks: strings(r.tracks),
      regionCode: r.region_code?.trim() || null,
      qualifications: strings(r.qualifications),
      foundedYear: r.founded_year,
      visibility: 'public',
      updatedAt: r.updated_at,
    }),
  );
}

interface MandateRow {
  id: string;
  organization_id: string;
  org_name: string;
  name: string;
  status: 'active' | 'paused';
  discoverable: boolean;
  terms: {
    thesis?: string;
    thesisKeywords?: string[];
    instruments?: string[];
    stages?: string[];
    tracks?: string[];
    regions?: string[];
    ticketMin?: number;
    ticketMax?: number;
  } | null;
  updated_at: Date;
}

/** Public when discoverable and active; exclusions and weights are never read. */
export async function loadMandateDocuments(em: EntityManager, sel: DocumentSelection): Promise<MandateDocument[]> {
  if (sel.by === 'startups') throw new Error('loadMandateDocuments: select by ids, page or updated');
  if (sel.by === 'ids' && sel.ids.length === 0) return [];
  const w = where('m', sel);
  const rows: MandateRow[] = await em.query(
    `SELECT m.id, m.organization_id, o.name AS org_name, m.name, m.status, m.discoverable, m.updated_at,
            jsonb_build_object(
              'thesis', m.terms->'thesis', 'thesisKeywords', m.terms->'thesisKeywords',
              'instruments', m.terms->'instruments', 'stages', m.terms->'stages', 'tracks', m.terms->'tracks',
              'regions', m.terms->'regions', 'ticketMin', m.terms->'ticketMin', 'ticketMax', m.terms->'ticketMax'
            ) AS terms
       FROM mandates m JOIN organizations o ON o.id = m.organization_id
      WHERE ${w.sql} ORDER BY ${w.order} ${w.limit}`,
    w.params,
  );
  return rows.map((r) => {
    const t = r.terms ?? {};
    return buildMandateDocument({
      id: r.id,
      organizationId: r.organization_id,
      orgName: r.org_name,
      name: r.name,
      thesis: text(t.thesis, strings(t.thesisKeywords).join(' ')),
      instruments: strings(t.instruments),
      stages: strings(t.stages),
      tracks: strings(t.tracks),
      regions: strings(t.regions),
      ticketMin: num(t.ticketMin),
      ticketMax: num(t.ticketMax),
      status: r.status,
      discoverable: r.discoverable,
      updatedAt: r.updated_at,
    });
  });
}

export function loadDocuments(
  em: EntityManager,
  index: SearchIndexName,
  sel: DocumentSelection,
): Promise<AnyDocument[]> {
  switch (index) {
    case 'projects':
      return loadProjectDocuments(em, sel);
    case 'startups':
      return loadStartupDocuments(em, sel);
    case 'mandates':
      return loadMandateDocuments(em, sel);
  }
}

/** The keyset position of a loaded document (its `updatedAt` is epoch ms of a millisecond column). */
export function cursorOf(doc: AnyDocument): UpdatedCursor {
  return { at: new Date(doc.updatedAt).toISOString(), id: doc.id };
}

export function cursorAfter(a: UpdatedCursor, b: UpdatedCursor): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}
