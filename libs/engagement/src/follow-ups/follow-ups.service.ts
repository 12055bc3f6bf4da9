import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In, Not } from 'typeorm';
import { isInvestorOrganization, OrganizationDirectory, type Principal } from '@app/identity';
import { EngagementSettingsService } from '../settings/engagement-settings.service';
import { CLOCK, type Clock, UnitOfWork } from '@app/platform';
import type { RoadshowEventBrief, RoadshowPublishedMeeting } from '@app/roadshows';
import { FollowUpTaskEntity, type FollowUpKind } from '../entities/follow-up-task.entity';
import { engagementError } from '../engagement.errors';
import { HolidayCalendar } from '../holidays/holiday-calendar';
import { addWorkingDays } from '../holidays/working-days';
import { RemindersService, type ReminderSpec } from '../reminders/reminders.service';

export interface FollowUpView {
  id: string;
  kind: FollowUpKind;
  meetingId: string;
  eventId: string;
  ownerOrganizationId: string;
  counterpartOrganizationId: string;
  status: string;
  workingDays: number;
  startedOn: string;
  dueOn: string;
  dueAt: string;
  timeZone: string;
  provisional: boolean;
  acknowledgeWorkingDays: number;
  acknowledgeDueOn: string | null;
  acknowledgedAt: string | null;
  doneAt: string | null;
  mine: boolean;
}

const LADDER_KINDS = [
  'follow_up_ack_overdue',
  'follow_up_due_soon',
  'follow_up_overdue',
  'follow_up_escalated',
] as const;
/** Ladder notices go out at 09:00 in the event's zone. */
const NOTICE_HOUR = 9;
const ESCALATE_AFTER_WORKING_DAYS = 5;

