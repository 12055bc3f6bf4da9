import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EngagementDirectory } from '@app/engagement';
import { can, isInvestorOrganization, type Principal } from '@app/identity';
import {
  DealDirectory,
  DealInsightsService,
  PASS_REASON_LABELS,
  type DealBrief,
  type PassReasonCode,
} from '@app/matching';
import { CLOCK, type Clock, platformError } from '@app/platform';
import { RoadshowDirectory, roadshowsError, type RoadshowEventFacts } from '@app/roadshows';
import { ProjectDirectory } from '@app/startups';
import { reportingError } from './reporting.errors';
import {
  dealFigures,
  eventReport,
  fundFunnel,
  programmeReport,
  type EventReport,
  type FundFunnel,
  type DealFigures,
  type ProgrammeReport,
} from './report-folds';

const ZONE = 'Asia/Shanghai';

export interface FundReport extends FundFunnel {
  generatedAt: string;
  signed: DealFigures;
  mandates: {
    mandateId: string;
    mandateName: string;
    deals: number;
    engaged: number;
    stageInsideShare: number | null;
    trackInsideShare: number | null;
    ticketInsideShare: number | null;
  }[];
}

export interface DealFlowRow {
  deal: DealBrief;
  projectTitle: string;
  startupName: string;
  outcomeStage: string | null;
  outcomeInstrument: string | null;
  outcomeAmount: number | null;
}

/**
 * Reports over other libs' data, read through their ports (roadshows' event facts, engagement's
 * outcomes and follow-ups, matching's pipeline). Reporting owns no table.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly roadshows: RoadshowDirectory,
    private readonly engagement: EngagementDirectory,
    private readonly deals: DealDirectory,
    private readonly insights: DealInsightsService,
    private readonly projects: ProjectDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The organizer's event (any member of the organizer organization); anyone else: 404 as if missing. */
  private async ownEvent(principal: Principal, id: string): Promise<RoadshowEventFacts> {
    const facts = await this.roadshows.eventFacts(id);
    if (!facts || !can(principal, 'event:manage', facts.event.organizationId)) throw roadshowsError('EVENT_NOT_FOUND');
    return facts;
  }

  async eventReport(principal: Principal, id: string): Promise<EventReport> {
    const facts = await this.ownEvent(principal, id);
    const [outcomes, followUps] = await Promise.all([
      this.engagement.outcomesOfEvents([id]),
      this.engagement.followUpsOfEvents([id]),
    ]);
    return eventReport(facts, outcomes, followUps, this.clock.now());
  }

  /** The acting organizer's events starting between `from` and `to` (local days, inclusive). */
  async programmeReport(principal: Principal, from: string, to: string): Promise<ProgrammeReport> {
    if (principal.organizationKind !== 'organizer' || !can(principal, 'event:manage', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'event:manage' });
    const start = DateTime.fromISO(from, { zone: ZONE });
    const end = DateTime.fromISO(to, { zone: ZONE });
    if (!start.isValid) throw reportingError('REPORT_PERIOD_INVALID', { field: 'from' });
    if (!end.isValid) throw reportingError('REPORT_PERIOD_INVALID', { field: 'to' });
    if (end < start) throw reportingError('REPORT_PERIOD_INVALID', { field: 'to', reason: 'before_from' });
    if (end.diff(start, 'years').years > 3)
      throw reportingError('REPORT_PERIOD_INVALID', { field: 'to', reason: 'too_long' });
    const ids = await this.roadshows.organizerEvents(
      principal.organizationId,
      start.startOf('day').toJSDate(),
      end.plus({ days: 1 }).startOf('day').toJSDate(),
    );
    const [facts, outcomes, followUps] = await Promise.all([
      Promise.all(ids.map((id) => this.roadshows.eventFacts(id))),
      this.engagement.outcomesOfEvents(ids),
      this.engagement.followUpsOfEvents(ids),
    ]);
    return programmeReport(
      { from, to },
      facts
        .filter((f): f is RoadshowEventFacts => f !== null)
        .map((f) => ({
          facts: f,
          outcomes: outcomes.filter((o) => o.eventId === f.event.id),
          followUps: followUps.filter((t) => t.eventId === f.event.id),
        })),
      this.clock.now(),
    );
  }

  private assertInvestor(principal: Principal): void {
    if (!isInvestorOrganization(principal.organizationKind) || !can(principal, 'deal:read', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'deal:read' });
  }

  /** The acting investor's deal-flow funnel, signed outcomes and stated vs actual per mandate. */
  async fundReport(principal: Principal): Promise<FundReport> {
    this.assertInvestor(principal);
    const [deals, outcomes] = await Promise.all([
      this.deals.ofInvestor(principal.organizationId),
      this.engagement.outcomesOfInvestor(principal.organizationId),
    ]);
    const funnel = fundFunnel(
      deals.map((d) => ({ stage: d.stage, reached: d.reached, passReasonCode: d.passReason?.code ?? null })),
    );
    const mandateIds = [...new Set(deals.map((d) => d.mandateId).filter((m): m is string => m !== null))];
    const mandates = [];
    for (const id of mandateIds) {
      const { mandate, figure } = await this.insights.statedVsActual(principal, id);
      mandates.push({
        mandateId: mandate.id,
        mandateName: mandate.name,
        deals: figure.totals.deals,
        engaged: figure.totals.engaged,
        stageInsideShare: figure.stage.insideShare,
        trackInsideShare: figure.track.insideShare,
        ticketInsideShare: figure.ticket.insideShare,
      });
    }
    return { generatedAt: this.clock.now().toISOString(), ...funnel, signed: dealFigures(outcomes), mandates };
  }

  /** Rows of the investor's deal-flow export (its pipeline with the projects' names and outcomes). */
  async dealFlow(principal: Principal): Promise<DealFlowRow[]> {
    this.assertInvestor(principal);
    const [deals, outcomes] = await Promise.all([
      this.deals.ofInvestor(principal.organizationId),
      this.engagement.outcomesOfInvestor(principal.organizationId),
    ]);
    const labels = await this.projects.labels(deals.map((d) => d.projectId));
    const byDeal = new Map(outcomes.filter((o) => o.subjectType === 'deal').map((o) => [o.subjectId, o]));
    return deals.map((d) => {
      const o = byDeal.get(d.id);
      const l = labels.get(d.projectId);
      return {
        deal: d,
        projectTitle: l?.title ?? '',
        startupName: l?.startupName ?? '',
        outcomeStage: o?.stage ?? null,
        outcomeInstrument: o?.instrument ?? null,
        outcomeAmount: o?.amount ?? null,
      };
    });
  }
}

export const passReasonLabel = (code: string | null | undefined): string | null =>
  code ? (PASS_REASON_LABELS[code as PassReasonCode]?.zh ?? code) : null;
