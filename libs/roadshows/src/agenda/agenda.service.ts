import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@app/identity';
import { Clock, CLOCK, UnitOfWork } from '@app/platform';
import { ProjectDirectory } from '@app/startups';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
import { RoadshowPitchSlotEntity } from '../entities/roadshow-pitch-slot.entity';
import { RoadshowSessionEntity } from '../entities/roadshow-session.entity';
import { EventsService } from '../events/events.service';
import { roadshowsError } from '../roadshows.errors';
import type { AgendaView } from '../roadshows.views';

/**
 * A session's pitch agenda: the organizer orders accepted applications; times follow from the
 * session's start and its pitch + Q&A lengths. Conflicts are errors with a reason; publishing
 * freezes the agenda and tells the participants.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly projects: ProjectDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async set(principal: Principal, sessionId: string, applicationIds: readonly string[]): Promise<AgendaView> {
    await this.uow.run(async (tx) => {
      const session = await tx.em
        .getRepository(RoadshowSessionEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: sessionId })
        .getOne();
      if (!session) throw roadshowsError('SESSION_NOT_FOUND');
      await this.events.own(principal, session.eventId, tx.em).catch(() => {
        throw roadshowsError('SESSION_NOT_FOUND');
      });
      if (session.agendaPublishedAt)
        throw roadshowsError('AGENDA_FROZEN', { sessionId, publishedAt: session.agendaPublishedAt.toISOString() });
      if (applicationIds.length > session.maxPitches)
        throw roadshowsError('AGENDA_INVALID', {
          field: 'applicationIds',
          reason: 'over_capacity',
          maxPitches: session.maxPitches,
        });
      const applications = applicationIds.length
        ? await tx.em.getRepository(RoadshowApplicationEntity).findBy({ id: In([...applicationIds]) })
        : [];
      const byId = new Map(applications.map((a) => [a.id, a]));
      for (const id of applicationIds) {
        const a = byId.get(id);
        if (!a || a.eventId !== session.eventId)
          throw roadshowsError('AGENDA_INVALID', {
            field: 'applicationIds',
            reason: 'unknown_application',
            applicationId: id,
          });
        if (a.status !== 'accepted')
          throw roadshowsError('AGENDA_INVALID', {
            field: 'applicationIds',
            reason: 'not_accepted',
            applicationId: id,
            status: a.status,
          });
        if (a.sessionId && a.sessionId !== sessionId)
          throw roadshowsError('AGENDA_INVALID', {
            field: 'applicationIds',
            reason: 'other_session',
            applicationId: id,
            sessionId: a.sessionId,
          });
      }
      const elsewhere: { application_id: string; session_id: string }[] = applicationIds.length
        ? await tx.em.query(
            'SELECT application_id, session_id FROM roadshow_pitch_slots WHERE application_id = ANY($1::uuid[]) AND session_id <> $2',
            [[...applicationIds], sessionId],
          )
        : [];
      if (elsewhere.length > 0)
        throw roadshowsError('AGENDA_INVALID', {
          field: 'applicationIds',
          reason: 'in_other_agenda',
          applicationId: elsewhere[0].application_id,
          sessionId: elsewhere[0].session_id,
        });
      const step = (session.pitchMinutes + session.qaMinutes) * 60_000;
      const start = session.startsAt.getTime();
      if (start + applicationIds.length * step > session.endsAt.getTime())
        throw roadshowsError('AGENDA_INVALID', { field: 'applicationIds', reason: 'overruns_session' });
      await tx.em.delete(RoadshowPitchSlotEntity, { sessionId });
      if (applicationIds.length > 0)
        await tx.em.insert(
          RoadshowPitchSlotEntity,
          applicationIds.map((applicationId, i) => ({
            sessionId,
            applicationId,
            position: i + 1,
            startsAt: new Date(start + i * step),
            endsAt: new Date(start + i * step + session.pitchMinutes * 60_000),
          })),
        );
      // An application placed here belongs to this session from now on.
      const unassigned = applications.filter((a) => a.sessionId === null).map((a) => a.id);
      if (unassigned.length) await tx.em.update(RoadshowApplicationEntity, { id: In(unassigned) }, { sessionId });
    });
    return this.get(principal, sessionId);
  }

  async publish(principal: Principal, sessionId: string): Promise<AgendaView> {
    await this.uow.run(async (tx) => {
      const session = await tx.em
        .getRepository(RoadshowSessionEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: sessionId })
        .getOne();
      if (!session) throw roadshowsError('SESSION_NOT_FOUND');
      const event = await this.events.own(principal, session.eventId, tx.em, true).catch(() => {
        throw roadshowsError('SESSION_NOT_FOUND');
      });
      if (session.agendaPublishedAt)
        throw roadshowsError('AGENDA_FROZEN', { sessionId, publishedAt: session.agendaPublishedAt.toISOString() });
      if (event.status === 'draft' || event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'publish_agenda' });
      const slots = await tx.em.getRepository(RoadshowPitchSlotEntity).countBy({ sessionId });
      if (slots === 0) throw roadshowsError('AGENDA_INVALID', { field: 'applicationIds', reason: 'empty' });
      session.agendaPublishedAt = this.clock.now();
      await tx.em.getRepository(RoadshowSessionEntity).save(session);
      event.sequence += 1;
      await tx.em.getRepository(RoadshowEventEntity).save(event);
      tx.publish({ type: 'roadshows.agenda_published', sessionId, eventId: event.id });
    });
    return this.get(principal, sessionId);
  }

  /** A session's agenda, for anyone who may read the event. */
  async get(principal: Principal, sessionId: string): Promise<AgendaView> {
    const session = await this.events.session(sessionId);
    await this.events.readable(principal, session.eventId).catch(() => {
      throw roadshowsError('SESSION_NOT_FOUND');
    });
    return this.view(session);
  }

  async view(session: RoadshowSessionEntity): Promise<AgendaView> {
    const slots = await this.dataSource
      .getRepository(RoadshowPitchSlotEntity)
      .find({ where: { sessionId: session.id }, order: { position: 'ASC' } });
    const applications = slots.length
      ? await this.dataSource
          .getRepository(RoadshowApplicationEntity)
          .findBy({ id: In(slots.map((s) => s.applicationId)) })
      : [];
    const projectOf = new Map(applications.map((a) => [a.id, a.projectId]));
    const labels = await this.projects.labels([...projectOf.values()]);
    return {
      sessionId: session.id,
      publishedAt: session.agendaPublishedAt ? session.agendaPublishedAt.toISOString() : null,
      slots: slots.map((s) => {
        const projectId = projectOf.get(s.applicationId) ?? '';
        return {
          position: s.position,
          applicationId: s.applicationId,
          projectId,
          projectTitle: labels.get(projectId)?.title ?? null,
          startupName: labels.get(projectId)?.startupName ?? null,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        };
      }),
    };
  }
}
