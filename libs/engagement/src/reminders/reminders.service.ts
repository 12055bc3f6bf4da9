import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CLOCK, type Clock, UnitOfWork } from '@app/platform';
import type { Role } from '@app/identity';
import {
  ScheduledNotificationEntity,
  type ScheduledKind,
  type ScheduledPayload,
  type ScheduledTargetType,
} from '../entities/scheduled-notification.entity';
import { FollowUpTaskEntity } from '../entities/follow-up-task.entity';
import { REMINDERS_QUEUE, type ReminderJobData } from '../engagement.events';
import { NotificationsService } from '../notifications/notifications.service';
import { formatWhen } from '../notifications/templates';

/** One reminder as its scheduler wants it; identity = (kind, targetId, recipientOrganizationId, label). */
export interface ReminderSpec {
  kind: ScheduledKind;
  targetType: ScheduledTargetType;
  targetId: string;
  eventId: string | null;
  recipientOrganizationId: string;
  label: string;
  dueAt: Date;
  payload: ScheduledPayload & { roles?: Role[]; ownerName?: string };
}

/** Default offsets before a session's pitch or a meeting. */
export const DEFAULT_REMINDER_OFFSETS = [
  { label: 'T-24h', ms: 24 * 3600_000 },
  { label: 'T-1h', ms: 3600_000 },
] as const;

const identity = (r: { kind: string; targetId: string; recipientOrganizationId: string; label: string }) =>
  `${r.kind}|${r.targetId}|${r.recipientOrganizationId}|${r.label}`;

