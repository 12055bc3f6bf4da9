import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';
import { RoadshowMeetingRequestEntity } from '../entities/roadshow-meeting-request.entity';
import { RoadshowMeetingEntity } from '../entities/roadshow-meeting.entity';
import { RoadshowPitchSlotEntity } from '../entities/roadshow-pitch-slot.entity';
import { RoadshowSessionEntity } from '../entities/roadshow-session.entity';

/** What a notification needs to say about an event. */
export interface RoadshowEventBrief {
  id: string;
  title: string;
  organizationId: string;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  sequence: number;
  startsAt: Date;
}

export interface RoadshowApplicationDecision {
  applicationId: string;
  startupOrganizationId: string;
  status: string;
  reason: string | null;
  event: RoadshowEventBrief;
}

export interface RoadshowAgenda {
  session: { id: string; title: string; room: string | null; startsAt: Date; endsAt: Date; published: boolean };
  event: RoadshowEventBrief;
  pitches: { applicationId: string; startupOrganizationId: string; position: number; startsAt: Date; endsAt: Date }[];
}

export interface RoadshowMeetingRequestBrief {
  requestId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  status: string;
  message: string;
  event: RoadshowEventBrief;
}

export interface RoadshowPublishedMeeting {
  requestId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  tableName: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
}

/** One 1:1 meeting with its parties (an outcome is recorded against it). */
export interface RoadshowMeetingBrief {
  requestId: string;
  eventId: string;
  organizerOrganizationId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  projectId: string | null;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
}

/** Everything an event report counts, as plain rows (roadshows keeps its tables). */
export interface RoadshowEventFacts {
  event: RoadshowEventBrief & { status: string; endsAt: Date };
  applications: {
    id: string;
    projectId: string;
    startupOrganizationId: string;
    sessionId: string | null;
    status: string;
    createdAt: Date;
  }[];
  sessions: { id: string; title: string; track: string | null; startsAt: Date; endsAt: Date; published: boolean }[];
  /** Pitch slots on agendas (published or not: see `sessions[].published`). */
  pitches: { applicationId: string; sessionId: string; startsAt: Date }[];
  invitations: { investorOrganizationId: string; status: string; checkedIn: boolean }[];
  meetingRequests: {
    id: string;
    fromOrganizationId: string;
    toOrganizationId: string;
    projectId: string | null;
    status: string;
  }[];
  /** Published meetings, cancelled ones included (`cancelled`). */
  meetings: { requestId: string; startsAt: Date; endsAt: Date; cancelled: boolean }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Roadshows' read port for other libs (engagement's notifications, reminders and follow-ups):
 * decisions, published agendas and meetings with their times and parties. Roadshows keeps its
 * tables; callers get plain data.
 */
