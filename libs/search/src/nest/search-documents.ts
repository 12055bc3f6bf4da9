import type { DataSource } from 'typeorm';
import { MandateDirectory } from '@app/funds';
import { OrganizationDirectory } from '@app/identity';
import type { RowSelection, UpdatedCursor } from '@app/platform';
import { TRACKS } from '@app/reference';
import { ProjectDirectory, type ProjectSelection } from '@app/startups';
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
 * Owners' rows → search documents, for the three indexes. Search reads nothing of its own: projects
 * and companies come from startups' ProjectDirectory, mandates from funds' MandateDirectory, fund
 * names from identity's OrganizationDirectory — public columns only (figures, IP detail, decks, the
 * qualification report and mandate exclusions have no field there), batched or keyset-paged.
 */

export type AnyDocument = ProjectDocument | StartupDocument | MandateDocument;
export type { UpdatedCursor };

/** Rows by id, page or watermark; for projects also every project of these companies. */
export type DocumentSelection = ProjectSelection;

/** The owners' read ports search builds documents from. */
export interface DocumentSources {
  projects: ProjectDirectory;
  mandates: MandateDirectory;
  organizations: OrganizationDirectory;
}

export function documentSources(dataSource: DataSource): DocumentSources {
  return {
    projects: new ProjectDirectory(dataSource),
    mandates: new MandateDirectory(dataSource),
    organizations: new OrganizationDirectory(dataSource),
  };
}

function rowSelection(sel: DocumentSelection, what: string): RowSelection {
  if (sel.by === 'startups') throw new Error(`${what}: select by ids, page or updated`);
  return sel;
}

const TRACK_LABELS = new Map(TRACKS.map((t) => [t.code, [t.zh, t.en]]));

/** A project's own keywords, then its tracks' names in Chinese and English (so 半导体材料 / semiconductor find the track). */
function projectKeywords(keywords: unknown, tracks: readonly string[]): string[] {
  const out = new Set(strings(keywords));
  for (const t of tracks) for (const label of TRACK_LABELS.get(t) ?? []) out.add(label);
  return [...out];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (...parts: unknown[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .map((p) => p.trim())
    .join('\n');

export async function loadProjectDocuments(src: DocumentSources, sel: DocumentSelection): Promise<ProjectDocument[]> {
  const rows = await src.projects.searchRows(sel);
  return rows.map((r) => {
    const pitch = r.pitch ?? {};
    return buildProjectDocument({
      id: r.id,
      startupId: r.startupId,
      organizationId: r.organizationId,
      title: r.title,
      summary: text(pitch.product, pitch.problem),
      pitch: text(pitch.technology, pitch.market, pitch.traction, pitch.team, pitch.competition),
      tracks: r.tracks,
      regionCode: r.regionCode,
      stage: r.stage,
      instruments: r.instruments,
      amountSought: r.amountSought,
      status: r.status,
      publishedAt: r.publishedAt,
      updatedAt: r.updatedAt,
      startupName: r.startupName,
      keywords: projectKeywords(r.keywords, r.tracks),
    });
  });
}

/** Company profiles are public (StartupAccess); so are the certificates valid today. */
export async function loadStartupDocuments(src: DocumentSources, sel: DocumentSelection): Promise<StartupDocument[]> {
  const rows = await src.projects.startupSearchRows(rowSelection(sel, 'loadStartupDocuments'));
  return rows.map((r) =>
    buildStartupDocument({
      id: r.id,
      organizationId: r.organizationId,
      name: r.name,
      description: r.oneLiner,
      tracks: r.tracks,
      regionCode: r.regionCode,
      qualifications: r.qualifications,
      foundedYear: r.foundedYear,
      visibility: 'public',
      updatedAt: r.updatedAt,
    }),
  );
}

/** Public when discoverable and active (MandateVisibility); exclusions and weights are never read. */
export async function loadMandateDocuments(src: DocumentSources, sel: DocumentSelection): Promise<MandateDocument[]> {
  const rows = await src.mandates.searchRows(rowSelection(sel, 'loadMandateDocuments'));
  const names = await src.organizations.names(rows.map((r) => r.organizationId));
  return rows
    .filter((r) => names.has(r.organizationId))
    .map((r) =>
      buildMandateDocument({
        id: r.id,
        organizationId: r.organizationId,
        orgName: names.get(r.organizationId)!,
        name: r.name,
        thesis: text(r.thesis, r.thesisKeywords.join(' ')),
        instruments: r.instruments,
        stages: r.stages,
        tracks: r.tracks,
        regions: r.regions,
        ticketMin: r.ticketMin,
        ticketMax: r.ticketMax,
        status: r.status,
        discoverable: r.discoverable,
        updatedAt: r.updatedAt,
      }),
    );
}

export function loadDocuments(
  src: DocumentSources,
  index: SearchIndexName,
  sel: DocumentSelection,
): Promise<AnyDocument[]> {
  switch (index) {
    case 'projects':
      return loadProjectDocuments(src, sel);
    case 'startups':
      return loadStartupDocuments(src, sel);
    case 'mandates':
      return loadMandateDocuments(src, sel);
  }
}

/** The keyset position of a loaded document (its `updatedAt` is epoch ms of a millisecond column). */
export function cursorOf(doc: AnyDocument): UpdatedCursor {
  return { at: new Date(doc.updatedAt).toISOString(), id: doc.id };
}

export function cursorAfter(a: UpdatedCursor, b: UpdatedCursor): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}
