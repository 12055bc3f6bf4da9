import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
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
}
