import { F, FilterExpr, SearchDocument, SearchSettings } from './port';

/**
 * The three searchable collections: their settings and pure builders from plain input objects.
 *
 * Every document carries `visibility` ('public' | 'organization') and `organizationId`, so the caller
 * always filters `visibility = public OR organizationId = <acting org>` (see `visibilityFilter`) and
 * re-checks hits against permissions. Confidential data (revenue, R&D spend, headcount, IP detail,
 * decks) has no field here: a builder cannot leak what it is never given a slot for.
 */

export type SearchIndexName = 'projects' | 'startups' | 'mandates';
export const SEARCH_INDEX_NAMES: readonly SearchIndexName[] = ['projects', 'startups', 'mandates'];

export type DocumentVisibility = 'public' | 'organization';

const COMMON_SYNONYMS: Record<string, string[]> = {
  ai: ['人工智能'],
  人工智能: ['ai'],
  芯片: ['集成电路', 'chip'],
  集成电路: ['芯片'],
  chip: ['芯片'],
  半导体: ['semiconductor'],
  semiconductor: ['半导体'],
  新能源: ['new energy'],
  机器人: ['robot', 'robotics'],
  robot: ['机器人'],
  低空经济: ['low altitude'],
  专精特新: ['srdi'],
};

// ------------------------------------------------------------------ projects

export interface ProjectSearchInput {
  id: string;
  startupId: string;
  organizationId: string;
  title: string;
  summary?: string | null;
  pitch?: string | null;
  tracks: readonly string[];
  regionCode?: string | null;
  stage?: string | null;
  instruments: readonly string[];
  /** Money in 分 (integer). */
  amountSought?: number | null;
  status: 'draft' | 'published' | 'archived';
  publishedAt?: Date | string | null;
  updatedAt: Date | string;
  startupName: string;
  keywords?: readonly string[];
}

export interface ProjectDocument extends SearchDocument {
  kind: 'project';
  startupId: string;
  organizationId: string;
  visibility: DocumentVisibility;
  title: string;
  summary: string;
  pitch: string;
  startupName: string;
  keywords: string[];
  tracks: string[];
  regionCode: string | null;
  /** Province prefix of the region code (2 digits), for "all of Zhejiang". */
  provinceCode: string | null;
  /** City prefix of the region code (4 digits), for "all of 无锡". */
  cityCode: string | null;
  stage: string | null;
  instruments: string[];
  amountSought: number | null;
  status: 'draft' | 'published' | 'archived';
  /** Epoch milliseconds (numbers filter and sort on both adapters). */
  publishedAt: number | null;
  updatedAt: number;
}

export const PROJECT_SEARCH_SETTINGS: SearchSettings = {
  searchableAttributes: ['title', 'startupName', 'keywords', 'summary', 'pitch'],
  filterableAttributes: [
    'visibility',
    'organizationId',
    'startupId',
    'status',
    'tracks',
    'regionCode',
    'provinceCode',
    'cityCode',
    'stage',
    'instruments',
    'amountSought',
    'publishedAt',
  ],
  sortableAttributes: ['amountSought', 'publishedAt', 'updatedAt'],
  synonyms: COMMON_SYNONYMS,
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc'],
};

/** Only published projects are public; drafts and archived ones are visible to their organization only. */
export function buildProjectDocument(p: ProjectSearchInput): ProjectDocument {
  return {
    id: p.id,
    kind: 'project',
    startupId: p.startupId,
    organizationId: p.organizationId,
    visibility: p.status === 'published' ? 'public' : 'organization',
    title: p.title,
    summary: p.summary ?? '',
    pitch: p.pitch ?? '',
    startupName: p.startupName,
    keywords: [...(p.keywords ?? [])],
    tracks: [...p.tracks],
    regionCode: p.regionCode ?? null,
    provinceCode: p.regionCode ? p.regionCode.slice(0, 2) : null,
    cityCode: p.regionCode ? p.regionCode.slice(0, 4) : null,
    stage: p.stage ?? null,
    instruments: [...p.instruments],
    amountSought: toInteger(p.amountSought),
    status: p.status,
    publishedAt: toEpochMs(p.publishedAt),
    updatedAt: toEpochMs(p.updatedAt) ?? 0,
  };
}

// ------------------------------------------------------------------ startups

export interface StartupSearchInput {
  id: string;
  organizationId: string;
  name: string;
  description?: string | null;
  tracks: readonly string[];
  regionCode?: string | null;
  /** Qualification kinds held (高新技术企业, 专精特新 …), by code. */
  qualifications?: readonly string[];
  foundedYear?: number | null;
  /**
   * 'public': listed in the directory; 'private': only its organization; 'confidential': the profile
   * exists but only the owner and grantees see it — indexed for the owner only.
   */
  visibility: 'public' | 'confidential' | 'private';
  updatedAt: Date | string;
}

