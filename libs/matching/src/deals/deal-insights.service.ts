import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationDirectory, Principal } from '@app/identity';
import { MandateDirectory, MandatesService, type MandateEntity } from '@app/funds';
import { ProjectDirectory, startupsError } from '@app/startups';
import { DEAL_STAGES, ENGAGED_STAGES, type DealStage, type PassReasonCode } from './deal-stages';
import { DealEntity } from './deal.entity';
import { DealTransitionEntity } from './deal-transition.entity';
import { statedVsActual, type DealFacts, type StatedVsActual } from './stated-vs-actual';
import { PortfolioService } from '../portfolio/portfolio.service';
import type { SuggestedMandate } from '../portfolio/suggested-mandate';

/** One investor's deal on a founder's project, as the founder may see it. */
export interface DealFeedback {
  stage: DealStage;
  stageChangedAt: Date;
  passReason: { code: PassReasonCode; text: string | null } | null;
  /** Null when the deal is passed and its mandate hides the investor's name on passes. */
  investorOrganizationId: string | null;
  investorName: string | null;
  investorNameHidden: boolean;
  /** The agreed amount once a term sheet exists (the founder negotiated it); null before. */
  amount: number | null;
}

export const HIDDEN_INVESTOR_LABEL = { zh: '一家投资机构', en: 'An investor' } as const;

/** Stages at which founders see the deal's agreed amount (they are a party to the term sheet). */
const FOUNDER_AMOUNT_STAGES: readonly DealStage[] = ['term_sheet', 'signed', 'disbursed'];

@Injectable()
export class DealInsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mandates: MandatesService,
    private readonly projects: ProjectDirectory,
    private readonly mandateDirectory: MandateDirectory,
    private readonly organizations: OrganizationDirectory,
    private readonly portfolio: PortfolioService,
  ) {}

  /**
   * Founders' view of every deal on one of their projects: stage, when it moved and, for passes,
   * the structured reason. Never the investors' notes, scores, mandates or members. Investor names
   * are hidden on passed deals whose mandate has `hideNameOnPass`.
   */
  async feedback(principal: Principal, projectId: string): Promise<DealFeedback[]> {
    const project = await this.projects.readable(principal, projectId);
    if (!project || project.organizationId !== principal.organizationId) throw startupsError('PROJECT_NOT_FOUND');
    const deals = await this.dataSource.getRepository(DealEntity).find({
      where: { projectId, startupOrganizationId: principal.organizationId },
      order: { stageChangedAt: 'DESC', id: 'DESC' },
    });
    if (deals.length === 0) return [];
    const mandateIds = [...new Set(deals.map((d) => d.mandateId).filter((id): id is string => id !== null))];
    const [names, hides] = await Promise.all([
      this.organizations.names(deals.map((d) => d.investorOrganizationId)),
      this.mandateDirectory.hidesNameOnPass(mandateIds),
    ]);
    return deals.map((d) => {
      const hidden = d.stage === 'passed' && d.mandateId !== null && hides.get(d.mandateId) === true;
      return {
        stage: d.stage,
        stageChangedAt: d.stageChangedAt,
        passReason: d.passReason ? { code: d.passReason.code, text: d.passReason.text ?? null } : null,
        investorOrganizationId: hidden ? null : d.investorOrganizationId,
        investorName: hidden ? null : (names.get(d.investorOrganizationId) ?? null),
        investorNameHidden: hidden,
        amount: FOUNDER_AMOUNT_STAGES.includes(d.stage) ? d.amount : null,
      };
    });
  }

  /** Stated vs actual for one of the principal's mandates (current terms vs every deal opened under it). */
  async statedVsActual(
    principal: Principal,
    mandateId: string,
  ): Promise<{ mandate: MandateEntity; figure: StatedVsActual; suggested: SuggestedMandate }> {
    const mandate = await this.mandates.own(principal, mandateId);
    const rows = await this.dataSource
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .select('d.id', 'dealId')
      .addSelect('d.project_id', 'projectId')
      .addSelect('d.stage', 'dealStage')
      .addSelect('d.pass_reason', 'passReason')
      .addSelect('d.mandate_terms_version', 'mandateTermsVersion')
      .addSelect('d.amount', 'amount')
      .addSelect(
        `(d.stage IN (:...engaged) OR EXISTS (SELECT 1 FROM ${this.transitionsTable()} t WHERE t.deal_id = d.id AND t.to_stage IN (:...engaged)))`,
        'engaged',
      )
      .where('d.mandate_id = :mandateId AND d.investor_organization_id = :org', {
        mandateId,
        org: principal.organizationId,
      })
      .setParameter('engaged', [...ENGAGED_STAGES])
      .getRawMany<{
        dealId: string;
        projectId: string;
        dealStage: DealStage;
        passReason: { code: PassReasonCode } | null;
        mandateTermsVersion: number | null;
        amount: string | null;
        engaged: boolean;
      }>();
    // The projects' facts from their owner (one batched read; a deleted project leaves nulls).
    const labels = await this.projects.labels(rows.map((r) => r.projectId));
    const facts: DealFacts[] = rows.map((r) => ({
      dealId: r.dealId,
      dealStage: r.dealStage,
      engaged: r.engaged,
      passReasonCode: r.passReason?.code ?? null,
      mandateTermsVersion: r.mandateTermsVersion,
      projectStage: labels.get(r.projectId)?.stage ?? null,
      tracks: labels.get(r.projectId)?.tracks ?? [],
      amount: r.amount === null ? null : Number(r.amount),
      amountSought: labels.get(r.projectId)?.amountSought ?? null,
    }));
    const terms = mandate.terms;
    return {
      mandate,
      suggested: await this.portfolio.suggestedFor(mandate),
      figure: statedVsActual(
        { stages: terms.stages, tracks: terms.tracks, ticketMin: terms.ticketMin, ticketMax: terms.ticketMax },
        facts,
        DEAL_STAGES,
      ),
    };
  }

  private transitionsTable(): string {
    return this.dataSource.getMetadata(DealTransitionEntity).tableName;
  }
}
