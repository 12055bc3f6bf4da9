import { Inject, Injectable } from '@nestjs/common';
import { EngagementDirectory } from '@app/engagement';
import { can, type Principal } from '@app/identity';
import { CLOCK, type Clock } from '@app/platform';
import { RoadshowDirectory, roadshowsError, type RoadshowEventFacts } from '@app/roadshows';
import { eventReport, type EventReport } from './report-folds';

/**
 * Reports over other libs' data, read through their ports (roadshows' event facts, engagement's
 * outcomes and follow-ups, matching's pipeline). Reporting owns no table.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly roadshows: RoadshowDirectory,
    private readonly engagement: EngagementDirectory,
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
}
