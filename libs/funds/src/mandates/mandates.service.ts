import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, platformError, RowCache, toPage, Tx, UnitOfWork } from '@app/platform';
import { AuditService, can, isInvestorOrganization, Principal, RequestContext, type AuditAction } from '@app/identity';
import { MandateEntity } from '../entities/mandate.entity';
import { MandateVersionEntity } from '../entities/mandate-version.entity';
import { MandateVisibility } from '../directory/mandate-directory';
import { fundsError } from '../funds.errors';
import type { CreateMandateDto, MandateTermsDto, UpdateMandateDto } from './mandates.dto';
import {
  DEFAULT_WEIGHTS,
  defaultConstraintTerms,
  normalizeTerms,
  termsProblems,
  type ConstraintTerms,
  type MandateStatus,
  type MandateTerms,
} from './mandate-terms';

const TERM_KEYS = [
  'instruments',
  'stages',
  'ticketMin',
  'ticketMax',
  'tracks',
  'regions',
  'preferredRegions',
  'requiredQualifications',
  'minRdIntensityBp',
  'minClassIIp',
  'minTechStaffShareBp',
  'minTrl',
  'minPledgeableInventionPatents',
  'minInnovationScore',
  'maxCompanyAgeYears',
  'exclusions',
  'thesis',
  'thesisKeywords',
  'weights',
  'creditProduct',
  'linkedMandateId',
  'constraints',
] as const satisfies readonly (keyof MandateTerms)[];

export function termsFromDto(dto: Partial<MandateTermsDto>, base?: MandateTerms): MandateTerms {
  const pick = <K extends keyof MandateTerms>(k: K, fallback: MandateTerms[K]): MandateTerms[K] =>
    (dto as Partial<MandateTerms>)[k] !== undefined
      ? ((dto as Partial<MandateTerms>)[k] as MandateTerms[K])
      : (base?.[k] ?? fallback);
  return normalizeTerms({
    instruments: pick('instruments', []),
    stages: pick('stages', []),
    ticketMin: pick('ticketMin', 0),
    ticketMax: pick('ticketMax', 0),
    tracks: pick('tracks', []),
    regions: pick('regions', []),
    preferredRegions: pick('preferredRegions', []),
    requiredQualifications: pick('requiredQualifications', []),
    minRdIntensityBp: pick('minRdIntensityBp', null),
    minClassIIp: pick('minClassIIp', null),
    minTechStaffShareBp: pick('minTechStaffShareBp', null),
    minTrl: pick('minTrl', null),
    minPledgeableInventionPatents: pick('minPledgeableInventionPatents', null),
    minInnovationScore: pick('minInnovationScore', null),
    maxCompanyAgeYears: pick('maxCompanyAgeYears', null),
    exclusions: {
      tracks: dto.exclusions?.tracks ?? base?.exclusions.tracks ?? [],
      keywords: dto.exclusions?.keywords ?? base?.exclusions.keywords ?? [],
      startupIds: dto.exclusions?.startupIds ?? base?.exclusions.startupIds ?? [],
    },
    thesis: pick('thesis', ''),
    thesisKeywords: pick('thesisKeywords', []),
    weights: dto.weights ? { ...dto.weights } : (base?.weights ?? { ...DEFAULT_WEIGHTS }),
    creditProduct: pick('creditProduct', null),
    linkedMandateId: pick('linkedMandateId', null),
    constraints: constraintsFromDto(dto.constraints, base),
  });
}

/**
 * Modes given are merged over the base version's (or, on a new mandate, the defaults). A version
 * written before soft constraints (`null`) stays `null` until an update names modes.
 */
function constraintsFromDto(dto: MandateTermsDto['constraints'], base?: MandateTerms): ConstraintTerms | null {
  const from = base === undefined ? defaultConstraintTerms() : (base.constraints ?? null);
  if (dto === undefined) return from;
  const start = from ?? defaultConstraintTerms();
  return {
    modes: { ...start.modes, ...dto.modes },
    ticketTolerancePct: dto.ticketTolerancePct ?? start.ticketTolerancePct,
  };
}

const sameTerms = (a: MandateTerms, b: MandateTerms) =>
  TERM_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

export interface MandateListQuery {
  cursor?: string;
  limit: number;
  status?: MandateStatus;
}