export interface StartupDocument extends SearchDocument {
  kind: 'startup';
  organizationId: string;
  visibility: DocumentVisibility;
  name: string;
  description: string;
  tracks: string[];
  regionCode: string | null;
  provinceCode: string | null;
  /** City prefix of the region code (4 digits), for "all of 无锡". */
  cityCode: string | null;
  qualifications: string[];
  foundedYear: number | null;
  updatedAt: number;
}

export const STARTUP_SEARCH_SETTINGS: SearchSettings = {
  searchableAttributes: ['name', 'description', 'tracks'],
  filterableAttributes: ['visibility', 'organizationId', 'tracks', 'regionCode', 'provinceCode', 'cityCode', 'qualifications', 'foundedYear'],
  sortableAttributes: ['foundedYear', 'updatedAt'],
  synonyms: COMMON_SYNONYMS,
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'updatedAt:desc'],
};

/** Never revenue, R&D or headcount figures: the input type has no place for them. */
export function buildStartupDocument(s: StartupSearchInput): StartupDocument {
  return {
    id: s.id,
    kind: 'startup',
    organizationId: s.organizationId,
    visibility: s.visibility === 'public' ? 'public' : 'organization',
    name: s.name,
    // A confidential company's description stays out of the index even for its owner's searches.
    description: s.visibility === 'confidential' ? '' : (s.description ?? ''),
    tracks: [...s.tracks],
    regionCode: s.regionCode ?? null,
    provinceCode: s.regionCode ? s.regionCode.slice(0, 2) : null,
    cityCode: s.regionCode ? s.regionCode.slice(0, 4) : null,
    qualifications: [...(s.qualifications ?? [])],
    foundedYear: toInteger(s.foundedYear),
    updatedAt: toEpochMs(s.updatedAt) ?? 0,
  };
}

// ------------------------------------------------------------------ mandates

export interface MandateSearchInput {
  id: string;
  organizationId: string;
  orgName: string;
  name: string;
  thesis?: string | null;
  instruments: readonly string[];
  stages: readonly string[];
  tracks: readonly string[];
  regions: readonly string[];
  /** 分 (integer). */
  ticketMin?: number | null;
  ticketMax?: number | null;
  status: 'draft' | 'active' | 'paused' | 'closed';
  /** Whether founders may find this mandate at all. */
  discoverable: boolean;
  updatedAt: Date | string;
}

export interface MandateDocument extends SearchDocument {
  kind: 'mandate';
  organizationId: string;
  visibility: DocumentVisibility;
  orgName: string;
  name: string;
  thesis: string;
  instruments: string[];
  stages: string[];
  tracks: string[];
  regions: string[];
  ticketMin: number | null;
  ticketMax: number | null;
  status: string;
  updatedAt: number;
}

export const MANDATE_SEARCH_SETTINGS: SearchSettings = {
  searchableAttributes: ['name', 'orgName', 'thesis', 'tracks'],
  filterableAttributes: ['visibility', 'organizationId', 'status', 'instruments', 'stages', 'tracks', 'regions', 'ticketMin', 'ticketMax'],
  sortableAttributes: ['ticketMin', 'ticketMax', 'updatedAt'],
  synonyms: COMMON_SYNONYMS,
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'updatedAt:desc'],
};

/** Public only when discoverable and active; otherwise only the fund's own organization finds it. */
export function buildMandateDocument(m: MandateSearchInput): MandateDocument {
  return {
    id: m.id,
    kind: 'mandate',
    organizationId: m.organizationId,
    visibility: m.discoverable && m.status === 'active' ? 'public' : 'organization',
    orgName: m.orgName,
    name: m.name,
    thesis: m.thesis ?? '',
    instruments: [...m.instruments],
    stages: [...m.stages],
    tracks: [...m.tracks],
    regions: [...m.regions],
    ticketMin: toInteger(m.ticketMin),
    ticketMax: toInteger(m.ticketMax),
    status: m.status,
    updatedAt: toEpochMs(m.updatedAt) ?? 0,
  };
}

export const SEARCH_INDEX_SETTINGS: Readonly<Record<SearchIndexName, SearchSettings>> = {
  projects: PROJECT_SEARCH_SETTINGS,
  startups: STARTUP_SEARCH_SETTINGS,
  mandates: MANDATE_SEARCH_SETTINGS,
};

/**
 * What the acting organization may find: public documents, plus its own organization-only ones.
 * AND it with the user's filter: `F.and(visibilityFilter(orgId), userFilter)`.
 */
export function visibilityFilter(organizationId: string | null | undefined): FilterExpr {
  return organizationId ? F.or(F.eq('visibility', 'public'), F.eq('organizationId', organizationId)) : F.eq('visibility', 'public');
}

// ------------------------------------------------------------------ helpers

function toEpochMs(value: Date | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function toInteger(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
}
