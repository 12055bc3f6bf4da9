import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessGrantsService, can, type Principal } from '@app/identity';
import { MandateDirectory, type MandateEntity } from '@app/funds';
import {
  EngineInputError,
  explainMatch,
  SnapshotService,
  toEngineMandate,
  type Cohort,
  type ProjectFeatures,
} from '@app/matching';
import { Clock, CLOCK, platformError, UnitOfWork } from '@app/platform';
import { ProjectDirectory } from '@app/startups';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';
import { RoadshowSessionEntity } from '../entities/roadshow-session.entity';
import { EventsService } from '../events/events.service';
import type { ApplyDto, DecideApplicationDto } from '../roadshows.dto';
import { roadshowsError } from '../roadshows.errors';
import type { ApplicantFitView, ApplicationView, RankedApplicationListView } from '../roadshows.views';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Applications: a founder applies with one of its published projects (optionally to a themed
 * session) and answers the event's questions; the organizer accepts, waitlists or rejects with a
 * reason, from a list ranked by fit. A founder sees only its own applications.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly projects: ProjectDirectory,
    private readonly mandates: MandateDirectory,
    private readonly snapshots: SnapshotService,
    private readonly grants: AccessGrantsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(principal: Principal, eventId: string, dto: ApplyDto): Promise<RoadshowApplicationEntity> {
    const event = await this.events.readable(principal, eventId);
    if (event.organizationId === principal.organizationId)
      throw roadshowsError('APPLICATION_INVALID', { field: 'projectId', reason: 'own_event' });
    if (!this.events.acceptsApplications(event))
      throw roadshowsError('APPLICATION_CLOSED', { status: event.status, deadline: iso(event.applicationDeadline) });
    const project = await this.projects.readable(principal, dto.projectId);
    if (!project || project.organizationId !== principal.organizationId)
      throw roadshowsError('APPLICATION_INVALID', { field: 'projectId', reason: 'not_your_project' });
    if (project.status !== 'published')
      throw roadshowsError('APPLICATION_INVALID', {
        field: 'projectId',
        reason: 'not_published',
        status: project.status,
      });
    if (dto.sessionId) {
      const session = await this.events.session(dto.sessionId);
      if (session.eventId !== eventId)
        throw roadshowsError('APPLICATION_INVALID', { field: 'sessionId', reason: 'other_event' });
    }
    const answers = this.checkedAnswers(event, dto.answers ?? {});
    // Consenting to share confidential data is granting access: the same role rule as access grants.
    if (dto.shareConfidential && !can(principal, 'access_grant:manage', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'access_grant:manage', field: 'shareConfidential' });
    return this.uow.run(async (tx) => {
      const inserted: { id: string }[] = await tx.em.query(
        `INSERT INTO roadshow_applications
           (event_id, session_id, project_id, startup_organization_id, answers, share_confidential, applied_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, project_id) DO NOTHING RETURNING id`,
        [
          eventId,
          dto.sessionId ?? null,
          project.id,
          principal.organizationId,
          JSON.stringify(answers),
          dto.shareConfidential === true,
          principal.userId,
        ],
      );
      if (inserted.length === 0) {
        const existing = await tx.em
          .getRepository(RoadshowApplicationEntity)
          .findOneBy({ eventId, projectId: project.id });
        throw roadshowsError('APPLICATION_EXISTS', {
          field: 'projectId',
          applicationId: existing?.id,
          status: existing?.status,
        });
      }
      return tx.em.getRepository(RoadshowApplicationEntity).findOneByOrFail({ id: inserted[0].id });
    });
  }

  async decide(
    principal: Principal,
    applicationId: string,
    dto: DecideApplicationDto,
  ): Promise<RoadshowApplicationEntity> {
    return this.uow.run(async (tx) => {
      const application = await tx.em
        .getRepository(RoadshowApplicationEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id: applicationId })
        .getOne();
      if (!application) throw roadshowsError('APPLICATION_NOT_FOUND');
      // Locks the event row too: concurrent acceptances count capacity one at a time.
      const event = await this.events.own(principal, application.eventId, tx.em, true).catch(() => {
        throw roadshowsError('APPLICATION_NOT_FOUND');
      });
      if (application.status === 'withdrawn' || event.status === 'finished')
        throw roadshowsError('APPLICATION_STATE_INVALID', { status: application.status, eventStatus: event.status });
      if (dto.status === 'rejected' && !dto.reason?.trim())
        throw roadshowsError('APPLICATION_INVALID', { field: 'reason', reason: 'reason_required' });
      let sessionId = application.sessionId;
      if (dto.sessionId) {
        const session = await this.events.session(dto.sessionId, tx.em);
        if (session.eventId !== event.id)
          throw roadshowsError('APPLICATION_INVALID', { field: 'sessionId', reason: 'other_event' });
        sessionId = session.id;
      }
      if (dto.status === 'accepted' && application.status !== 'accepted' && event.capacity !== null) {
        const accepted = await tx.em
          .getRepository(RoadshowApplicationEntity)
          .countBy({ eventId: event.id, status: 'accepted' });
        if (accepted >= event.capacity) throw roadshowsError('EVENT_FULL', { capacity: event.capacity, accepted });
      }
      if (application.status === 'accepted' && dto.status !== 'accepted') {
        // Leaving "accepted" takes the pitch off any draft agenda; a published one is frozen.
        const frozen = await tx.em.query(
          `SELECT 1 FROM roadshow_pitch_slots p JOIN roadshow_sessions s ON s.id = p.session_id
            WHERE p.application_id = $1 AND s.agenda_published_at IS NOT NULL`,
          [application.id],
        );
        if (frozen.length > 0) throw roadshowsError('AGENDA_FROZEN', { applicationId: application.id });
        await tx.em.query('DELETE FROM roadshow_pitch_slots WHERE application_id = $1', [application.id]);
      }
      Object.assign(application, {
        status: dto.status,
        decisionReason: dto.reason?.trim() || null,
        decidedAt: this.clock.now(),
        sessionId,
      });
      const saved = await tx.em.getRepository(RoadshowApplicationEntity).save(application);
      if (dto.status === 'accepted' && application.shareConfidential && application.appliedByUserId)
        await this.grants.grantByConsent(tx, {
          startupOrganizationId: application.startupOrganizationId,
          granteeOrganizationId: event.organizationId,
          consentedByUserId: application.appliedByUserId,
          expiresAt: event.endsAt,
          reason: `roadshow:${event.id}`,
        });
      tx.publish({
        type: 'roadshows.application_decided',
        applicationId: saved.id,
        eventId: saved.eventId,
        startupOrganizationId: saved.startupOrganizationId,
        status: dto.status,
      });
      return saved;
    });
  }

  async withdraw(principal: Principal, applicationId: string): Promise<RoadshowApplicationEntity> {
    return this.uow.run(async (tx) => {
      const application = await tx.em.getRepository(RoadshowApplicationEntity).findOneBy({ id: applicationId });
      if (!application || application.startupOrganizationId !== principal.organizationId)
        throw roadshowsError('APPLICATION_NOT_FOUND');
      if (application.status === 'withdrawn' || application.status === 'rejected')
        throw roadshowsError('APPLICATION_STATE_INVALID', { status: application.status });
      const frozen = await tx.em.query(
        `SELECT 1 FROM roadshow_pitch_slots p JOIN roadshow_sessions s ON s.id = p.session_id
          WHERE p.application_id = $1 AND s.agenda_published_at IS NOT NULL`,
        [application.id],
      );
      if (frozen.length > 0) throw roadshowsError('AGENDA_FROZEN', { applicationId: application.id });
      await tx.em.query('DELETE FROM roadshow_pitch_slots WHERE application_id = $1', [application.id]);
      application.status = 'withdrawn';
      return tx.em.getRepository(RoadshowApplicationEntity).save(application);
    });
  }

  /** A founder's own applications, newest first. */
  async mine(principal: Principal): Promise<ApplicationView[]> {
    const rows = await this.dataSource.getRepository(RoadshowApplicationEntity).find({
      where: { startupOrganizationId: principal.organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return this.views(rows);
  }

  async views(rows: RoadshowApplicationEntity[]): Promise<ApplicationView[]> {
    const [labels, events] = await Promise.all([
      this.projects.labels(rows.map((r) => r.projectId)),
      rows.length
        ? this.dataSource.getRepository(RoadshowEventEntity).find({
            where: { id: In([...new Set(rows.map((r) => r.eventId))]) },
            select: { id: true, title: true },
          })
        : Promise.resolve([]),
    ]);
    const titles = new Map(events.map((e) => [e.id, e.title]));
    return rows.map((a) => ({
      id: a.id,
      eventId: a.eventId,
      eventTitle: titles.get(a.eventId) ?? '',
      sessionId: a.sessionId,
      projectId: a.projectId,
      projectTitle: labels.get(a.projectId)?.title ?? null,
      startupName: labels.get(a.projectId)?.startupName ?? null,
      answers: a.answers,
      status: a.status,
      decisionReason: a.decisionReason,
      decidedAt: iso(a.decidedAt),
      createdAt: a.createdAt.toISOString(),
    }));
  }

  /**
   * The organizer's applicant list, ranked: theme fit first (the project's tracks include the
   * session's theme), then how many of the invited investors' discoverable mandates it is eligible
   * for, then the best score among them (the matching engine), then first come.
   */
  async ranked(principal: Principal, eventId: string, sessionId?: string): Promise<RankedApplicationListView> {
    const event = await this.events.own(principal, eventId);
    const where = sessionId ? { eventId, sessionId } : { eventId };
    const [applications, sessions, invitations] = await Promise.all([
      this.dataSource.getRepository(RoadshowApplicationEntity).find({ where, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(RoadshowSessionEntity).findBy({ eventId }),
      this.dataSource.getRepository(RoadshowInvitationEntity).findBy({ eventId }),
    ]);
    const mandates = await this.mandates.discoverableOf(invitations.map((i) => i.investorOrganizationId));
    const themes = new Map(sessions.map((s) => [s.id, s.track]));
    const cohort = this.snapshots.snapshot.cohort;
    const fits = new Map<string, ApplicantFitView | null>();
    for (const a of applications) {
      // Published projects are in this process's snapshot; only the rest (archived since) are read.
      const features =
        this.snapshots.snapshot.get(a.projectId) ?? (await this.snapshots.featuresOf(a.projectId))?.features;
      const theme = a.sessionId ? (themes.get(a.sessionId) ?? null) : null;
      fits.set(a.id, features ? this.fit(features, theme, mandates, cohort) : null);
    }
    const views = await this.views(applications);
    const byId = new Map(applications.map((a) => [a.id, a]));
    const order = (id: string) => {
      const f = fits.get(id);
      return [f?.themeMatch ? 1 : 0, f?.eligibleMandates ?? -1, f?.bestScore ?? -1];
    };
    views.sort((x, y) => {
      const [a, b] = [order(x.id), order(y.id)];
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
      return byId.get(x.id)!.createdAt.getTime() - byId.get(y.id)!.createdAt.getTime() || (x.id < y.id ? -1 : 1);
    });
    return {
      items: views.map((v, i) => ({ ...v, rank: i + 1, fit: fits.get(v.id) ?? null })),
      accepted: applications.filter((a) => a.status === 'accepted').length,
      capacity: event.capacity,
    };
  }

  private fit(
    f: ProjectFeatures,
    theme: string | null,
    mandates: readonly MandateEntity[],
    cohort: Cohort,
  ): ApplicantFitView {
    let eligible = 0;
    let considered = 0;
    let best: number | null = null;
    for (const m of mandates) {
      try {
        const r = explainMatch(f, toEngineMandate(m, m.terms), cohort);
        considered++;
        if (r.eligible) {
          eligible++;
          best = Math.max(best ?? 0, r.score ?? 0);
        }
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
      }
    }
    return {
      themeMatch: theme === null || f.tracks.includes(theme),
      eligibleMandates: eligible,
      mandatesConsidered: considered,
      bestScore: best,
      qualifications: [...f.qualifications],
      techSmeVerdict: f.techSmeVerdict,
      techSmePoints: f.techSmePoints,
      tracks: [...f.tracks],
      stage: f.stage,
    };
  }

  private checkedAnswers(event: RoadshowEventEntity, answers: Record<string, unknown>): Record<string, string> {
    const known = new Map(event.questions.map((q) => [q.id, q]));
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(answers)) {
      const q = known.get(key);
      if (!q) throw roadshowsError('APPLICATION_INVALID', { field: `answers.${key}`, reason: 'unknown_question' });
      if (typeof value !== 'string')
        throw roadshowsError('APPLICATION_INVALID', { field: `answers.${key}`, reason: 'not_text' });
      if (value.length > q.maxLength)
        throw roadshowsError('APPLICATION_INVALID', {
          field: `answers.${key}`,
          reason: 'too_long',
          maxLength: q.maxLength,
        });
      if (value.trim()) out[key] = value.trim();
    }
    for (const q of event.questions)
      if (q.required && !out[q.id])
        throw roadshowsError('APPLICATION_INVALID', { field: `answers.${q.id}`, reason: 'required' });
    return out;
  }
}
