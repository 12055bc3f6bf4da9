import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock, CLOCK } from '@app/platform';
import { RoadshowAvailabilityEntity } from '../entities/roadshow-availability.entity';
import { RoadshowMeetingGridEntity } from '../entities/roadshow-meeting-grid.entity';
import { RoadshowMeetingRequestEntity } from '../entities/roadshow-meeting-request.entity';
import { RoadshowMeetingEntity } from '../entities/roadshow-meeting.entity';
import { RoadshowScheduleRunEntity } from '../entities/roadshow-schedule-run.entity';
import { SchedulerInputError, type DayInput, type ParticipantInput } from '../scheduler';
import { scheduleWithBounds } from '../scheduler-bounds';
import { gridSessions, gridSlots } from './grid';
import type { PlannedMeeting } from './meetings.service';
import { eventParticipants, pitchSlotsOf } from './participants';

/**
 * Runs one scheduler run (in the worker): reads the day from Postgres — grid, participants, their
 * own pitch slots (unavailable then), accepted requests weighted by score × priority, locked and
 * published meetings — plans it with the pure scheduler and its HiGHS bounds, and stores the plan
 * on the run row. A repeated job re-plans the same day deterministically; a published run is left alone.
 */
@Injectable()
export class SchedulePlanner {
  private readonly logger = new Logger(SchedulePlanner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    runId: string,
    progress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<RoadshowScheduleRunEntity | null> {
    // UPDATE … RETURNING answers [rows, affected] through TypeORM's postgres driver.
    const [rows] = (await this.dataSource.query(
      `UPDATE roadshow_schedule_runs SET status = 'running', progress = 5, error = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id, event_id, seed`,
      [runId],
    )) as [{ id: string; event_id: string; seed: number }[], number];
    const row = rows[0];
    if (!row) return null;
    const eventId: string = row.event_id;
    const started = performance.now();
    await progress(5);
    try {
      const { input, slots, requests } = await this.day(eventId);
      await this.setProgress(runId, 20, progress);
      const result = await scheduleWithBounds(input, { seed: row.seed });
      await this.setProgress(runId, 90, progress);
      const assignments: PlannedMeeting[] = result.scheduled.map((m) => ({
        requestId: m.meetingId,
        slot: m.slot,
        table: m.table,
        startsAt: slots[m.slot].startsAt.toISOString(),
        endsAt: slots[m.slot].endsAt.toISOString(),
      }));
      const summary = {
        requests,
        meetings: result.stats.meetings,
        weight: result.stats.weight,
        breaks: result.stats.breaks,
        maxBreaksPerParticipant: result.stats.maxBreaksPerParticipant,
        bounds: {
          lp: result.bounds.lp,
          ...(result.bounds.mip?.proven
            ? { mip: { weight: result.bounds.mip.weight, meetings: result.bounds.mip.meetings } }
            : {}),
          breaksLowerBound: result.bounds.breaksLowerBound,
        },
        ratio: { weight: result.ratio.weight, meetings: result.ratio.meetings },
        unscheduled: result.unscheduled.map((u) => ({ requestId: u.meetingId, reason: u.reason })),
        moved: (result.changes?.moved ?? []).map((m) => ({
          requestId: m.meetingId,
          fromSlot: m.from.slot,
          fromTable: m.from.table,
          toSlot: m.to.slot,
          toTable: m.to.table,
        })),
        belowMin: result.stats.belowMin,
        ms: Math.round(performance.now() - started),
        assignments,
      };
      await this.dataSource
        .getRepository(RoadshowScheduleRunEntity)
        .update({ id: runId }, { status: 'done', progress: 100, result: summary, finishedAt: this.clock.now() });
      this.logger.log(
        { runId, eventId, meetings: summary.meetings, ratio: summary.ratio, breaks: summary.breaks, ms: summary.ms },
        'schedule planned',
      );
    } catch (error) {
      const message =
        error instanceof SchedulerInputError
          ? `SCHEDULE_INPUT_INVALID ${error.code} at ${error.field}`
          : `${(error as Error).message}`;
      await this.dataSource
        .getRepository(RoadshowScheduleRunEntity)
        .update({ id: runId }, { status: 'failed', error: message.slice(0, 1000), finishedAt: this.clock.now() });
      if (!(error instanceof SchedulerInputError) && !(error instanceof DayError)) throw error;
      this.logger.warn({ runId, eventId, error: message }, 'schedule run failed on its input');
    }
    return this.dataSource.getRepository(RoadshowScheduleRunEntity).findOneBy({ id: runId });
  }

  /** The day as the scheduler's JSON format (docs/roadshows.md). */
  private async day(eventId: string) {
    const em = this.dataSource.manager;
    const grid = await em.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId });
    if (!grid) throw new DayError('GRID_MISSING');
    const slots = gridSlots(grid);
    const participants = await eventParticipants(em, eventId);
    const [requests, published, pitch, availability] = await Promise.all([
      em
        .getRepository(RoadshowMeetingRequestEntity)
        .find({ where: { eventId, status: 'accepted' }, order: { createdAt: 'ASC', id: 'ASC' } }),
      em.getRepository(RoadshowMeetingEntity).findBy({ eventId, cancelledAt: IsNull() }),
      pitchSlotsOf(em, eventId, slots),
      em.getRepository(RoadshowAvailabilityEntity).findBy({ eventId }),
    ]);
    // Unavailable: the participant's own pitch, and the slots it marked.
    const forbidden = new Map<string, Set<number>>(pitch);
    for (const a of availability) {
      const set = forbidden.get(a.organizationId) ?? new Set<number>();
      for (const i of a.unavailableSlots) if (i < slots.length) set.add(i);
      forbidden.set(a.organizationId, set);
    }
    const meetings = requests.filter(
      (r) => participants.has(r.fromOrganizationId) && participants.has(r.toOrganizationId),
    );
    const locked = new Map(published.filter((m) => m.locked).map((m) => [m.requestId, m]));
    const people: ParticipantInput[] = [...participants.keys()].sort().map((id) => ({
      id,
      ...(forbidden.has(id) ? { forbiddenSlots: [...forbidden.get(id)!].sort((a, b) => a - b) } : {}),
      ...(grid.minMeetings ? { minMeetings: grid.minMeetings } : {}),
      ...(grid.maxMeetings !== null ? { maxMeetings: grid.maxMeetings } : {}),
      ...(grid.booths[id] ? { booth: grid.booths[id] } : {}),
    }));
    const input: DayInput = {
      slots: slots.length,
      sessions: gridSessions(slots),
      tables: grid.tables,
      participants: people,
      meetings: meetings.map((r) => ({
        id: r.id,
        participants: [r.fromOrganizationId, r.toOrganizationId],
        score: r.score ?? 0.5,
        priority: r.priority,
        ...(locked.has(r.id) ? { fixed: { slot: locked.get(r.id)!.slot, table: locked.get(r.id)!.tableName } } : {}),
      })),
      previous: published
        .filter((m) => meetings.some((r) => r.id === m.requestId))
        .map((m) => ({ meetingId: m.requestId, slot: m.slot, table: m.tableName })),
    };
    return { input, slots, requests: meetings.length };
  }

  private async setProgress(runId: string, percent: number, report: (p: number) => Promise<void>): Promise<void> {
    await this.dataSource.getRepository(RoadshowScheduleRunEntity).update({ id: runId }, { progress: percent });
    await report(percent);
  }
}

class DayError extends Error {}
