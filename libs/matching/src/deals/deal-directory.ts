import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { DealStage, PassReason } from './deal-stages';
import { DealEntity } from './deal.entity';
import { DealTransitionEntity } from './deal-transition.entity';

/** A deal's parties and where it stands (engagement records outcomes against it, reporting counts it). */
export interface DealBrief {
  id: string;
  investorOrganizationId: string;
  startupOrganizationId: string;
  projectId: string;
  mandateId: string | null;
  stage: DealStage;
  /** 分. */
  amount: number | null;
  passReason: PassReason | null;
  createdAt: Date;
  stageChangedAt: Date;
  /** Every stage the deal has been in (from its transition history), current one included. */
  reached: DealStage[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Matching's read port for the pipeline: other libs get plain data, matching keeps its tables. */
@Injectable()
export class DealDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async brief(id: string): Promise<DealBrief | null> {
    if (!UUID.test(id)) return null;
    const deal = await this.dataSource.getRepository(DealEntity).findOneBy({ id });
    return deal ? (await this.withReached([deal]))[0] : null;
  }

  /** An investor organization's deals, oldest first. */
  async ofInvestor(investorOrganizationId: string): Promise<DealBrief[]> {
    if (!UUID.test(investorOrganizationId)) return [];
    const deals = await this.dataSource
      .getRepository(DealEntity)
      .find({ where: { investorOrganizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withReached(deals);
  }

  private async withReached(deals: DealEntity[]): Promise<DealBrief[]> {
    const transitions = deals.length
      ? await this.dataSource.getRepository(DealTransitionEntity).find({
          where: { dealId: In(deals.map((d) => d.id)) },
          select: { dealId: true, toStage: true },
        })
      : [];
    const reached = new Map<string, Set<DealStage>>();
    for (const t of transitions) {
      const set = reached.get(t.dealId) ?? new Set<DealStage>();
      set.add(t.toStage);
      reached.set(t.dealId, set);
    }
    return deals.map((d) => ({
      id: d.id,
      investorOrganizationId: d.investorOrganizationId,
      startupOrganizationId: d.startupOrganizationId,
      projectId: d.projectId,
      mandateId: d.mandateId,
      stage: d.stage,
      amount: d.amount,
      passReason: d.passReason,
      createdAt: d.createdAt,
      stageChangedAt: d.stageChangedAt,
      reached: [...new Set([...(reached.get(d.id) ?? []), d.stage])],
    }));
  }
}

/** The pipeline's read port without routes (engagement and reporting import it, in either process). */
@Module({ providers: [DealDirectory], exports: [DealDirectory] })
export class DealsDirectoryModule {}