/** `T-24h` → 24 小时 / 24 hours, `T-90m` → 90 分钟 / 90 minutes, `T-2d` → 2 天 / 2 days. */
export function leadText(label: string, locale: 'zh-CN' | 'en'): string {
  const m = /^T-(\d+)([mhd])$/.exec(label);
  if (!m) return label;
  const n = Number(m[1]);
  const unit = m[2] as 'm' | 'h' | 'd';
  if (locale === 'zh-CN') return `${n} ${{ m: '分钟', h: '小时', d: '天' }[unit]}`;
  const word = { m: 'minute', h: 'hour', d: 'day' }[unit];
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How late a row must be before the sweeper enqueues it (its delayed job had its chance). */
export const SWEEP_GRACE_MS = 5000;

export type SendOutcome = 'sent' | 'skipped' | 'early' | 'cancelled';

/**
 * Reminders, rows first: `scheduled_notifications` is the truth; BullMQ delayed jobs (jobId = row id)
 * are the accelerator. Scheduling writes the rows, commits, then adds or replaces the jobs (a Redis
 * failure there only delays the reminder until the sweeper finds it due).
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    @InjectQueue(REMINDERS_QUEUE.name) private readonly queue: Queue<ReminderJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Makes the pending reminders of one scope (an event's meetings, a session's pitches, a task's
   * ladder) exactly `desired`: new ones are created, moved ones rescheduled (a sent one whose time moved
   * into the future is due again), and pending ones no longer wanted are cancelled.
   */
  async sync(
    scope: { kind: ScheduledKind[]; eventId?: string; targetIds?: string[] },
    desired: readonly ReminderSpec[],
  ): Promise<{ created: number; rescheduled: number; cancelled: number }> {
    const now = this.clock.now();
    const changes = await this.uow.run(async (tx) => {
      const repo = tx.em.getRepository(ScheduledNotificationEntity);
      const qb = repo
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.kind IN (:...kinds)', { kinds: scope.kind });
      if (scope.eventId) qb.andWhere('s.event_id = :eventId', { eventId: scope.eventId });
      if (scope.targetIds)
        qb.andWhere('s.target_id = ANY(:targets)', { targets: scope.targetIds.length ? scope.targetIds : [null] });
      const existing = new Map((await qb.getMany()).map((r) => [identity(r), r]));
      const wanted = new Map(desired.map((d) => [identity(d), d]));
      const toAdd: ScheduledNotificationEntity[] = [];
      const toRemove: string[] = [];
      let rescheduled = 0;
      let cancelled = 0;
      const fresh: Partial<ScheduledNotificationEntity>[] = [];
      for (const [key, d] of wanted) {
        const row = existing.get(key);
        if (!row) {
          if (d.dueAt.getTime() < now.getTime() - 3600_000) continue; // long past: nothing to remind
          fresh.push({ ...d, status: 'pending' });
          continue;
        }
        const moved = row.dueAt.getTime() !== d.dueAt.getTime();
        const revive = row.status === 'cancelled' || (moved && row.status === 'sent' && d.dueAt > now);
        if (moved || revive || JSON.stringify(row.payload) !== JSON.stringify(d.payload)) {
          row.dueAt = d.dueAt;
          row.payload = d.payload;
          if (revive) row.status = 'pending';
          await repo.save(row);
          if (row.status === 'pending' && (moved || revive)) {
            toRemove.push(row.id);
            toAdd.push(row);
            rescheduled++;
          }
        }
      }
      for (let i = 0; i < fresh.length; i += 500) {
        const inserted = await tx.em
          .createQueryBuilder()
          .insert()
          .into(ScheduledNotificationEntity)
          .values(fresh.slice(i, i + 500))
          .returning(['id', 'dueAt'])
          .execute();
        for (const r of inserted.raw as { id: string; due_at: Date }[])
          toAdd.push({ id: r.id, dueAt: new Date(r.due_at) } as ScheduledNotificationEntity);
      }
      const created = fresh.length;
      for (const [key, row] of existing)
        if (!wanted.has(key) && row.status === 'pending') {
          row.status = 'cancelled';
          await repo.save(row);
          toRemove.push(row.id);
          cancelled++;
        }
      return { toAdd, toRemove, created, rescheduled, cancelled };
    });
    await this.removeJobs(changes.toRemove);
    await this.enqueue(changes.toAdd);
    return { created: changes.created, rescheduled: changes.rescheduled, cancelled: changes.cancelled };
  }

  /** Cancels the pending reminders of these targets (a task done, a meeting dropped). */
  /** Cancels the targets' pending reminders (only those of `kinds` when given). */
  async cancelTargets(targetIds: readonly string[], em?: EntityManager, kinds?: readonly string[]): Promise<string[]> {
    if (!targetIds.length) return [];
    const run = async (m: EntityManager) => {
      const rows: { id: string }[] = await m.query(
        `UPDATE scheduled_notifications SET status = 'cancelled', updated_at = now()
          WHERE target_id = ANY($1::uuid[]) AND status = 'pending' AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
          RETURNING id`,
        [[...targetIds], kinds ? [...kinds] : null],
      );
      return rows.map((r) => r.id);
    };
    const ids = em ? await run(em) : await this.uow.run((tx) => run(tx.em));
    if (!em) await this.removeJobs(ids);
    return ids;
  }

  async removeJobs(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.queue.remove(id);
      } catch (err) {
        // An active (locked) job cannot be removed: it will find its row not pending and skip.
        this.logger.debug({ id, err: (err as Error).message }, 'reminder job not removed');
      }
    }
  }

  /** Adds the delayed jobs (jobId = row id); failures are logged, the sweeper covers them. */
  async enqueue(rows: readonly Pick<ScheduledNotificationEntity, 'id' | 'dueAt'>[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      try {
        await this.queue.addBulk(
          batch.map((r) => ({
            name: 'send',
            data: { type: 'send' as const, id: r.id },
            opts: {
              jobId: r.id,
              delay: Math.max(0, r.dueAt.getTime() - now),
              attempts: 3,
              backoff: { type: 'exponential', delay: 500 },
              removeOnComplete: true,
              removeOnFail: true,
            },
          })),
        );
      } catch (err) {
        this.logger.warn(
          { rows: batch.length, err: (err as Error).message },
          'reminder jobs not added; the sweeper will enqueue them when due',
        );
      }
    }
  }

  /** The sweeper: rows due and still pending get a job now (a no-op when theirs still exists). */
  async sweep(limit = 2000): Promise<{ enqueued: number; emails: number }> {
    // Only rows their delayed job should have sent by now (a grace of SWEEP_GRACE): under a backlog the
    // jobs are simply queued, and re-adding thousands of existing ids every pass would only load Redis.
    const rows: { id: string; due_at: Date }[] = await this.dataSource.query(
      `SELECT id, due_at FROM scheduled_notifications
        WHERE status = 'pending' AND due_at <= now() - make_interval(secs => $2)
        ORDER BY due_at LIMIT $1`,
      [limit, SWEEP_GRACE_MS / 1000],
    );
    await this.enqueue(rows.map((r) => ({ id: r.id, dueAt: new Date(r.due_at) })));
    const emails = await this.notifications.deliverDueEmails();
    return { enqueued: rows.length, emails };
  }

  /** Oldest due-and-unsent reminder (readiness). */
  async overdue(): Promise<{ count: number; oldestSeconds: number | null }> {
    const [row]: { count: string; oldest: number | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, EXTRACT(EPOCH FROM now() - min(due_at))::float AS oldest
         FROM scheduled_notifications WHERE status = 'pending' AND due_at <= now()`,
    );
    return {
      count: Number(row?.count ?? 0),
      oldestSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.round(row.oldest),
    };
  }

  /**
   * Sends one reminder: under the row's lock, only if still pending and due; the in-app rows and the
   * status change commit together (so a duplicate job or a retry after a crash sends nothing twice),
   * then the e-mails go out.
   */
  async send(id: string): Promise<SendOutcome> {
    const now = this.clock.now();
    const result = await this.uow.run(async (tx) => {
      const row = await tx.em
        .getRepository(ScheduledNotificationEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("s.id = :id AND s.status = 'pending'", { id })
        .getOne();
      if (!row) return { outcome: 'skipped' as const, emails: [] as string[] };
      if (row.dueAt.getTime() > now.getTime() + 1000) return { outcome: 'early' as const, emails: [] };
      if (row.targetType === 'follow_up') {
        const task = await tx.em.getRepository(FollowUpTaskEntity).findOneBy({ id: row.targetId });
        if (
          !task ||
          task.status === 'done' ||
          task.status === 'cancelled' ||
          (row.kind === 'follow_up_ack_overdue' && task.acknowledgedAt !== null)
        ) {
          await tx.em.update(ScheduledNotificationEntity, row.id, { status: 'cancelled' });
          return { outcome: 'cancelled' as const, emails: [] };
        }
        if (row.kind === 'follow_up_overdue' && task.status === 'open')
          await tx.em.update(FollowUpTaskEntity, task.id, { status: 'overdue' });
      }
      const p = row.payload as ReminderSpec['payload'];
      const emails = await this.notifications.write(
        [
          {
            kind: row.kind,
            dedupeKey: row.id,
            to: { organizationId: row.recipientOrganizationId, roles: p.roles },
            params: (locale) => ({
              eventTitle: p.eventTitle,
              subject: p.subject,
              startsAt: formatWhen(p.startsAt, p.timeZone, locale),
              location: p.location ?? '',
              lead: leadText(row.label, locale),
              dueOn: p.dueOn ?? '',
              provisional: String(p.provisional ?? false),
              ownerName: p.ownerName ?? '',
              acknowledgeDueOn: p.acknowledgeDueOn ?? '',
            }),
            link: p.link ?? `/events/${p.eventId}`,
          },
        ],
        tx.em,
      );
      await tx.em.update(ScheduledNotificationEntity, row.id, {
        status: 'sent',
        sentAt: now,
        attempts: row.attempts + 1,
        lastError: null,
      });
      return { outcome: 'sent' as const, emails };
    });
    if (result.emails.length) await this.notifications.sendEmails(result.emails);
    return result.outcome;
  }

  /** Records a failed attempt on the row (the job retries; the sweeper after that). */
  async recordFailure(id: string, err: Error): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE scheduled_notifications SET attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1`,
        [id, err.message.slice(0, 500)],
      )
      .catch(() => undefined);
  }

  async rowsOf(targetIds: readonly string[]): Promise<ScheduledNotificationEntity[]> {
    if (!targetIds.length) return [];
    return this.dataSource
      .getRepository(ScheduledNotificationEntity)
      .find({ where: { targetId: In([...targetIds]) }, order: { dueAt: 'ASC' } });
  }
}
