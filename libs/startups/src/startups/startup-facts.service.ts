import { Injectable } from '@nestjs/common';
import { Tx, UnitOfWork } from '@app/platform';
import { mapUniqueViolation, Principal, RequestContext } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FiscalYearEntity } from '../entities/fiscal-year.entity';
import { IpItemEntity } from '../entities/ip-item.entity';
import { QualificationHeldEntity } from '../entities/qualification-held.entity';
import { StartupEntity } from '../entities/startup.entity';
import { startupsError } from '../startups.errors';
import { StartupAccess } from './startup-access';
import { fiscalYearProblems } from './startup-input';
import type { FiscalYearDto, IpItemDto, QualificationDto, UpdateIpItemDto } from './startups.dto';

const FISCAL_FIELDS = [
  'headcount',
  'techStaff',
  'rdStaff',
  'revenue',
  'mainBusinessRevenue',
  'highTechRevenue',
  'totalCosts',
  'rdSpend',
  'rdSpendInChina',
  'totalAssets',
  'liabilities',
  'newEquityRaised',
] as const;

/** Fiscal years, IP portfolio and qualifications held: the facts the rubrics read. */
@Injectable()
export class StartupFactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: StartupAccess,
  ) {}

  async fiscalYears(principal: Principal, startupId: string, ctx: RequestContext): Promise<FiscalYearEntity[]> {
    const startup = await this.access.readable(startupId);
    await this.access.readConfidential(principal, startup, 'fiscal_years', ctx);
    return this.dataSource.getRepository(FiscalYearEntity).find({ where: { startupId }, order: { year: 'DESC' } });
  }

  /** Replaces one year's figures (idempotent: the same PUT twice leaves the same row). */
  async putFiscalYear(principal: Principal, startupId: string, year: number, input: FiscalYearDto): Promise<FiscalYearEntity> {
    const problems = fiscalYearProblems(input);
    if (problems.length) throw startupsError('FISCAL_YEAR_INVALID', { field: problems[0].field, problems });
    return this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, startupId);
      const values = Object.fromEntries(FISCAL_FIELDS.map((f) => [f, input[f] ?? null]));
      await tx.em
        .createQueryBuilder()
        .insert()
        .into(FiscalYearEntity)
        .values({ startupId, year, ...values })
        .orUpdate([...FISCAL_FIELDS.map((f) => snake(f)), 'updated_at'], ['startup_id', 'year'])
        .execute();
      await this.touch(tx, startup);
      return tx.em.findOneByOrFail(FiscalYearEntity, { startupId, year });
    });
  }

  async deleteFiscalYear(principal: Principal, startupId: string, year: number): Promise<void> {
    await this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, startupId);
      const result = await tx.em.delete(FiscalYearEntity, { startupId, year });
      if (!result.affected) throw startupsError('FISCAL_YEAR_NOT_FOUND');
      await this.touch(tx, startup);
    });
  }

  async ipItems(principal: Principal, startupId: string, ctx: RequestContext): Promise<IpItemEntity[]> {
    const startup = await this.access.readable(startupId);
    await this.access.readConfidential(principal, startup, 'ip_items', ctx);
    return this.dataSource.getRepository(IpItemEntity).find({ where: { startupId }, order: { createdAt: 'ASC' } });
  }

  async addIpItem(principal: Principal, startupId: string, input: IpItemDto): Promise<IpItemEntity> {
    try {
      return await this.uow.run(async (tx) => {
        const startup = await this.access.writable(tx.em, principal, startupId);
        const item = await tx.em.save(
          tx.em.create(IpItemEntity, {
            startupId,
            type: input.type,
            number: input.number.trim().toUpperCase(),
            title: input.title ?? null,
            status: input.status ?? 'valid',
            tiedToMainProduct: input.tiedToMainProduct ?? true,
            grantedOn: input.grantedOn ?? null,
          }),
        );
        await this.touch(tx, startup);
        return item;
      });
    } catch (err) {
      return mapUniqueViolation(err, { ux_ip_items_startup_type_number: () => startupsError('IP_ITEM_DUPLICATE', { field: 'number' }) });
    }
  }

  async updateIpItem(principal: Principal, startupId: string, itemId: string, input: UpdateIpItemDto): Promise<IpItemEntity> {
    try {
      return await this.uow.run(async (tx) => {
        const startup = await this.access.writable(tx.em, principal, startupId);
        const item = await tx.em.findOneBy(IpItemEntity, { id: itemId, startupId });
        if (!item) throw startupsError('IP_ITEM_NOT_FOUND');
        await tx.em.update(IpItemEntity, { id: itemId }, { ...input, ...(input.number ? { number: input.number.trim().toUpperCase() } : {}) });
        await this.touch(tx, startup);
        return tx.em.findOneByOrFail(IpItemEntity, { id: itemId });
      });
    } catch (err) {
      return mapUniqueViolation(err, { ux_ip_items_startup_type_number: () => startupsError('IP_ITEM_DUPLICATE', { field: 'number' }) });
    }
  }

  async deleteIpItem(principal: Principal, startupId: string, itemId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, startupId);
      const result = await tx.em.delete(IpItemEntity, { id: itemId, startupId });
      if (!result.affected) throw startupsError('IP_ITEM_NOT_FOUND');
      await this.touch(tx, startup);
    });
  }

  /** Certificates held are public information (they are published by the issuing authorities). */
  async qualifications(startupId: string): Promise<QualificationHeldEntity[]> {
    await this.access.readable(startupId);
    return this.dataSource.getRepository(QualificationHeldEntity).find({ where: { startupId }, order: { createdAt: 'ASC' } });
  }

  async addQualification(principal: Principal, startupId: string, input: QualificationDto): Promise<QualificationHeldEntity> {
    if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) {
      throw startupsError('QUALIFICATION_DATES_INVALID', { field: 'validUntil' });
    }
    return this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, startupId);
      const q = await tx.em.save(
        tx.em.create(QualificationHeldEntity, {
          startupId,
          kind: input.kind,
          certificateNumber: input.certificateNumber ?? null,
          validFrom: input.validFrom ?? null,
          validUntil: input.validUntil ?? null,
        }),
      );
      await this.touch(tx, startup);
      return q;
    });
  }

  async deleteQualification(principal: Principal, startupId: string, qualificationId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const startup = await this.access.writable(tx.em, principal, startupId);
      const result = await tx.em.delete(QualificationHeldEntity, { id: qualificationId, startupId });
      if (!result.affected) throw startupsError('QUALIFICATION_NOT_FOUND');
      await this.touch(tx, startup);
    });
  }

  /** A fact changed: bump the profile's updated_at and tell search and matching. */
  private async touch(tx: Tx, startup: StartupEntity): Promise<void> {
    await tx.em.query('UPDATE startups SET updated_at = now() WHERE id = $1', [startup.id]);
    tx.publish({ type: 'startups.startup_changed', startupId: startup.id, organizationId: startup.organizationId });
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
