import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isInvestorOrganization, OrganizationDirectory, type Principal } from '@app/identity';
import { DealDirectory } from '@app/matching';
import { CLOCK, type Clock, platformError, UnitOfWork } from '@app/platform';
import { RoadshowDirectory } from '@app/roadshows';
import { engagementError } from '../engagement.errors';
import { OutcomeEntity } from '../entities/outcome.entity';
import {
  checkOutcome,
  sharedOutcome,
  sideRevision,
  type OutcomeInput,
  type OutcomeSide,
  type OutcomeSideRecord,
  type OutcomeSubject,
  type SharedOutcome,
} from './outcome-rules';

export interface OutcomeView {
  subjectType: OutcomeSubject;
  subjectId: string;
  eventId: string | null;
  projectId: string | null;
  investorOrganizationId: string;
  founderOrganizationId: string;
  /** Which side the caller is on. */
  yourSide: OutcomeSide;
  investor: OutcomeSideRecord | null;
  founder: OutcomeSideRecord | null;
  shared: SharedOutcome;
  updatedAt: string | null;
  version: number;
}

const withRevision = (side: OutcomeSideRecord | null | undefined): OutcomeSideRecord | null =>
  side ? { ...side, revision: sideRevision(side) } : null;

interface Subject {
  type: OutcomeSubject;
  id: string;
  eventId: string | null;
  projectId: string | null;
  investorOrganizationId: string;
  founderOrganizationId: string;
}

