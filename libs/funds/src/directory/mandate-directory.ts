import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@app/identity';
import { isEmptySelection, selectionSql, type RowSelection } from '@app/platform';
import { MandateEntity } from '../entities/mandate.entity';
import type { MandateStatus } from '../mandates/mandate-terms';

/** A mandate's public part (what founders may see of a discoverable one); exclusions and weights are never read. */
export interface MandateSearchRow {
  id: string;
  organizationId: string;
  name: string;
  status: MandateStatus;
  discoverable: boolean;
  updatedAt: Date;
  thesis: string | null;
  thesisKeywords: string[];
  instruments: string[];
  stages: string[];
  tracks: string[];
  regions: string[];
  ticketMin: number | null;
  ticketMax: number | null;
}

type Viewer = Pick<Principal, 'organizationId' | 'isPlatformAdmin'>;

/**
 * Who sees a mandate — the one policy: its own organization in any status; everyone else only when
 * it is active and discoverable.
 */
export const MandateVisibility = {
  visible: (viewer: Viewer, m: Pick<MandateEntity, 'organizationId' | 'status' | 'discoverable'>): boolean =>
    m.organizationId === viewer.organizationId || (m.discoverable && m.status === 'active'),
  visibleSql: (alias: string, param: number): string =>
    `((${alias}.discoverable AND ${alias}.status = 'active') OR ${alias}.organization_id = $${param}::uuid)`,
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Funds' read port for other libs (search, matching): batched by ids or keyset-paged. */
@Injectable()
export class MandateDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async searchRows(sel: RowSelection): Promise<MandateSearchRow[]> {
    if (isEmptySelection(sel)) return [];
    const w = selectionSql('m', sel);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.id, m.organization_id, m.name, m.status, m.discoverable, m.updated_at,
              m.terms->'thesis' AS thesis, m.terms->'thesisKeywords' AS thesis_keywords,
              m.terms->'instruments' AS instruments, m.terms->'stages' AS stages, m.terms->'tracks' AS tracks,
              m.terms->'regions' AS regions, m.terms->'ticketMin' AS ticket_min, m.terms->'ticketMax' AS ticket_max
         FROM mandates m
        WHERE ${w.where} ORDER BY ${w.order} ${w.limit}`,
      w.params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      organizationId: r.organization_id as string,
      name: r.name as string,
      status: r.status as MandateStatus,
      discoverable: r.discoverable as boolean,
      updatedAt: r.updated_at as Date,
      thesis: typeof r.thesis === 'string' ? r.thesis : null,
      thesisKeywords: strings(r.thesis_keywords),
      instruments: strings(r.instruments),
      stages: strings(r.stages),
      tracks: strings(r.tracks),
      regions: strings(r.regions),
      ticketMin: num(r.ticket_min),
      ticketMax: num(r.ticket_max),
    }));
  }

  /** Every mandate of these organizations (their documents carry the organization's name). */
  async idsOfOrganizations(organizationIds: readonly string[]): Promise<string[]> {
    if (organizationIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM mandates WHERE organization_id = ANY($1::uuid[])',
      [[...organizationIds]],
    );
    return rows.map((r) => r.id);
  }

  /** The ids among these the principal may see (MandateVisibility). */
  async visibleIds(principal: Principal, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT m.id FROM mandates m WHERE m.id = ANY($1::uuid[]) AND ${MandateVisibility.visibleSql('m', 2)}`,
      [[...ids], principal.organizationId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Active, discoverable mandates (what founders may match against), oldest first. */
  discoverable(limit: number): Promise<MandateEntity[]> {
    return this.dataSource
      .getRepository(MandateEntity)
      .find({ where: { status: 'active', discoverable: true }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Every active, discoverable mandate, a keyset page by id (matching's mandate snapshot reads them all). */
  discoverablePage(afterId: string | null, limit: number): Promise<MandateEntity[]> {
    const qb = this.dataSource
      .getRepository(MandateEntity)
      .createQueryBuilder('m')
      .where("m.status = 'active' AND m.discoverable");
    if (afterId) qb.andWhere('m.id > :afterId', { afterId });
    return qb.orderBy('m.id', 'ASC').take(limit).getMany();
  }

  /** These mandates in any status (a read model re-reads what an event named). */
  byIds(ids: readonly string[]): Promise<MandateEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MandateEntity).findBy({ id: In([...new Set(ids)]) });
  }

  /** The active, discoverable mandates of these organizations (an organizer ranks its applicants by them). */
  discoverableOf(organizationIds: readonly string[]): Promise<MandateEntity[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MandateEntity).find({
      where: { status: 'active', discoverable: true, organizationId: In([...new Set(organizationIds)]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** Every active mandate (discoverable or not), oldest first: the investors' daily digest runs over them. */
  active(): Promise<MandateEntity[]> {
    return this.dataSource
      .getRepository(MandateEntity)
      .find({ where: { status: 'active' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Whether each mandate hides its fund's name on passes. */
  async hidesNameOnPass(ids: readonly string[]): Promise<Map<string, boolean>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(MandateEntity)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, hideNameOnPass: true } });
    return new Map(rows.map((m) => [m.id, m.hideNameOnPass]));
  }
}
