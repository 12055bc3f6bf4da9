import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage, Tx, UnitOfWork } from '@app/platform';
import { mapUniqueViolation, Principal } from '@app/identity';
import { StartupEntity } from '../entities/startup.entity';
import { startupsError } from '../startups.errors';
import { Storage, STORAGE } from '../storage/storage';
import { StartupAccess } from './startup-access';
import { normalizeStartupInput } from './startup-input';
import type { StartupInputDto, UpdateStartupDto } from './startups.dto';

export interface StartupListQuery {
  cursor?: string;
  limit: number;
  mine?: boolean;
  track?: string;
  regionPrefix?: string;
}

@Injectable()
export class StartupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: StartupAccess,
    @Inject(STORAGE) private readonly storage: Storage,
  ) {}

  async create(principal: Principal, input: StartupInputDto): Promise<StartupEntity> {
    this.access.assertCanOwnStartups(principal);
    const clean = normalizeStartupInput(input);
    try {
      return await this.uow.run(async (tx) => {
        const startup = await tx.em.save(
          tx.em.create(StartupEntity, {
            ...clean,
            organizationId: principal.organizationId,
            creditCode: clean.creditCode ?? null,
            foundedOn: clean.foundedOn ?? null,
            industry: clean.industry ?? null,
            tracks: clean.tracks ?? [],
            website: clean.website ?? null,
            oneLiner: clean.oneLiner ?? null,
          }),
        );
        this.changed(tx, startup);
        return startup;
      });
    } catch (err) {
      return mapUniqueViolation(err, {
        ux_startups_credit_code: () => startupsError('STARTUP_CREDIT_CODE_TAKEN', { field: 'creditCode' }),
      });
    }
  }

  /** Optimistic: the caller sends the version it read; a concurrent edit makes this a 409, never a lost update. */
  async update(principal: Principal, id: string, input: UpdateStartupDto): Promise<StartupEntity> {
    const { version, ...patch } = input;
    try {
      return await this.uow.run(async (tx) => {
        // Who may write comes first: a stranger learns nothing from the checks of the values.
        const current = await this.access.writable(tx.em, principal, id);
        const clean = normalizeStartupInput(patch);
        if (current.version !== version) {
          throw startupsError('VERSION_CONFLICT', { field: 'version', currentVersion: current.version });
        }
        await tx.em.update(StartupEntity, { id }, clean);
        const startup = await tx.em.findOneByOrFail(StartupEntity, { id });
        this.changed(tx, startup);
        return startup;
      });
    } catch (err) {
      return mapUniqueViolation(err, {
        ux_startups_credit_code: () => startupsError('STARTUP_CREDIT_CODE_TAKEN', { field: 'creditCode' }),
      });
    }
  }

  /** Deletes a company with its projects (cascade), then their deck files after commit. */
  async delete(principal: Principal, id: string): Promise<void> {
    const deckKeys = await this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, id);
      const decks: { key: string }[] = await tx.em.query(
        'SELECT deck_storage_key AS key FROM projects WHERE startup_id = $1 AND deck_storage_key IS NOT NULL',
        [startup.id],
      );
      await tx.em.delete(StartupEntity, { id: startup.id });
      this.changed(tx, startup);
      return decks.map((d) => d.key);
    });
    for (const key of deckKeys) await this.storage.delete(key).catch(() => undefined);
  }

  get(id: string): Promise<StartupEntity> {
    return this.access.readable(id);
  }

  /** Public directory (or, with `mine`, the acting organization's companies), newest first. */
  async list(principal: Principal, query: StartupListQuery): Promise<Page<StartupEntity>> {
    const qb = this.dataSource.getRepository(StartupEntity).createQueryBuilder('s');
    if (query.mine) qb.andWhere('s.organization_id = :org', { org: principal.organizationId });
    if (query.track) qb.andWhere(':track = ANY(s.tracks)', { track: query.track });
    if (query.regionPrefix) qb.andWhere('s.region_code LIKE :region', { region: `${query.regionPrefix}%` });
    if (query.cursor) {
      const [at, cid] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(s.created_at, s.id) < (:at, :cid)', { at, cid });
    }
    // A key that never moves (see ProjectsService.list).
    const rows = await qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (s) => [s.createdAt.toISOString(), s.id]);
  }

  private changed(tx: Tx, startup: StartupEntity): void {
    tx.publish({ type: 'startups.startup_changed', startupId: startup.id, organizationId: startup.organizationId });
  }
}