/**
 * Outcomes of meetings (roadshows) and deals (matching's pipeline). Each party records its own side
 * (the investor organization, the founder organization); both read the same shared state. Anyone
 * else gets 404 — the subject's existence is not revealed.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly roadshows: RoadshowDirectory,
    private readonly deals: DealDirectory,
    private readonly organizations: OrganizationDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The subject and the caller's side, or 404 when the caller's organization is not a party. */
  private async subject(
    principal: Principal,
    type: OutcomeSubject,
    id: string,
  ): Promise<{ s: Subject; side: OutcomeSide }> {
    const org = principal.organizationId;
    if (type === 'deal') {
      const d = await this.deals.brief(id);
      if (!d || (d.investorOrganizationId !== org && d.startupOrganizationId !== org))
        throw engagementError('OUTCOME_SUBJECT_NOT_FOUND');
      return {
        s: {
          type,
          id,
          eventId: null,
          projectId: d.projectId,
          investorOrganizationId: d.investorOrganizationId,
          founderOrganizationId: d.startupOrganizationId,
        },
        side: d.investorOrganizationId === org ? 'investor' : 'founder',
      };
    }
    const m = await this.roadshows.meeting(id);
    if (!m || (m.fromOrganizationId !== org && m.toOrganizationId !== org))
      throw engagementError('OUTCOME_SUBJECT_NOT_FOUND');
    const kinds = await this.organizations.summaries([m.fromOrganizationId, m.toOrganizationId]);
    const inv = (o: string) => {
      const k = kinds.get(o)?.kind;
      return k !== undefined && isInvestorOrganization(k);
    };
    const [a, b] = [m.fromOrganizationId, m.toOrganizationId];
    const investor = inv(a) && !inv(b) ? a : inv(b) && !inv(a) ? b : null;
    if (!investor) throw engagementError('OUTCOME_NOT_APPLICABLE', { reason: 'not_investor_and_founder' });
    return {
      s: {
        type,
        id,
        eventId: m.eventId,
        projectId: m.projectId,
        investorOrganizationId: investor,
        founderOrganizationId: investor === a ? b : a,
      },
      side: investor === org ? 'investor' : 'founder',
    };
  }

  private view(s: Subject, side: OutcomeSide, row: OutcomeEntity | null): OutcomeView {
    return {
      subjectType: s.type,
      subjectId: s.id,
      eventId: s.eventId,
      projectId: s.projectId,
      investorOrganizationId: s.investorOrganizationId,
      founderOrganizationId: s.founderOrganizationId,
      yourSide: side,
      investor: withRevision(row?.investorSide),
      founder: withRevision(row?.founderSide),
      shared: sharedOutcome(row?.investorSide ?? null, row?.founderSide ?? null),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      version: row?.version ?? 0,
    };
  }

  async get(principal: Principal, type: OutcomeSubject, id: string): Promise<OutcomeView> {
    const { s, side } = await this.subject(principal, type, id);
    const row = await this.dataSource.getRepository(OutcomeEntity).findOneBy({ subjectType: type, subjectId: id });
    return this.view(s, side, row);
  }

  /** Records the caller's side (replacing what it recorded before); the shared state is refolded. */
  async record(principal: Principal, type: OutcomeSubject, id: string, input: OutcomeInput): Promise<OutcomeView> {
    const checked = checkOutcome(type, input);
    if (!checked.ok) {
      // Nothing to record at all (an empty body) is a shape error like any missing field: 400.
      if (checked.problem.field === 'stage' && checked.problem.reason === 'required')
        throw platformError('VALIDATION_FAILED', { ...checked.problem });
      throw engagementError('OUTCOME_INVALID', { ...checked.problem });
    }
    const { s, side } = await this.subject(principal, type, id);
    if (type === 'meeting') {
      const m = await this.roadshows.meeting(id);
      if (m?.cancelled) throw engagementError('OUTCOME_NOT_APPLICABLE', { reason: 'meeting_cancelled' });
    }
    const record: OutcomeSideRecord = {
      ...checked.value,
      recordedByUserId: principal.userId,
      recordedAt: this.clock.now().toISOString(),
    };
    const row = await this.uow.run(async (tx) => {
      const repo = tx.em.getRepository(OutcomeEntity);
      // One row per subject: insert it if missing, then lock it, so two sides recording at once both count.
      await repo
        .createQueryBuilder()
        .insert()
        .values({
          subjectType: s.type,
          subjectId: s.id,
          eventId: s.eventId,
          projectId: s.projectId,
          investorOrganizationId: s.investorOrganizationId,
          founderOrganizationId: s.founderOrganizationId,
        })
        .orIgnore()
        .execute();
      const row = await repo
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.subject_type = :type AND o.subject_id = :id', { type, id })
        .getOneOrFail();
      const current = side === 'investor' ? row.investorSide : row.founderSide;
      const currentRevision = sideRevision(current);
      // Two colleagues editing the same side: the second save must not silently undo the first.
      if (input.expectedRevision != null && input.expectedRevision !== currentRevision)
        throw engagementError('OUTCOME_VERSION_CONFLICT', { field: 'expectedRevision', currentRevision });
      const next: OutcomeSideRecord = { ...record, revision: currentRevision + 1 };
      if (side === 'investor') row.investorSide = next;
      else row.founderSide = next;
      const shared = sharedOutcome(row.investorSide, row.founderSide);
      Object.assign(row, {
        stage: shared.stage,
        confirmed: shared.confirmed,
        attendance: shared.attendance,
        terms: shared.terms,
        instrument: shared.terms?.instrument ?? null,
        amount: shared.terms?.amount ?? null,
        disbursedAmount: shared.disbursedAmount,
        passReasonCode: shared.passReason?.code ?? null,
        passedBy: shared.passedBy,
      });
      const saved = await repo.save(row);
      tx.publish({
        type: 'engagement.outcome_recorded',
        outcomeId: saved.id,
        subjectType: s.type,
        subjectId: s.id,
        side,
        investorOrganizationId: s.investorOrganizationId,
        founderOrganizationId: s.founderOrganizationId,
        eventId: s.eventId,
        stage: shared.stage,
      });
      return saved;
    });
    return this.view(s, side, row);
  }
}

/** A row as the reports read it (engagement keeps the table; reporting gets plain data). */
export interface OutcomeFact {
  subjectType: OutcomeSubject;
  subjectId: string;
  eventId: string | null;
  investorOrganizationId: string;
  founderOrganizationId: string;
  projectId: string | null;
  stage: string | null;
  confirmed: boolean;
  attendance: string | null;
  instrument: string | null;
  amount: number | null;
  equityAmount: number | null;
  loanAmount: number | null;
  disbursedAmount: number | null;
  passReasonCode: string | null;
}

export function outcomeFact(o: OutcomeEntity): OutcomeFact {
  return {
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    eventId: o.eventId,
    investorOrganizationId: o.investorOrganizationId,
    founderOrganizationId: o.founderOrganizationId,
    projectId: o.projectId,
    stage: o.stage,
    confirmed: o.confirmed,
    attendance: o.attendance,
    instrument: o.instrument,
    amount: o.amount,
    equityAmount: o.terms?.equityAmount ?? null,
    loanAmount: o.terms?.loanAmount ?? null,
    disbursedAmount: o.disbursedAmount,
    passReasonCode: o.passReasonCode,
  };
}
