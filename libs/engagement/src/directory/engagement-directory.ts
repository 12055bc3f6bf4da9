import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { FollowUpTaskEntity } from '../entities/follow-up-task.entity';
import { OutcomeEntity } from '../entities/outcome.entity';
import { outcomeFact, type OutcomeFact } from '../outcomes/outcomes.service';

/** A follow-up as the reports read it. */
export interface FollowUpFact {
  id: string;
  meetingId: string;
  eventId: string;
  kind: string;
  ownerOrganizationId: string;
  status: string;
  dueAt: Date;
  doneAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgeDueAt: Date | null;
}

/** Engagement's read port for reporting: outcomes and follow-ups as plain rows. */
@Injectable()
export class EngagementDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async outcomesOfEvents(eventIds: readonly string[]): Promise<OutcomeFact[]> {
    if (!eventIds.length) return [];
    const rows = await this.dataSource
      .getRepository(OutcomeEntity)
      .find({ where: { eventId: In([...eventIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(outcomeFact);
  }

  /** Deal outcomes (recorded against matching's deals) of an investor organization. */
  async dealOutcomesOfInvestor(investorOrganizationId: string): Promise<OutcomeFact[]> {
    const rows = await this.dataSource
      .getRepository(OutcomeEntity)
      .find({ where: { subjectType: 'deal', investorOrganizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(outcomeFact);
  }

  /** The events' follow-ups (cancelled ones left out: their meeting was dropped). */
  async followUpsOfEvents(eventIds: readonly string[]): Promise<FollowUpFact[]> {
    if (!eventIds.length) return [];
    const rows = await this.dataSource.getRepository(FollowUpTaskEntity).find({
      where: { eventId: In([...eventIds]), status: Not('cancelled') },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    return rows.map((t) => ({
      id: t.id,
      meetingId: t.meetingId,
      eventId: t.eventId,
      kind: t.kind,
      ownerOrganizationId: t.ownerOrganizationId,
      status: t.status,
      dueAt: t.dueAt,
      doneAt: t.doneAt,
      acknowledgedAt: t.acknowledgedAt,
      acknowledgeDueAt: t.acknowledgeDueAt,
    }));
  }
}

/** The read port without routes (reporting imports it). */
@Module({ providers: [EngagementDirectory], exports: [EngagementDirectory] })
export class EngagementDirectoryModule {}
