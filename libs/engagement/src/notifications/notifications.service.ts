import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { MemberDirectory, type Principal, type Role } from '@app/identity';
import { CLOCK, type Clock, decodeCursor, encodeCursor, type Page, UnitOfWork } from '@app/platform';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationEntity,
  type NotificationChannel,
  type NotificationKind,
  type NotificationLocale,
} from '../entities/notification.entity';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity';
import { engagementError } from '../engagement.errors';
import { Mailer } from '../mail/mailer';
import { render, type TemplateParams } from './templates';

/** Who a draft goes to: every active member of an organization (optionally some roles), or one address. */
export type DraftRecipient =
  | { organizationId: string; roles?: readonly Role[] }
  | { email: string; locale: NotificationLocale; userId: string | null };

/** A notification before fan-out: rendered per recipient in their language. */
export interface NotificationDraft {
  kind: NotificationKind;
  /** The outbox event id (or scheduled reminder id) that produced it: unique per recipient. */
  dedupeKey: string;
  to: DraftRecipient;
  params: TemplateParams | ((locale: NotificationLocale) => TemplateParams);
  link?: string | null;
  ics?: string | null;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  locale: NotificationLocale;
  readAt: string | null;
  createdAt: string;
}

const EMAIL_MAX_ATTEMPTS = 6;
/** A pending e-mail the immediate delivery did not finish is retried by the sweeper after this. */
const EMAIL_GRACE_MS = 60_000;

