import { Injectable, Logger } from '@nestjs/common';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { MemberDirectory, OrganizationDirectory } from '@app/identity';
import type { DomainEventMap } from '@app/platform';
import {
  RoadshowDirectory,
  type RoadshowAgenda,
  type RoadshowEventBrief,
  type RoadshowPublishedMeeting,
} from '@app/roadshows';
import { ProjectDirectory } from '@app/startups';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { RemindersService, type ReminderSpec } from '../reminders/reminders.service';
import { EngagementSettingsService, offsetLabel } from '../settings/engagement-settings.service';
import { NotificationsService, type NotificationDraft } from './notifications.service';
import { formatWhen } from './templates';

type Payload<T extends keyof DomainEventMap> = DomainEventMap[T];

/** The UIDs the roadshows calendar feeds use, so an e-mailed invite and a subscribed feed are one entry. */
const UID_DOMAIN = 'tourong.roadshows';

interface IcsItem {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string;
}

/** iCalendar text in the event's zone, with its VTIMEZONE (luxon: wall clock of the zone, not UTC). */
export function buildIcs(event: Pick<RoadshowEventBrief, 'title' | 'timeZone'>, items: readonly IcsItem[]): string {
  const cal = ical({
    name: event.title,
    prodId: { company: 'Tourong', product: 'engagement', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: event.timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
  });
  for (const i of items)
    cal.createEvent({
      id: i.uid,
      sequence: i.sequence,
      start: DateTime.fromJSDate(i.start, { zone: event.timeZone }),
      end: DateTime.fromJSDate(i.end, { zone: event.timeZone }),
      timezone: event.timeZone,
      summary: i.summary,
      location: i.location,
      description: i.description,
    });
  return cal.toString();
}

/**
 * Turns consumed events into notifications for the right people (and, for publications, reminders
 * and follow-ups). Every draft's dedupe key is the outbox event id, so a redelivered event writes
 * nothing twice.
 */
@Injectable()
export class EventNotifier {
  private readonly logger = new Logger(EventNotifier.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
    private readonly followUps: FollowUpsService,
    private readonly members: MemberDirectory,
    private readonly organizations: OrganizationDirectory,
    private readonly roadshows: RoadshowDirectory,
    private readonly projects: ProjectDirectory,
    private readonly settings: EngagementSettingsService,
  ) {}

  /** The event's reminder times (event → organizer → T-24h, T-1h), as labels and lead times. */
  private async offsets(event: RoadshowEventBrief): Promise<{ label: string; ms: number }[]> {
    const s = await this.settings.effective(event.organizationId, event.id);
    return s.reminderOffsetsMinutes.map((m) => ({ label: offsetLabel(m), ms: m * 60_000 }));
  }

  /** T-x reminders before each founder's pitch on a published agenda (moved ones rescheduled). */
  private async syncPitchReminders(agenda: RoadshowAgenda): Promise<void> {
    const { event, session } = agenda;
    const location = [session.room, event.venue].filter(Boolean).join(', ') || null;
    const offsets = await this.offsets(event);
    const specs: ReminderSpec[] = agenda.pitches.flatMap((p) =>
      offsets.map((o) => ({
        kind: 'session_reminder' as const,
        targetType: 'pitch' as const,
        targetId: p.applicationId,
        eventId: event.id,
        recipientOrganizationId: p.startupOrganizationId,
        label: o.label,
        dueAt: new Date(p.startsAt.getTime() - o.ms),
        payload: {
          eventId: event.id,
          eventTitle: event.title,
          timeZone: event.timeZone,
          subject: session.title,
          startsAt: p.startsAt.toISOString(),
          endsAt: p.endsAt.toISOString(),
          location,
        },
      })),
    );
    await this.reminders.sync(
      { kind: ['session_reminder'], eventId: event.id, targetIds: agenda.pitches.map((p) => p.applicationId) },
      specs,
    );
  }

  /** T-x reminders before each published meeting, for both parties; dropped meetings' reminders cancelled. */
  private async syncMeetingReminders(event: RoadshowEventBrief, meetings: readonly RoadshowPublishedMeeting[]) {
    const names = await this.organizations.names(meetings.flatMap((m) => [m.fromOrganizationId, m.toOrganizationId]));
    const other = (m: RoadshowPublishedMeeting, org: string) =>
      names.get(m.fromOrganizationId === org ? m.toOrganizationId : m.fromOrganizationId) ?? '';
    const location = (m: RoadshowPublishedMeeting) => [m.tableName, event.venue].filter(Boolean).join(', ');
    const offsets = await this.offsets(event);
    const specs: ReminderSpec[] = meetings.flatMap((m) =>
      [m.fromOrganizationId, m.toOrganizationId].flatMap((org) =>
        offsets.map((o) => ({
          kind: 'meeting_reminder' as const,
          targetType: 'meeting' as const,
          targetId: m.requestId,
          eventId: event.id,
          recipientOrganizationId: org,
          label: o.label,
          dueAt: new Date(m.startsAt.getTime() - o.ms),
          payload: {
            eventId: event.id,
            eventTitle: event.title,
            timeZone: event.timeZone,
            subject: other(m, org),
            startsAt: m.startsAt.toISOString(),
            endsAt: m.endsAt.toISOString(),
            location: location(m),
            link: `/events/${event.id}/meetings`,
          },
        })),
      ),
    );
    return this.reminders.sync({ kind: ['meeting_reminder'], eventId: event.id }, specs);
  }

  /** An event's reminder times changed: every planned pitch and meeting reminder moves to the new times. */
  async reminderSettingsChanged(e: Payload<'engagement.reminder_settings_changed'>): Promise<number> {
    const facts = await this.roadshows.eventFacts(e.eventId);
    if (!facts) return 0;
    for (const s of facts.sessions.filter((x) => x.published)) {
      const agenda = await this.roadshows.agenda(s.id);
      if (agenda?.session.published) await this.syncPitchReminders(agenda);
    }
    const published = await this.roadshows.publishedMeetings(e.eventId);
    if (published) await this.syncMeetingReminders(published.event, published.meetings);
    return 0;
  }

  /** One side recorded an outcome: the other side hears it (both see the shared state). */
  async outcomeRecorded(eventId: string, e: Payload<'engagement.outcome_recorded'>): Promise<number> {
    const [by, to] =
      e.side === 'investor'
        ? [e.investorOrganizationId, e.founderOrganizationId]
        : [e.founderOrganizationId, e.investorOrganizationId];
    const name = (await this.organizations.names([by])).get(by) ?? '';
    await this.notifications.notify([
      {
        kind: 'outcome_recorded',
        dedupeKey: eventId,
        to: { organizationId: to },
        params: { organizationName: name, stage: e.stage ?? '' },
        link: e.subjectType === 'meeting' ? `/meetings/${e.subjectId}/outcome` : `/deals/${e.subjectId}/outcome`,
      },
    ]);
    return 1;
  }

  async invitationCreated(eventId: string, e: Payload<'identity.invitation_created'>): Promise<number> {
    const r = await this.members.invitationRecipient(e.invitationId);
    if (!r || !r.pending) return 0;
    await this.notifications.notify([
      {
        kind: 'invitation',
        dedupeKey: eventId,
        to: { email: r.email, locale: r.locale, userId: r.userId },
        params: (locale) => ({
          organizationName: r.organizationName,
          role: r.role,
          expiresAt: formatWhen(r.expiresAt, 'Asia/Shanghai', locale),
        }),
        link: '/invitations',
      },
    ]);
    return 1;
  }

  async applicationDecided(eventId: string, e: Payload<'roadshows.application_decided'>): Promise<number> {
    const d = await this.roadshows.applicationDecision(e.applicationId);
    if (!d) return 0;
    await this.notifications.notify([
      {
        kind: 'application_decided',
        dedupeKey: eventId,
        to: { organizationId: e.startupOrganizationId },
        params: { eventTitle: d.event.title, status: e.status, reason: d.reason ?? '' },
        link: `/events/${d.event.id}`,
      },
    ]);
    return 1;
  }

  async investorInvited(eventId: string, e: Payload<'roadshows.investor_invited'>): Promise<number> {
    const event = await this.roadshows.eventBrief(e.eventId);
    if (!event) return 0;
    const organizer = (await this.organizations.names([event.organizationId])).get(event.organizationId) ?? '';
    await this.notifications.notify([
      {
        kind: 'investor_invited',
        dedupeKey: eventId,
        to: { organizationId: e.investorOrganizationId },
        params: (locale) => ({
          eventTitle: event.title,
          organizerName: organizer,
          startsAt: formatWhen(event.startsAt, event.timeZone, locale),
        }),
        link: `/events/${event.id}`,
      },
    ]);
    return 1;
  }

  async meetingRequested(eventId: string, e: Payload<'roadshows.meeting_requested'>): Promise<number> {
    const r = await this.roadshows.meetingRequest(e.requestId);
    if (!r) return 0;
    const from = (await this.organizations.names([r.fromOrganizationId])).get(r.fromOrganizationId) ?? '';
    await this.notifications.notify([
      {
        kind: 'meeting_requested',
        dedupeKey: eventId,
        to: { organizationId: r.toOrganizationId },
        params: { otherName: from, eventTitle: r.event.title, message: r.message },
        link: `/events/${r.event.id}/meeting-requests`,
      },
    ]);
    return 1;
  }

  async meetingAnswered(eventId: string, e: Payload<'roadshows.meeting_request_answered'>): Promise<number> {
    const r = await this.roadshows.meetingRequest(e.requestId);
    if (!r) return 0;
    const to = (await this.organizations.names([r.toOrganizationId])).get(r.toOrganizationId) ?? '';
    await this.notifications.notify([
      {
        kind: 'meeting_answered',
        dedupeKey: eventId,
        to: { organizationId: r.fromOrganizationId },
        params: { otherName: to, eventTitle: r.event.title, status: e.status },
        link: `/events/${r.event.id}/meeting-requests`,
      },
    ]);
    return 1;
  }

  async dealChanged(eventId: string, e: Payload<'matching.deal_changed'>): Promise<number> {
    const label = (await this.projects.labels([e.projectId])).get(e.projectId);
    if (!label) return 0;
    const investor = (await this.organizations.names([e.investorOrganizationId])).get(e.investorOrganizationId) ?? '';
    await this.notifications.notify([
      {
        kind: 'deal_changed',
        dedupeKey: eventId,
        to: { organizationId: label.organizationId },
        params: { investorName: investor, projectTitle: label.title, stage: e.stage },
        link: `/projects/${e.projectId}`,
      },
    ]);
    return 1;
  }

  /** Agenda published: each founder on it hears their slot (with the invite) and gets T-24h / T-1h reminders. */
  async agendaPublished(eventId: string, e: Payload<'roadshows.agenda_published'>): Promise<number> {
    const agenda = await this.roadshows.agenda(e.sessionId);
    if (!agenda || !agenda.session.published) return 0;
    const { event, session } = agenda;
    const location = [session.room, event.venue].filter(Boolean).join(', ') || null;
    const drafts: NotificationDraft[] = agenda.pitches.map((p) => ({
      kind: 'agenda_published',
      dedupeKey: eventId,
      to: { organizationId: p.startupOrganizationId },
      params: (locale) => ({
        eventTitle: event.title,
        sessionTitle: session.title,
        position: String(p.position),
        startsAt: formatWhen(p.startsAt, event.timeZone, locale),
        location: location ?? '',
      }),
      link: `/events/${event.id}`,
      ics: buildIcs(event, [
        {
          uid: `pitch-${p.applicationId}@${UID_DOMAIN}`,
          sequence: event.sequence,
          start: p.startsAt,
          end: p.endsAt,
          summary: `路演 Pitch — ${session.title}`,
          location,
          description: `${event.title} · #${p.position}`,
        },
      ]),
    }));
    // Notify first: the same drafts go to distinct organizations, one per pitch.
    await this.notifications.notify(drafts);
    await this.syncPitchReminders(agenda);
    return drafts.length;
  }

  /**
   * Meetings published (or re-published): both parties hear their meetings (one message per
   * organization, with an invite of all its meetings); reminders follow the current plan (moved ones
   * rescheduled, dropped ones cancelled); follow-up tasks are planned.
   */
  async meetingsPublished(eventId: string, e: Payload<'roadshows.meetings_published'>): Promise<number> {
    const published = await this.roadshows.publishedMeetings(e.eventId);
    if (!published) return 0;
    const { event, meetings } = published;
    const names = await this.organizations.names(meetings.flatMap((m) => [m.fromOrganizationId, m.toOrganizationId]));
    const byOrg = new Map<string, typeof meetings>();
    for (const m of meetings)
      for (const org of [m.fromOrganizationId, m.toOrganizationId]) byOrg.set(org, [...(byOrg.get(org) ?? []), m]);
    const other = (m: (typeof meetings)[number], org: string) =>
      names.get(m.fromOrganizationId === org ? m.toOrganizationId : m.fromOrganizationId) ?? '';
    const location = (m: (typeof meetings)[number]) => [m.tableName, event.venue].filter(Boolean).join(', ');
    const drafts: NotificationDraft[] = [...byOrg].map(([org, own]) => ({
      kind: 'meetings_published',
      dedupeKey: eventId,
      to: { organizationId: org },
      params: (locale) => ({
        eventTitle: event.title,
        lines: own
          .map((m) => `· ${formatWhen(m.startsAt, event.timeZone, locale)} — ${other(m, org)} (${location(m)})`)
          .join('\n'),
      }),
      link: `/events/${event.id}/meetings`,
      ics: buildIcs(
        event,
        own.map((m) => ({
          uid: `meeting-${m.requestId}@${UID_DOMAIN}`,
          sequence: m.sequence,
          start: m.startsAt,
          end: m.endsAt,
          summary: `1:1 · ${other(m, org)}`,
          location: location(m),
          description: event.title,
        })),
      ),
    }));
    await this.notifications.notify(drafts);
    const changes = await this.syncMeetingReminders(event, meetings);
    await this.followUps.planForMeetings(event, meetings);
    this.logger.log(
      { eventId, roadshowEventId: event.id, meetings: meetings.length, ...changes },
      'meetings published: reminders synced',
    );
    return drafts.length;
  }
}