@Injectable()
export class RoadshowDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eventBrief(id: string): Promise<RoadshowEventBrief | null> {
    if (!UUID.test(id)) return null;
    const e = await this.dataSource.getRepository(RoadshowEventEntity).findOneBy({ id });
    return e
      ? {
          id: e.id,
          title: e.title,
          organizationId: e.organizationId,
          timeZone: e.timeZone,
          venue: e.venue,
          onlineUrl: e.onlineUrl,
          sequence: e.sequence,
          startsAt: e.startsAt,
        }
      : null;
  }

  async applicationDecision(applicationId: string): Promise<RoadshowApplicationDecision | null> {
    if (!UUID.test(applicationId)) return null;
    const a = await this.dataSource.getRepository(RoadshowApplicationEntity).findOneBy({ id: applicationId });
    const event = a && (await this.eventBrief(a.eventId));
    if (!a || !event) return null;
    return {
      applicationId: a.id,
      startupOrganizationId: a.startupOrganizationId,
      status: a.status,
      reason: a.decisionReason,
      event,
    };
  }

  /** A session's agenda (pitch slots in order) with the founders' organizations. */
  async agenda(sessionId: string): Promise<RoadshowAgenda | null> {
    if (!UUID.test(sessionId)) return null;
    const s = await this.dataSource.getRepository(RoadshowSessionEntity).findOneBy({ id: sessionId });
    const event = s && (await this.eventBrief(s.eventId));
    if (!s || !event) return null;
    const slots = await this.dataSource
      .getRepository(RoadshowPitchSlotEntity)
      .find({ where: { sessionId }, order: { position: 'ASC' } });
    const applications = slots.length
      ? await this.dataSource.getRepository(RoadshowApplicationEntity).find({
          where: { id: In(slots.map((p) => p.applicationId)) },
          select: { id: true, startupOrganizationId: true },
        })
      : [];
    const orgOf = new Map(applications.map((a) => [a.id, a.startupOrganizationId]));
    return {
      session: {
        id: s.id,
        title: s.title,
        room: s.room,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        published: s.agendaPublishedAt !== null,
      },
      event,
      pitches: slots
        .filter((p) => orgOf.has(p.applicationId))
        .map((p) => ({
          applicationId: p.applicationId,
          startupOrganizationId: orgOf.get(p.applicationId)!,
          position: p.position,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
        })),
    };
  }

  async meetingRequest(requestId: string): Promise<RoadshowMeetingRequestBrief | null> {
    if (!UUID.test(requestId)) return null;
    const r = await this.dataSource.getRepository(RoadshowMeetingRequestEntity).findOneBy({ id: requestId });
    const event = r && (await this.eventBrief(r.eventId));
    if (!r || !event) return null;
    return {
      requestId: r.id,
      fromOrganizationId: r.fromOrganizationId,
      toOrganizationId: r.toOrganizationId,
      status: r.status,
      message: r.message,
      event,
    };
  }

  /** The event's published 1:1 meetings (all of them: the current publication). */
  async publishedMeetings(
    eventId: string,
  ): Promise<{ event: RoadshowEventBrief; meetings: RoadshowPublishedMeeting[] } | null> {
    const event = await this.eventBrief(eventId);
    if (!event) return null;
    const meetings = await this.dataSource
      .getRepository(RoadshowMeetingEntity)
      .find({ where: { eventId }, order: { startsAt: 'ASC', requestId: 'ASC' } });
    const requests = meetings.length
      ? await this.dataSource.getRepository(RoadshowMeetingRequestEntity).find({
          where: { id: In(meetings.map((m) => m.requestId)) },
          select: { id: true, fromOrganizationId: true, toOrganizationId: true },
        })
      : [];
    const byId = new Map(requests.map((r) => [r.id, r]));
    return {
      event,
      meetings: meetings
        .filter((m) => byId.has(m.requestId))
        .map((m) => ({
          requestId: m.requestId,
          fromOrganizationId: byId.get(m.requestId)!.fromOrganizationId,
          toOrganizationId: byId.get(m.requestId)!.toOrganizationId,
          tableName: m.tableName,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          sequence: m.sequence,
        })),
    };
  }

  /** One meeting (by its request id) with its parties and the event's organizer. */
  async meeting(requestId: string): Promise<RoadshowMeetingBrief | null> {
    if (!UUID.test(requestId)) return null;
    const m = await this.dataSource.getRepository(RoadshowMeetingEntity).findOneBy({ requestId });
    const r = m && (await this.dataSource.getRepository(RoadshowMeetingRequestEntity).findOneBy({ id: requestId }));
    const e = r && (await this.dataSource.getRepository(RoadshowEventEntity).findOneBy({ id: r.eventId }));
    if (!m || !r || !e) return null;
    return {
      requestId,
      eventId: r.eventId,
      organizerOrganizationId: e.organizationId,
      fromOrganizationId: r.fromOrganizationId,
      toOrganizationId: r.toOrganizationId,
      projectId: r.projectId,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      cancelled: m.cancelledAt !== null,
    };
  }

  /** The rows an event report folds: applications, sessions and pitches, invitations, requests, meetings. */
  async eventFacts(eventId: string): Promise<RoadshowEventFacts | null> {
    if (!UUID.test(eventId)) return null;
    const e = await this.dataSource.getRepository(RoadshowEventEntity).findOneBy({ id: eventId });
    if (!e) return null;
    const ds = this.dataSource;
    const [applications, sessions, invitations, requests, meetings] = await Promise.all([
      ds.getRepository(RoadshowApplicationEntity).find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      ds.getRepository(RoadshowSessionEntity).find({ where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } }),
      ds.getRepository(RoadshowInvitationEntity).find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      ds
        .getRepository(RoadshowMeetingRequestEntity)
        .find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      ds
        .getRepository(RoadshowMeetingEntity)
        .find({ where: { eventId }, order: { startsAt: 'ASC', requestId: 'ASC' } }),
    ]);
    const slots = sessions.length
      ? await ds.getRepository(RoadshowPitchSlotEntity).find({
          where: { sessionId: In(sessions.map((s) => s.id)) },
          order: { startsAt: 'ASC', position: 'ASC' },
        })
      : [];
    return {
      event: {
        id: e.id,
        title: e.title,
        organizationId: e.organizationId,
        timeZone: e.timeZone,
        venue: e.venue,
        onlineUrl: e.onlineUrl,
        sequence: e.sequence,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        status: e.status,
      },
      applications: applications.map((a) => ({
        id: a.id,
        projectId: a.projectId,
        startupOrganizationId: a.startupOrganizationId,
        sessionId: a.sessionId,
        status: a.status,
        createdAt: a.createdAt,
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        title: s.title,
        track: s.track,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        published: s.agendaPublishedAt !== null,
      })),
      pitches: slots.map((p) => ({ applicationId: p.applicationId, sessionId: p.sessionId, startsAt: p.startsAt })),
      invitations: invitations.map((i) => ({
        investorOrganizationId: i.investorOrganizationId,
        status: i.status,
        checkedIn: i.checkedInAt !== null,
      })),
      meetingRequests: requests.map((r) => ({
        id: r.id,
        fromOrganizationId: r.fromOrganizationId,
        toOrganizationId: r.toOrganizationId,
        projectId: r.projectId,
        status: r.status,
      })),
      meetings: meetings.map((m) => ({
        requestId: m.requestId,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        cancelled: m.cancelledAt !== null,
      })),
    };
  }

  /** An organizer's events that start within [from, to) (drafts excluded), oldest first. */
  async organizerEvents(organizationId: string, from: Date, to: Date): Promise<string[]> {
    if (!UUID.test(organizationId)) return [];
    const rows = await this.dataSource.getRepository(RoadshowEventEntity).find({
      where: { organizationId, startsAt: Between(from, new Date(to.getTime() - 1)) },
      select: { id: true, status: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return rows.filter((r) => r.status !== 'draft').map((r) => r.id);
  }
}
