import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { DataSource, In, IsNull } from 'typeorm';
import type { Principal } from '@app/identity';
import { OrganizationDirectory } from '@app/identity';
import { UnitOfWork } from '@app/platform';
import { ProjectDirectory } from '@app/startups';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowCalendarFeedEntity } from '../entities/roadshow-calendar-feed.entity';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';
import { RoadshowPitchSlotEntity } from '../entities/roadshow-pitch-slot.entity';
import { RoadshowSessionEntity } from '../entities/roadshow-session.entity';
import { EventsService } from '../events/events.service';
import { roadshowsError } from '../roadshows.errors';
import type { CalendarFeedView } from '../roadshows.views';

const UID_DOMAIN = 'tourong.roadshows';

interface MeetingRow {
  request_id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  table_name: string;
  sequence: number;
  cancelled_at: Date | null;
  from_organization_id: string;
  to_organization_id: string;
}

/** "1:1 · <the other party>" for a party, "1:1 · A × B" for the organizer. */
function titleFor(m: MeetingRow, viewer: string | null, names: Map<string, string>): string {
  const name = (id: string) => names.get(id) ?? '';
  if (viewer === m.from_organization_id) return `1:1 · ${name(m.to_organization_id)}`;
  if (viewer === m.to_organization_id) return `1:1 · ${name(m.from_organization_id)}`;
  return `1:1 · ${name(m.from_organization_id)} × ${name(m.to_organization_id)}`;
}
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const zoned = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

/**
 * Calendars (RFC 5545): an event's public programme, and a private, revocable feed per organization
 * with the sessions it takes part in (its own pitch slots for founders, every session for invited
 * investors). Times are written in the event's zone with its VTIMEZONE; UIDs are stable and
 * SEQUENCE follows the event's change counter, so a subscribed calendar updates in place.
 */