@Injectable()
export class MandatesService {
  /**
   * Mandate rows by id for read-only hot paths (a deal-flow page reads its mandate every time).
   * Mandates change only through `update` here, which drops the entry once it committed (or failed);
   * another API process's edits reach this one within the TTL.
   */
  private readonly rows = new RowCache<string, MandateEntity | null>({ max: 5_000, ttlMs: 5_000 });

  /** In-process listeners told after a mandate write committed (or failed): read models of this process. */
  private readonly listeners = new Set<(mandateId: string) => void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /**
   * Calls `listener` with a mandate's id after each create or update here committed (or failed), so a
   * read model in this process (matching's mandate snapshot) re-reads it before its next answer;
   * other processes learn of it through `funds.mandate_changed` on the projection feed.
   */
  onChange(listener: (mandateId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(mandateId: string): void {
    this.rows.invalidate(mandateId);
    for (const l of this.listeners) l(mandateId);
  }

  async create(principal: Principal, dto: CreateMandateDto, ctx: RequestContext | null): Promise<MandateEntity> {
    this.assertCan(principal, 'mandate:write');
    const terms = termsFromDto(dto);
    this.validate(terms, principal);
    return this.uow.run(async (tx) => {
      await this.checkLink(tx.em, principal, terms.linkedMandateId);
      const mandate = await tx.em.save(
        tx.em.create(MandateEntity, {
          organizationId: principal.organizationId,
          kind: principal.organizationKind === 'bank' ? 'bank_product' : 'fund',
          name: dto.name.trim(),
          status: 'active',
          discoverable: dto.discoverable ?? false,
          hideNameOnPass: dto.hideNameOnPass ?? false,
          terms,
          termsVersion: 1,
          linkedMandateId: terms.linkedMandateId,
        }),
      );
      await this.appendVersion(tx, mandate, principal, ctx, 'mandate.created');
      return mandate;
    }).then((mandate) => {
      this.changed(mandate.id);
      return mandate;
    });
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateMandateDto,
    ctx: RequestContext | null,
  ): Promise<MandateEntity> {
    this.assertCan(principal, 'mandate:write');
    try {
      return await this.uow.run(async (tx) => this.updateIn(tx, principal, id, dto, ctx));
    } finally {
      this.changed(id);
    }
  }

  private async updateIn(
    tx: Tx,
    principal: Principal,
    id: string,
    dto: UpdateMandateDto,
    ctx: RequestContext | null,
  ): Promise<MandateEntity> {
    const mandate = await tx.em.findOne(MandateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!mandate || mandate.organizationId !== principal.organizationId) throw fundsError('MANDATE_NOT_FOUND');
    if (mandate.version !== dto.version) {
      throw fundsError('MANDATE_VERSION_CONFLICT', { field: 'version', currentVersion: mandate.version });
    }
    const terms = termsFromDto(dto, mandate.terms);
    this.validate(terms, principal);
    if (terms.linkedMandateId !== mandate.terms.linkedMandateId)
      await this.checkLink(tx.em, principal, terms.linkedMandateId);
    const termsChanged =
      !sameTerms(terms, mandate.terms) || (dto.name !== undefined && dto.name.trim() !== mandate.name);
    mandate.name = dto.name?.trim() ?? mandate.name;
    mandate.status = dto.status ?? mandate.status;
    mandate.discoverable = dto.discoverable ?? mandate.discoverable;
    mandate.hideNameOnPass = dto.hideNameOnPass ?? mandate.hideNameOnPass;
    mandate.terms = terms;
    mandate.linkedMandateId = terms.linkedMandateId;
    if (termsChanged) mandate.termsVersion += 1;
    const saved = await tx.em.save(mandate);
    if (termsChanged) await this.appendVersion(tx, saved, principal, ctx, 'mandate.updated');
    else this.publish(tx, saved);
    return saved;
  }

  /** Own organization: any status. Others: only active, discoverable mandates (what founders may see). */
  async get(principal: Principal, id: string): Promise<MandateEntity> {
    const mandate = await this.dataSource.getRepository(MandateEntity).findOneBy({ id });
    if (!mandate) throw fundsError('MANDATE_NOT_FOUND');
    if (mandate.organizationId === principal.organizationId) this.assertCan(principal, 'mandate:read');
    if (!MandateVisibility.visible(principal, mandate)) throw fundsError('MANDATE_NOT_FOUND');
    return mandate;
  }

  /** A mandate of the principal's own organization (the deal-flow and stated-vs-actual routes). */
  async own(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<MandateEntity> {
    this.assertCan(principal, 'mandate:read');
    const mandate = await em.findOneBy(MandateEntity, { id });
    if (!mandate || mandate.organizationId !== principal.organizationId) throw fundsError('MANDATE_NOT_FOUND');
    return mandate;
  }

  /**
   * `own` for readers that do not write: the same checks, the row from a cache that `update`
   * invalidates. The entity is shared between requests: never modify it.
   */
  async ownForRead(principal: Principal, id: string): Promise<Readonly<MandateEntity>> {
    this.assertCan(principal, 'mandate:read');
    const mandate = await this.rows.get(id, () => this.dataSource.manager.findOneBy(MandateEntity, { id }), (m) => m !== null);
    if (!mandate || mandate.organizationId !== principal.organizationId) throw fundsError('MANDATE_NOT_FOUND');
    return mandate;
  }

  async list(principal: Principal, query: MandateListQuery): Promise<Page<MandateEntity>> {
    this.assertCan(principal, 'mandate:read');
    const qb = this.dataSource
      .getRepository(MandateEntity)
      .createQueryBuilder('m')
      .where('m.organization_id = :org', { org: principal.organizationId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(m.created_at, m.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (m) => [m.createdAt.toISOString(), m.id]);
  }

  async versions(principal: Principal, id: string): Promise<MandateVersionEntity[]> {
    await this.own(principal, id);
    return this.dataSource
      .getRepository(MandateVersionEntity)
      .find({ where: { mandateId: id }, order: { termsVersion: 'DESC' } });
  }

  /** Terms of one recorded version (deals and matches remember the version they were made under). */
  async version(
    mandateId: string,
    termsVersion: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<MandateVersionEntity | null> {
    return em.findOneBy(MandateVersionEntity, { mandateId, termsVersion });
  }

  private assertCan(principal: Principal, action: 'mandate:read' | 'mandate:write'): void {
    if (!isInvestorOrganization(principal.organizationKind)) throw fundsError('MANDATE_ORG_KIND_INVALID');
    if (!can(principal, action, principal.organizationId)) throw platformError('FORBIDDEN', { action });
  }

  private validate(terms: MandateTerms, principal: Principal): void {
    const problems = termsProblems(terms, principal.organizationKind);
    if (problems.length > 0) throw fundsError('MANDATE_INVALID', { field: problems[0].field, problems });
  }

  private async checkLink(em: EntityManager, principal: Principal, linkedId: string | null): Promise<void> {
    if (!linkedId) return;
    const linked = await em.findOneBy(MandateEntity, { id: linkedId });
    // A stranger's hidden mandate looks exactly like a missing one.
    if (
      !linked ||
      !MandateVisibility.visible(principal, linked) ||
      linked.kind !== 'bank_product' ||
      linked.status !== 'active' ||
      linked.organizationId === principal.organizationId
    ) {
      throw fundsError('MANDATE_LINK_INVALID', { field: 'linkedMandateId' });
    }
  }

  private async appendVersion(
    tx: Tx,
    m: MandateEntity,
    principal: Principal,
    ctx: RequestContext | null,
    action: AuditAction,
  ): Promise<void> {
    await tx.em.insert(MandateVersionEntity, {
      mandateId: m.id,
      termsVersion: m.termsVersion,
      name: m.name,
      terms: m.terms as never,
      createdBy: principal.userId,
    });
    await this.audit.record(
      {
        action,
        organizationId: m.organizationId,
        actorUserId: principal.userId,
        actorOrganizationId: principal.organizationId,
        targetType: 'mandate',
        targetId: m.id,
        details: { termsVersion: m.termsVersion },
      },
      ctx,
      tx.em,
    );
    this.publish(tx, m);
  }

  private publish(tx: Tx, m: MandateEntity): void {
    tx.publish({
      type: 'funds.mandate_changed',
      mandateId: m.id,
      organizationId: m.organizationId,
      version: m.termsVersion,
    });
  }
}