const view = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  locale: n.locale,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/**
 * In-app notifications and their e-mail copies. Writing is idempotent per (dedupe key, recipient);
 * e-mail goes out after the rows commit, each under its row's lock with a status change, so a retried
 * job or the sweeper never sends one twice while it is being sent (SMTP itself is at-least-once: a
 * crash between the server's 250 and the commit resends that one message).
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly members: MemberDirectory,
    private readonly mailer: Mailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Fans the drafts out to people and writes the rows; returns the ids whose e-mail is pending. */
  async write(drafts: readonly NotificationDraft[], em: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (drafts.length === 0) return [];
    const orgTargets = drafts.flatMap((d) => ('organizationId' in d.to ? [d.to.organizationId] : []));
    const people = await this.members.recipientsOf(orgTargets, undefined, em);
    const userIds = [
      ...new Set([
        ...people.map((p) => p.userId),
        ...drafts.flatMap((d) => ('email' in d.to && d.to.userId ? [d.to.userId] : [])),
      ]),
    ];
    const prefs = await this.preferencesOf(userIds, em);
    const now = this.clock.now();
    const rows: Partial<NotificationEntity>[] = [];
    for (const d of drafts) {
      const targets =
        'organizationId' in d.to
          ? people
              .filter((p) => p.organizationId === (d.to as { organizationId: string }).organizationId)
              .filter((p) => !('roles' in d.to) || !d.to.roles || d.to.roles.includes(p.role))
              .map((p) => ({
                key: p.userId,
                userId: p.userId,
                orgId: p.organizationId,
                email: p.email,
                locale: p.locale,
              }))
          : [
              {
                key: d.to.userId ?? `email:${d.to.email.toLowerCase()}`,
                userId: d.to.userId,
                orgId: null,
                email: d.to.email,
                locale: d.to.locale,
              },
            ];
      for (const t of targets) {
        const channels = (t.userId && prefs.get(`${t.userId}:${d.kind}`)) || NOTIFICATION_CHANNELS;
        const params = typeof d.params === 'function' ? d.params(t.locale) : d.params;
        const text = render(d.kind, t.locale, params);
        const email = channels.includes('email') && this.mailer.enabled;
        rows.push({
          dedupeKey: d.dedupeKey,
          recipientKey: t.key,
          recipientUserId: t.userId,
          organizationId: t.orgId,
          recipientEmail: t.email,
          locale: t.locale,
          kind: d.kind,
          title: text.title,
          body: text.body,
          link: d.link ?? null,
          inApp: t.userId !== null && channels.includes('in_app'),
          ics: d.ics ?? null,
          emailStatus: email ? 'pending' : 'none',
          emailNextAttemptAt: email ? new Date(now.getTime() + EMAIL_GRACE_MS) : null,
        });
      }
    }
    if (rows.length === 0) return [];
    const pending: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values(rows.slice(i, i + 500))
        .orIgnore()
        .returning(['id', 'emailStatus'])
        .execute();
      for (const r of result.raw as { id: string; email_status: string }[])
        if (r.email_status === 'pending') pending.push(r.id);
    }
    return pending;
  }

  /** Writes the drafts in their own transaction, then sends their e-mails. Throws if an e-mail failed (the job retries). */
  async notify(drafts: readonly NotificationDraft[]): Promise<{ emails: number }> {
    await this.uow.run((tx) => this.write(drafts, tx.em));
    // Rows written by an earlier attempt whose e-mail did not go out are picked up here too.
    const keys = [...new Set(drafts.map((d) => d.dedupeKey))];
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE dedupe_key = ANY($1::text[]) AND email_status = 'pending'`,
      [keys],
    );
    return {
      emails: await this.sendEmails(
        ids.map((r) => r.id),
        true,
      ),
    };
  }

  async sendEmails(ids: readonly string[], throwOnFailure = false): Promise<number> {
    let sent = 0;
    let failure: Error | null = null;
    for (const id of ids) {
      try {
        if (await this.deliverEmail(id)) sent++;
      } catch (err) {
        failure = err as Error;
      }
    }
    if (failure && throwOnFailure) throw failure;
    return sent;
  }

  /** Sends one pending e-mail under its row lock; false when another sender has it or it is not pending. */
  async deliverEmail(id: string): Promise<boolean> {
    let error: Error | null = null;
    const sent = await this.uow.run(async (tx) => {
      const [row] = await tx.em
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("n.id = :id AND n.email_status = 'pending'", { id })
        .getMany();
      if (!row?.recipientEmail) return false;
      try {
        await this.mailer.send({ to: row.recipientEmail, subject: row.title, text: row.body, ics: row.ics });
      } catch (err) {
        error = err as Error;
        const attempts = row.emailAttempts + 1;
        await tx.em.update(NotificationEntity, row.id, {
          emailAttempts: attempts,
          emailError: error.message.slice(0, 500),
          emailStatus: attempts >= EMAIL_MAX_ATTEMPTS ? 'failed' : 'pending',
          emailNextAttemptAt: new Date(this.clock.now().getTime() + 2 ** attempts * 1000),
        });
        return false;
      }
      await tx.em.update(NotificationEntity, row.id, {
        emailStatus: 'sent',
        emailedAt: this.clock.now(),
        emailAttempts: row.emailAttempts + 1,
        emailError: null,
      });
      return true;
    });
    if (error) {
      this.logger.warn({ notificationId: id, err: (error as Error).message }, 'notification e-mail failed');
      throw error;
    }
    return sent;
  }

  /** E-mails still pending past their next attempt (the sweeper's second duty). */
  async deliverDueEmails(limit = 200): Promise<number> {
    if (!this.mailer.enabled) return 0;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE email_status = 'pending' AND email_next_attempt_at <= now()
        ORDER BY email_next_attempt_at LIMIT $1`,
      [limit],
    );
    return this.sendEmails(rows.map((r) => r.id));
  }

  // ── the inbox (API) ─────────────────────────────────────────────────────────────────────────────

  private inbox(principal: Principal) {
    return this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :user AND n.in_app', { user: principal.userId })
      .andWhere('(n.organization_id = :org OR n.organization_id IS NULL)', { org: principal.organizationId });
  }

  async list(
    principal: Principal,
    q: { unread?: boolean; cursor?: string; limit: number },
  ): Promise<Page<NotificationView>> {
    const qb = this.inbox(principal);
    if (q.unread) qb.andWhere('n.read_at IS NULL');
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(n.created_at, n.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(q.limit + 1)
      .getMany();
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(view),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async unreadCount(principal: Principal): Promise<number> {
    return this.inbox(principal).andWhere('n.read_at IS NULL').getCount();
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const row = await this.inbox(principal).andWhere('n.id = :id', { id }).getOne();
    if (!row) throw engagementError('NOTIFICATION_NOT_FOUND');
    if (!row.readAt) {
      row.readAt = this.clock.now();
      await this.dataSource
        .getRepository(NotificationEntity)
        .update({ id: row.id, readAt: IsNull() }, { readAt: row.readAt });
    }
    return view(row);
  }

  async markAllRead(principal: Principal): Promise<number> {
    const ids = (await this.inbox(principal).andWhere('n.read_at IS NULL').select('n.id').getMany()).map((n) => n.id);
    if (!ids.length) return 0;
    const result = await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE id = ANY($1::uuid[]) AND read_at IS NULL',
      [ids],
    );
    return (result as [unknown, number])[1] ?? ids.length;
  }

  // ── preferences ─────────────────────────────────────────────────────────────────────────────────

  private async preferencesOf(
    userIds: readonly string[],
    em: EntityManager,
  ): Promise<Map<string, NotificationChannel[]>> {
    if (!userIds.length) return new Map();
    const rows = await em
      .getRepository(NotificationPreferenceEntity)
      .createQueryBuilder('p')
      .where('p.user_id = ANY(:ids)', { ids: [...userIds] })
      .getMany();
    return new Map(rows.map((r) => [`${r.userId}:${r.kind}`, r.channels]));
  }

  async preferences(principal: Principal): Promise<{ kind: NotificationKind; channels: NotificationChannel[] }[]> {
    const prefs = await this.preferencesOf([principal.userId], this.dataSource.manager);
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      channels: prefs.get(`${principal.userId}:${kind}`) ?? [...NOTIFICATION_CHANNELS],
    }));
  }

  async setPreferences(
    principal: Principal,
    items: readonly { kind: NotificationKind; channels: NotificationChannel[] }[],
  ): Promise<{ kind: NotificationKind; channels: NotificationChannel[] }[]> {
    const kinds = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (kinds.has(item.kind))
        throw engagementError('NOTIFICATION_PREFERENCES_INVALID', { field: `items[${i}].kind`, reason: 'duplicate' });
      kinds.add(item.kind);
    }
    await this.uow.run(async (tx) => {
      for (const item of items)
        await tx.em
          .getRepository(NotificationPreferenceEntity)
          .upsert({ userId: principal.userId, kind: item.kind, channels: [...new Set(item.channels)] }, [
            'userId',
            'kind',
          ]);
    });
    return this.preferences(principal);
  }
}