@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly projects: ProjectDirectory,
    private readonly organizations: OrganizationDirectory,
  ) {}

  async eventCalendar(principal: Principal, eventId: string): Promise<string> {
    const event = await this.events.readable(principal, eventId);
    const sessions = await this.events.sessionsOf([event.id]);
    const cal = this.calendar(event.title, event.timeZone);
    const organizer = (await this.organizations.names([event.organizationId])).get(event.organizationId) ?? '';
    for (const s of sessions) this.addSession(cal, event, s, organizer);
    return cal.toString();
  }

  async createFeed(principal: Principal): Promise<CalendarFeedView> {
    const token = randomBytes(24).toString('base64url');
    const saved = await this.uow.run((tx) =>
      tx.em
        .getRepository(RoadshowCalendarFeedEntity)
        .save(
          tx.em
            .getRepository(RoadshowCalendarFeedEntity)
            .create({ organizationId: principal.organizationId, tokenHash: hash(token) }),
        ),
    );
    return {
      id: saved.id,
      url: `/api/v1/calendar-feeds/${token}.ics`,
      createdAt: saved.createdAt.toISOString(),
      revokedAt: null,
    };
  }

  async listFeeds(principal: Principal): Promise<CalendarFeedView[]> {
    const rows = await this.dataSource
      .getRepository(RoadshowCalendarFeedEntity)
      .find({ where: { organizationId: principal.organizationId }, order: { createdAt: 'DESC' } });
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
  }

  async revokeFeed(principal: Principal, id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(RoadshowCalendarFeedEntity)
      .update({ id, organizationId: principal.organizationId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw roadshowsError('CALENDAR_FEED_NOT_FOUND');
  }

  /** The private feed behind a token (no sign-in: calendar apps cannot send one). */
  async feed(token: string): Promise<string> {
    const feed = await this.dataSource
      .getRepository(RoadshowCalendarFeedEntity)
      .findOneBy({ tokenHash: hash(token), revokedAt: IsNull() });
    if (!feed) throw roadshowsError('CALENDAR_FEED_NOT_FOUND');
    const org = feed.organizationId;
    const [applications, invitations] = await Promise.all([
      this.dataSource
        .getRepository(RoadshowApplicationEntity)
        .findBy({ startupOrganizationId: org, status: 'accepted' }),
      this.dataSource
        .getRepository(RoadshowInvitationEntity)
        .find({ where: { investorOrganizationId: org }, select: { eventId: true, status: true } }),
    ]);
    const eventIds = [
      ...new Set([
        ...applications.map((a) => a.eventId),
        ...invitations.filter((i) => i.status !== 'declined').map((i) => i.eventId),
      ]),
    ];
    const events = eventIds.length
      ? await this.dataSource
          .getRepository(RoadshowEventEntity)
          .find({ where: { id: In(eventIds) }, order: { startsAt: 'ASC' } })
      : [];
    const visible = events.filter((e) => e.status !== 'draft');
    const cal = this.calendar('Tourong 路演 / Roadshows', visible[0]?.timeZone ?? 'Asia/Shanghai');
    const sessions = await this.events.sessionsOf(visible.map((e) => e.id));
    const slots = applications.length
      ? await this.dataSource
          .getRepository(RoadshowPitchSlotEntity)
          .findBy({ applicationId: In(applications.map((a) => a.id)) })
      : [];
    const labels = await this.projects.labels(applications.map((a) => a.projectId));
    const organizers = await this.organizations.names(visible.map((e) => e.organizationId));
    const invitedTo = new Set(invitations.filter((i) => i.status !== 'declined').map((i) => i.eventId));
    for (const event of visible) {
      const own = sessions.filter((s) => s.eventId === event.id);
      if (invitedTo.has(event.id))
        for (const s of own) this.addSession(cal, event, s, organizers.get(event.organizationId) ?? '');
      for (const slot of slots) {
        const session = own.find((s) => s.id === slot.sessionId);
        const application = applications.find((a) => a.id === slot.applicationId);
        if (!session || !application || !session.agendaPublishedAt) continue;
        cal.createEvent({
          id: `pitch-${slot.applicationId}@${UID_DOMAIN}`,
          sequence: event.sequence,
          start: zoned(slot.startsAt, event.timeZone),
          end: zoned(slot.endsAt, event.timeZone),
          timezone: event.timeZone,
          summary: `路演 Pitch: ${labels.get(application.projectId)?.title ?? ''} — ${session.title}`,
          location: [session.room, event.venue].filter(Boolean).join(', ') || null,
          url: event.onlineUrl,
          description: `${event.title} · #${slot.position}`,
        });
      }
    }
    // Published 1:1 meetings of this organization (cancelled ones stay, as STATUS:CANCELLED).
    const meetings = await this.meetingRows(org);
    const names = await this.organizations.names(
      meetings.flatMap((m) => [m.from_organization_id, m.to_organization_id]),
    );
    for (const m of meetings) {
      const event = visible.find((e) => e.id === m.event_id);
      if (event) this.addMeeting(cal, event, m, titleFor(m, org, names));
    }
    return cal.toString();
  }

  /**
   * One meeting as an iTIP invite for a party (or the organizer): METHOD:REQUEST while it stands,
   * METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE once it is cancelled.
   */
  async meetingInvite(principal: Principal, requestId: string): Promise<string> {
    const [row] = await this.meetingRows(null, requestId);
    const event = row ? await this.dataSource.getRepository(RoadshowEventEntity).findOneBy({ id: row.event_id }) : null;
    if (!row || !event) throw roadshowsError('MEETING_NOT_FOUND');
    const organizer = event.organizationId === principal.organizationId;
    const party =
      row.from_organization_id === principal.organizationId || row.to_organization_id === principal.organizationId;
    if (!organizer && !party) throw roadshowsError('MEETING_NOT_FOUND');
    const cancelled = row.cancelled_at !== null;
    const cal = this.calendar(
      event.title,
      event.timeZone,
      cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    );
    const names = await this.organizations.names([row.from_organization_id, row.to_organization_id]);
    this.addMeeting(cal, event, row, titleFor(row, organizer ? null : principal.organizationId, names));
    return cal.toString();
  }

  private async meetingRows(organizationId: string | null, requestId?: string): Promise<MeetingRow[]> {
    return this.dataSource.query(
      `SELECT m.request_id, m.event_id, m.starts_at, m.ends_at, m.table_name, m.sequence, m.cancelled_at,
              r.from_organization_id, r.to_organization_id
         FROM roadshow_meetings m JOIN roadshow_meeting_requests r ON r.id = m.request_id
        WHERE ($1::uuid IS NULL OR r.from_organization_id = $1 OR r.to_organization_id = $1)
          AND ($2::uuid IS NULL OR m.request_id = $2)`,
      [organizationId, requestId ?? null],
    );
  }

  private addMeeting(cal: ICalCalendar, event: RoadshowEventEntity, m: MeetingRow, summary: string): void {
    cal.createEvent({
      id: `meeting-${m.request_id}@${UID_DOMAIN}`,
      sequence: m.sequence,
      start: zoned(new Date(m.starts_at), event.timeZone),
      end: zoned(new Date(m.ends_at), event.timeZone),
      timezone: event.timeZone,
      status: m.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary,
      location: [m.table_name, event.venue].filter(Boolean).join(', '),
      description: event.title,
    });
  }

  private calendar(name: string, timeZone: string, method = ICalCalendarMethod.PUBLISH): ICalCalendar {
    return ical({
      name,
      prodId: { company: 'Tourong', product: 'roadshows', language: 'ZH' },
      method,
      timezone: { name: timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    });
  }

  private addSession(cal: ICalCalendar, event: RoadshowEventEntity, s: RoadshowSessionEntity, organizer: string): void {
    cal.createEvent({
      id: `session-${s.id}@${UID_DOMAIN}`,
      sequence: event.sequence,
      start: zoned(s.startsAt, event.timeZone),
      end: zoned(s.endsAt, event.timeZone),
      timezone: event.timeZone,
      summary: `${event.title} · ${s.title}`,
      location: [s.room, event.venue].filter(Boolean).join(', ') || null,
      url: event.onlineUrl,
      description: organizer ? `${organizer}` : null,
    });
  }
}