/**
 * Follow-ups after published meetings (one owner organization per task) with Chinese working-day
 * deadlines, and their escalation ladder as scheduled notifications: a reminder on the morning of the
 * last day, an overdue notice the day after (the task turns overdue), and an escalation to the owner's
 * admins and the organizer after 5 more working days.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly calendar: HolidayCalendar,
    private readonly reminders: RemindersService,
    private readonly organizations: OrganizationDirectory,
    private readonly settings: EngagementSettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The deadline of a task started on a meeting at `startsAt` in `zone`. */
  async deadline(startsAt: Date, zone: string, workingDays: number) {
    const startedOn = DateTime.fromJSDate(startsAt, { zone }).toISODate()!;
    const due = await this.calendar.addWorkingDays(startedOn, workingDays);
    const dueAt = DateTime.fromISO(due.date, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
    return { startedOn, dueOn: due.date, dueAt, provisional: due.provisional };
  }

  /** Creates, moves or cancels the event's tasks to match its published meetings, then their ladders. */
  async planForMeetings(event: RoadshowEventBrief, meetings: readonly RoadshowPublishedMeeting[]): Promise<void> {
    const orgs = await this.organizations.summaries(
      meetings.flatMap((m) => [m.fromOrganizationId, m.toOrganizationId]),
    );
    // The organizer's clocks (reply and acknowledge, in working days), else the env defaults.
    const clocks = await this.settings.effective(event.organizationId, event.id);
    const investor = (id: string) => {
      const kind = orgs.get(id)?.kind;
      return kind !== undefined && isInvestorOrganization(kind);
    };
    const wanted: Omit<
      FollowUpTaskEntity,
      | 'id'
      | 'createdAt'
      | 'updatedAt'
      | 'status'
      | 'doneAt'
      | 'doneByUserId'
      | 'acknowledgedAt'
      | 'acknowledgedByUserId'
    >[] = [];
    for (const m of meetings) {
      const [a, b] = [m.fromOrganizationId, m.toOrganizationId];
      const inv = investor(a) && !investor(b) ? a : investor(b) && !investor(a) ? b : null;
      if (!inv) continue; // two investors or two founders: no reply/data-room pair
      const founder = inv === a ? b : a;
      const d = await this.deadline(m.endsAt, event.timeZone, clocks.followUpWorkingDays);
      const ackDays = clocks.acknowledgeWorkingDays;
      const ack = await this.deadline(m.endsAt, event.timeZone, ackDays);
      const base = {
        acknowledgeWorkingDays: ackDays,
        acknowledgeDueOn: ack.dueOn,
        acknowledgeDueAt: ack.dueAt,
        meetingId: m.requestId,
        eventId: event.id,
        organizerOrganizationId: event.organizationId,
        timeZone: event.timeZone,
        workingDays: clocks.followUpWorkingDays,
        ...d,
      };
      wanted.push({ ...base, kind: 'investor_replies', ownerOrganizationId: inv, counterpartOrganizationId: founder });
      wanted.push({
        ...base,
        kind: 'founder_sends_data_room',
        ownerOrganizationId: founder,
        counterpartOrganizationId: inv,
      });
    }
    const { tasks, dropped } = await this.uow.run(async (tx) => {
      const repo = tx.em.getRepository(FollowUpTaskEntity);
      const existing = await repo.findBy({ eventId: event.id });
      const byKey = new Map(existing.map((t) => [`${t.meetingId}|${t.kind}`, t]));
      const keep = new Set<string>();
      const tasks: FollowUpTaskEntity[] = [];
      for (const w of wanted) {
        const key = `${w.meetingId}|${w.kind}`;
        keep.add(key);
        const row = byKey.get(key);
        if (!row) {
          tasks.push(await repo.save(repo.create({ ...w, status: 'open' })));
        } else if (row.status === 'open' || row.status === 'overdue' || row.status === 'cancelled') {
          Object.assign(row, w, {
            status: w.dueAt > this.clock.now() ? 'open' : row.status === 'cancelled' ? 'open' : row.status,
          });
          tasks.push(await repo.save(row));
        }
      }
      const dropped = existing.filter(
        (t) => !keep.has(`${t.meetingId}|${t.kind}`) && (t.status === 'open' || t.status === 'overdue'),
      );
      if (dropped.length) await repo.update({ id: In(dropped.map((t) => t.id)) }, { status: 'cancelled' });
      return { tasks, dropped };
    });
    if (dropped.length) await this.reminders.cancelTargets(dropped.map((t) => t.id));
    for (const task of tasks) await this.syncLadder(task, event.title);
  }

  async syncLadder(task: FollowUpTaskEntity, eventTitle: string): Promise<void> {
    const data = await this.calendar.data();
    const at9 = (date: string) => DateTime.fromISO(date, { zone: task.timeZone }).set({ hour: NOTICE_HOUR }).toJSDate();
    const escalation = addWorkingDays(task.dueOn, ESCALATE_AFTER_WORKING_DAYS, data);
    const provisional = task.provisional || escalation.provisional;
    const dayAfter = DateTime.fromISO(task.dueOn).plus({ days: 1 }).toISODate()!;
    const escalateOn = DateTime.fromISO(escalation.date).plus({ days: 1 }).toISODate()!;
    const owner = (await this.organizations.names([task.ownerOrganizationId])).get(task.ownerOrganizationId) ?? '';
    const payload = {
      eventId: task.eventId,
      eventTitle,
      timeZone: task.timeZone,
      subject: task.kind,
      startsAt: task.dueAt.toISOString(),
      dueOn: task.dueOn,
      provisional,
      link: `/follow-ups/${task.id}`,
      ownerName: owner,
      acknowledgeDueOn: task.acknowledgeDueOn,
    };
    const spec = (
      kind: ReminderSpec['kind'],
      label: string,
      dueAt: Date,
      org: string,
      roles?: ReminderSpec['payload']['roles'],
    ): ReminderSpec => ({
      kind,
      targetType: 'follow_up',
      targetId: task.id,
      eventId: task.eventId,
      recipientOrganizationId: org,
      label,
      dueAt,
      payload: roles ? { ...payload, roles } : payload,
    });
    const desired =
      task.status === 'open' || task.status === 'overdue'
        ? [
            ...(task.acknowledgedAt === null && task.acknowledgeDueOn !== null && task.acknowledgeDueOn < task.dueOn
              ? [
                  spec(
                    'follow_up_ack_overdue',
                    'ack-day-after',
                    at9(addWorkingDays(task.acknowledgeDueOn, 1, data).date),
                    task.ownerOrganizationId,
                  ),
                ]
              : []),
            spec('follow_up_due_soon', 'due-day', at9(task.dueOn), task.ownerOrganizationId),
            spec('follow_up_overdue', 'day-after', at9(dayAfter), task.ownerOrganizationId),
            spec('follow_up_escalated', 'owner-admins', at9(escalateOn), task.ownerOrganizationId, ['owner', 'admin']),
            spec('follow_up_escalated', 'organizer', at9(escalateOn), task.organizerOrganizationId),
          ]
        : [];
    await this.reminders.sync({ kind: [...LADDER_KINDS], targetIds: [task.id] }, desired);
  }

  private view(principal: Principal, t: FollowUpTaskEntity): FollowUpView {
    return {
      id: t.id,
      kind: t.kind,
      meetingId: t.meetingId,
      eventId: t.eventId,
      ownerOrganizationId: t.ownerOrganizationId,
      counterpartOrganizationId: t.counterpartOrganizationId,
      status: t.status,
      workingDays: t.workingDays,
      startedOn: t.startedOn,
      dueOn: t.dueOn,
      dueAt: t.dueAt.toISOString(),
      timeZone: t.timeZone,
      provisional: t.provisional,
      acknowledgeWorkingDays: t.acknowledgeWorkingDays,
      acknowledgeDueOn: t.acknowledgeDueOn,
      acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
      doneAt: t.doneAt?.toISOString() ?? null,
      mine: t.ownerOrganizationId === principal.organizationId,
    };
  }

  /**
   * Tasks your organization owns, the ones the other side owes you, and — for an organizer — every
   * task after its events' meetings (the follow-up board; only the owner can close one).
   */
  async list(principal: Principal): Promise<FollowUpView[]> {
    const rows = await this.dataSource.getRepository(FollowUpTaskEntity).find({
      where: [
        { ownerOrganizationId: principal.organizationId, status: Not('cancelled') },
        { counterpartOrganizationId: principal.organizationId, status: Not('cancelled') },
        { organizerOrganizationId: principal.organizationId, status: Not('cancelled') },
      ],
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    return rows.map((t) => this.view(principal, t));
  }

  async markDone(principal: Principal, id: string): Promise<FollowUpView> {
    const task = await this.uow.run(async (tx) => {
      const t = await tx.em
        .getRepository(FollowUpTaskEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id AND t.owner_organization_id = :org', { id, org: principal.organizationId })
        .getOne();
      if (!t) throw engagementError('FOLLOW_UP_NOT_FOUND');
      if (t.status !== 'open' && t.status !== 'overdue')
        throw engagementError('FOLLOW_UP_STATE_INVALID', { status: t.status });
      t.status = 'done';
      t.doneAt = this.clock.now();
      if (!t.acknowledgedAt) {
        t.acknowledgedAt = t.doneAt;
        t.acknowledgedByUserId = principal.userId;
      }
      t.doneByUserId = principal.userId;
      await tx.em.getRepository(FollowUpTaskEntity).save(t);
      await this.reminders.cancelTargets([t.id], tx.em);
      return t;
    });
    const rows = await this.reminders.rowsOf([task.id]);
    await this.reminders.removeJobs(rows.filter((r) => r.status === 'cancelled').map((r) => r.id));
    return this.view(principal, task);
  }

  /**
   * The owner acknowledges (首问负责制: "received, we own it"): the acknowledge clock stops, its
   * overdue notice is cancelled, the reply clock keeps running. Once only.
   */
  async acknowledge(principal: Principal, id: string): Promise<FollowUpView> {
    const task = await this.uow.run(async (tx) => {
      const t = await tx.em
        .getRepository(FollowUpTaskEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id AND t.owner_organization_id = :org', { id, org: principal.organizationId })
        .getOne();
      if (!t) throw engagementError('FOLLOW_UP_NOT_FOUND');
      if ((t.status !== 'open' && t.status !== 'overdue') || t.acknowledgedAt)
        throw engagementError('FOLLOW_UP_STATE_INVALID', {
          status: t.status,
          acknowledged: t.acknowledgedAt !== null,
        });
      t.acknowledgedAt = this.clock.now();
      t.acknowledgedByUserId = principal.userId;
      await tx.em.getRepository(FollowUpTaskEntity).save(t);
      await this.reminders.cancelTargets([t.id], tx.em, ['follow_up_ack_overdue']);
      return t;
    });
    const rows = await this.reminders.rowsOf([task.id]);
    await this.reminders.removeJobs(
      rows.filter((r) => r.status === 'cancelled' && r.kind === 'follow_up_ack_overdue').map((r) => r.id),
    );
    return this.view(principal, task);
  }
}
