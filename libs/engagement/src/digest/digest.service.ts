import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, LessThan } from 'typeorm';
import { MandateDirectory } from '@app/funds';
import { DealFlowService } from '@app/matching';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, UnitOfWork } from '@app/platform';
import { DigestRunEntity } from '../entities/digest-run.entity';
import { NotificationsService } from '../notifications/notifications.service';

const ZONE = 'Asia/Shanghai';

export interface DigestDayResult {
  day: string;
  mandates: number;
  /** Runs written by this call (a repeated call for the same day writes none). */
  created: number;
  sent: number;
  empty: number;
}

/**
 * The investors' daily digest: for each active mandate, the projects that newly entered its top list
 * (top `DIGEST_TOP_K`, score ≥ `DIGEST_MIN_SCORE`) since its previous digest. Rows first: the day's
 * run is inserted (unique per mandate and day) before anything is sent, then sent under its row lock
 * and marked sent in the same transaction as the in-app rows — a repeated or duplicated job sends
 * nothing twice. Runs in the API process: the ranking needs its matching snapshot.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly mandates: MandateDirectory,
    private readonly dealFlow: DealFlowService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in Asia/Shanghai. */
  today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: ZONE }).toISODate()!;
  }

  async runDay(day: string = this.today()): Promise<DigestDayResult> {
    const mandates = await this.mandates.active();
    const k = this.config.DIGEST_TOP_K;
    const threshold = this.config.DIGEST_MIN_SCORE;
    let created = 0;
    for (const m of mandates) {
      const repo = this.dataSource.getRepository(DigestRunEntity);
      if (await repo.existsBy({ mandateId: m.id, day })) continue;
      const top = await this.dealFlow.topList(m, k, threshold);
      const previous = await repo.findOne({ where: { mandateId: m.id, day: LessThan(day) }, order: { day: 'DESC' } });
      const before = new Set(previous?.topProjectIds ?? []);
      const fresh = top.filter((t) => !before.has(t.projectId));
      const res = await repo
        .createQueryBuilder()
        .insert()
        .values({
          mandateId: m.id,
          organizationId: m.organizationId,
          day,
          topProjectIds: top.map((t) => t.projectId),
          newProjectIds: fresh.map((t) => t.projectId),
          scores: Object.fromEntries(fresh.map((t) => [t.projectId, t.score])),
          titles: Object.fromEntries(fresh.map((t) => [t.projectId, t.title])),
          mandateName: m.name,
          status: fresh.length ? 'pending' : 'empty',
        })
        .orIgnore()
        .execute();
      created += res.identifiers.filter(Boolean).length;
    }
    // Send every pending run of the day (this call's, or one a crashed call left behind).
    const pending = await this.dataSource
      .getRepository(DigestRunEntity)
      .find({ where: { day, status: 'pending' }, select: { id: true } });
    let sent = 0;
    for (const p of pending) if (await this.send(p.id)) sent++;
    const empty = await this.dataSource.getRepository(DigestRunEntity).countBy({ day, status: 'empty' });
    this.logger.log({ day, mandates: mandates.length, created, sent }, 'daily digest');
    return { day, mandates: mandates.length, created, sent, empty };
  }

  /** Sends one run under its row lock (in-app rows and `sent` commit together; e-mails after). */
  async send(id: string): Promise<boolean> {
    const emails = await this.uow.run(async (tx) => {
      const run = await tx.em
        .getRepository(DigestRunEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("d.id = :id AND d.status = 'pending'", { id })
        .getOne();
      if (!run) return null;
      const lines = run.newProjectIds
        .map((p) => `· ${run.titles[p] ?? p} — ${(run.scores[p] ?? 0).toFixed(1)}`)
        .join('\n');
      const emails = await this.notifications.write(
        [
          {
            kind: 'mandate_digest',
            dedupeKey: `digest:${run.id}`,
            to: { organizationId: run.organizationId },
            params: {
              mandateName: run.mandateName,
              count: String(run.newProjectIds.length),
              topK: String(this.config.DIGEST_TOP_K),
              threshold: String(this.config.DIGEST_MIN_SCORE),
              lines,
            },
            link: `/mandates/${run.mandateId}/deal-flow`,
          },
        ],
        tx.em,
      );
      await tx.em.update(DigestRunEntity, run.id, { status: 'sent', sentAt: this.clock.now() });
      return emails;
    });
    if (emails === null) return false;
    if (emails.length) await this.notifications.sendEmails(emails);
    return true;
  }
}
