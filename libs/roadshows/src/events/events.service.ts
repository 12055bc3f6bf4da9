import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { can, OrganizationDirectory, Principal } from '@app/identity';
import { Clock, CLOCK, decodeCursor, type Page, platformError, toPage, Tx, UnitOfWork } from '@app/platform';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowEventEntity, type EventStatus } from '../entities/roadshow-event.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';
import { RoadshowSessionEntity } from '../entities/roadshow-session.entity';
import type { CreateEventDto, CreateSessionDto, UpdateEventDto } from '../roadshows.dto';
import { roadshowsError } from '../roadshows.errors';
import type { EventView, SessionView } from '../roadshows.views';

/** Allowed status moves; anything else is 409 EVENT_STATE_INVALID with the current status. */
const TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['open'],
  open: ['closed', 'live'],
  closed: ['open', 'live'],
  live: ['finished'],
  finished: [],
};

const MAX_EVENT_DAYS = 14;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function sessionView(s: RoadshowSessionEntity): SessionView {
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    track: s.track,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    room: s.room,
    maxPitches: s.maxPitches,
    pitchMinutes: s.pitchMinutes,
    qaMinutes: s.qaMinutes,
    agendaPublishedAt: iso(s.agendaPublishedAt),
  };
}

/**
 * Roadshow events and their themed sessions. Organizers (event:manage) write their own events; an
 * event that is not a draft is readable by every signed-in user with its link, and listed for
 * everyone when public, for its participants (applicants, invited investors) when unlisted.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly organizations: OrganizationDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  assertOrganizer(principal: Principal): void {
    if (principal.organizationKind !== 'organizer') throw roadshowsError('EVENT_ORG_KIND_INVALID');
    if (!can(principal, 'event:manage', principal.organizationId))
      throw platformError('FORBIDDEN', { action: 'event:manage' });
  }

  /** The principal's own event, locked for a write inside `tx` when given. */
  async own(
    principal: Principal,
    id: string,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<RoadshowEventEntity> {
    this.assertOrganizer(principal);
    const qb = em.getRepository(RoadshowEventEntity).createQueryBuilder('e').where('e.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const event = await qb.getOne();
    if (!event || event.organizationId !== principal.organizationId) throw roadshowsError('EVENT_NOT_FOUND');
    return event;
  }

  /** Whether the principal takes part in the event (an application or an invitation of its organization). */
  async participates(principal: Principal, eventId: string): Promise<boolean> {
    const [applied, invited] = await Promise.all([
      this.dataSource.getRepository(RoadshowApplicationEntity).exists({
        where: { eventId, startupOrganizationId: principal.organizationId },
      }),
      this.dataSource.getRepository(RoadshowInvitationEntity).exists({
        where: { eventId, investorOrganizationId: principal.organizationId },
      }),
    ]);
    return applied || invited;
  }

  /**
   * An event the principal may read: any but a stranger's draft. An unlisted event is reached by its
   * link (an unguessable id) — founders apply through it — but only public ones are listed.
   */
  async readable(principal: Principal, id: string): Promise<RoadshowEventEntity> {
    const event = await this.dataSource.getRepository(RoadshowEventEntity).findOneBy({ id });
    if (!event) throw roadshowsError('EVENT_NOT_FOUND');
    if (event.organizationId === principal.organizationId || principal.isPlatformAdmin) return event;
    if (event.status === 'draft') throw roadshowsError('EVENT_NOT_FOUND');
    return event;
  }

  async create(principal: Principal, dto: CreateEventDto): Promise<RoadshowEventEntity> {
    this.assertOrganizer(principal);
    const fields = this.checkedTimes({
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      applicationDeadline: dto.applicationDeadline ? new Date(dto.applicationDeadline) : null,
    });
    this.checkQuestions(dto.questions ?? []);
    return this.uow.run(async (tx) => {
      const saved = await tx.em.getRepository(RoadshowEventEntity).save(
        tx.em.getRepository(RoadshowEventEntity).create({
          organizationId: principal.organizationId,
          title: dto.title.trim(),
          description: dto.description ?? '',
          venue: dto.venue ?? null,
          regionCode: dto.regionCode ?? null,
          onlineUrl: dto.onlineUrl ?? null,
          timeZone: dto.timeZone ?? 'Asia/Shanghai',
          ...fields,
          capacity: dto.capacity ?? null,
          visibility: dto.visibility ?? 'public',
          questions: dto.questions ?? [],
        }),
      );
      this.changed(tx, saved);
      return saved;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateEventDto): Promise<RoadshowEventEntity> {
    return this.uow.run(async (tx) => {
      const event = await this.own(principal, id, tx.em, true);
      if (event.version !== dto.version)
        throw roadshowsError('EVENT_VERSION_CONFLICT', { field: 'version', current: event.version });
      if (event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'edit' });
      const times = this.checkedTimes({
        startsAt: dto.startsAt ? new Date(dto.startsAt) : event.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : event.endsAt,
        applicationDeadline:
          dto.applicationDeadline !== undefined ? new Date(dto.applicationDeadline) : event.applicationDeadline,
      });
      if (dto.startsAt || dto.endsAt) await this.checkSessionsInside(tx.em, event.id, times.startsAt, times.endsAt);
      if (dto.questions) this.checkQuestions(dto.questions);
      if (dto.capacity !== undefined) {
        const accepted = await tx.em
          .getRepository(RoadshowApplicationEntity)
          .countBy({ eventId: id, status: 'accepted' });
        if (dto.capacity < accepted)
          throw roadshowsError('EVENT_INVALID', { field: 'capacity', reason: 'below_accepted', accepted });
      }
      Object.assign(event, {
        ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(dto.venue !== undefined ? { venue: dto.venue } : {}),
        ...(dto.regionCode !== undefined ? { regionCode: dto.regionCode } : {}),
        ...(dto.onlineUrl !== undefined ? { onlineUrl: dto.onlineUrl } : {}),
        ...(dto.timeZone !== undefined ? { timeZone: dto.timeZone } : {}),
        ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
        ...(dto.visibility !== undefined ? { visibility: dto.visibility } : {}),
        ...(dto.questions !== undefined ? { questions: dto.questions } : {}),
        ...times,
        sequence: event.sequence + 1,
      });
      const saved = await tx.em.getRepository(RoadshowEventEntity).save(event);
      this.changed(tx, saved);
      return saved;
    });
  }

  async transition(principal: Principal, id: string, to: EventStatus): Promise<RoadshowEventEntity> {
    return this.uow.run(async (tx) => {
      const event = await this.own(principal, id, tx.em, true);
      if (!TRANSITIONS[event.status].includes(to))
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, to, allowed: TRANSITIONS[event.status] });
      if (to === 'open') {
        const sessions = await tx.em.getRepository(RoadshowSessionEntity).countBy({ eventId: id });
        if (sessions === 0) throw roadshowsError('EVENT_INVALID', { field: 'sessions', reason: 'no_sessions' });
      }
      event.status = to;
      event.sequence += 1;
      const saved = await tx.em.getRepository(RoadshowEventEntity).save(event);
      this.changed(tx, saved);
      return saved;
    });
  }

  /** Events the acting organization may see, newest first, keyset paged (see `EventListQueryDto`). */
  async list(
    principal: Principal,
    q: { mine?: boolean; region?: string; cursor?: string; limit: number },
  ): Promise<Page<RoadshowEventEntity>> {
    const qb = this.dataSource.getRepository(RoadshowEventEntity).createQueryBuilder('e');
    if (q.mine) {
      this.assertOrganizer(principal);
      qb.where('e.organization_id = :org', { org: principal.organizationId });
    } else {
      // Parenthesised whole: TypeORM joins the region and cursor conditions below with a bare AND.
      qb.where(
        `(e.organization_id = :org OR (e.status <> 'draft' AND (e.visibility = 'public'
           OR EXISTS (SELECT 1 FROM roadshow_applications a WHERE a.event_id = e.id AND a.startup_organization_id = :org)
           OR EXISTS (SELECT 1 FROM roadshow_invitations i WHERE i.event_id = e.id AND i.investor_organization_id = :org))))`,
        { org: principal.organizationId },
      );
    }
    // A prefix of a code (province 32 ⊃ city 3202 ⊃ district 320211); the DTO checked it is digits only.
    if (q.region) qb.andWhere('starts_with(e.region_code, :region)', { region: q.region });
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(e.starts_at, e.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('e.starts_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(q.limit + 1)
      .getMany();
    return toPage(rows, q.limit, (e) => [e.startsAt.toISOString(), e.id]);
  }

  async addSession(principal: Principal, eventId: string, dto: CreateSessionDto): Promise<RoadshowSessionEntity> {
    return this.uow.run(async (tx) => {
      const event = await this.own(principal, eventId, tx.em, true);
      if (event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'add_session' });
      const startsAt = new Date(dto.startsAt);
      const endsAt = new Date(dto.endsAt);
      if (!(endsAt > startsAt))
        throw roadshowsError('SESSION_INVALID', { field: 'endsAt', reason: 'ends_before_start' });
      if (startsAt < event.startsAt || endsAt > event.endsAt)
        throw roadshowsError('SESSION_INVALID', { field: 'startsAt', reason: 'outside_event' });
      const pitchMinutes = dto.pitchMinutes ?? 8;
      const qaMinutes = dto.qaMinutes ?? 5;
      const needed = dto.maxPitches * (pitchMinutes + qaMinutes) * 60_000;
      if (needed > endsAt.getTime() - startsAt.getTime())
        throw roadshowsError('SESSION_INVALID', {
          field: 'maxPitches',
          reason: 'does_not_fit',
          fits: Math.floor((endsAt.getTime() - startsAt.getTime()) / ((pitchMinutes + qaMinutes) * 60_000)),
        });
      if (dto.room) {
        const clash = await tx.em
          .getRepository(RoadshowSessionEntity)
          .createQueryBuilder('s')
          .where('s.event_id = :eventId AND s.room = :room AND s.starts_at < :endsAt AND s.ends_at > :startsAt', {
            eventId,
            room: dto.room,
            startsAt,
            endsAt,
          })
          .getOne();
        if (clash)
          throw roadshowsError('SESSION_INVALID', { field: 'room', reason: 'room_taken', sessionId: clash.id });
      }
      const saved = await tx.em.getRepository(RoadshowSessionEntity).save(
        tx.em.getRepository(RoadshowSessionEntity).create({
          eventId,
          title: dto.title.trim(),
          track: dto.track ?? null,
          startsAt,
          endsAt,
          room: dto.room ?? null,
          maxPitches: dto.maxPitches,
          pitchMinutes,
          qaMinutes,
        }),
      );
      event.sequence += 1;
      await tx.em.getRepository(RoadshowEventEntity).save(event);
      this.changed(tx, event);
      return saved;
    });
  }

  async session(id: string, em: EntityManager = this.dataSource.manager): Promise<RoadshowSessionEntity> {
    const session = await em.getRepository(RoadshowSessionEntity).findOneBy({ id });
    if (!session) throw roadshowsError('SESSION_NOT_FOUND');
    return session;
  }

  sessionsOf(eventIds: readonly string[]): Promise<RoadshowSessionEntity[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(RoadshowSessionEntity)
      .find({ where: { eventId: In([...eventIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async views(principal: Principal, events: RoadshowEventEntity[]): Promise<EventView[]> {
    const [sessions, names] = await Promise.all([
      this.sessionsOf(events.map((e) => e.id)),
      this.organizations.names(events.map((e) => e.organizationId)),
    ]);
    return events.map((e) => ({
      id: e.id,
      organizationId: e.organizationId,
      organizerName: names.get(e.organizationId) ?? '',
      title: e.title,
      description: e.description,
      venue: e.venue,
      onlineUrl: e.onlineUrl,
      regionCode: e.regionCode,
      timeZone: e.timeZone,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      applicationDeadline: iso(e.applicationDeadline),
      status: e.status,
      capacity: e.capacity,
      visibility: e.visibility,
      questions: e.questions,
      sessions: sessions.filter((s) => s.eventId === e.id).map(sessionView),
      version: e.version,
      mine: e.organizationId === principal.organizationId,
    }));
  }

  /** Applications are open: the event is open and the deadline (if any) has not passed. */
  acceptsApplications(event: RoadshowEventEntity): boolean {
    return event.status === 'open' && (!event.applicationDeadline || event.applicationDeadline > this.clock.now());
  }

  private checkedTimes(t: { startsAt: Date; endsAt: Date; applicationDeadline: Date | null }) {
    if (!(t.endsAt > t.startsAt))
      throw roadshowsError('EVENT_INVALID', { field: 'endsAt', reason: 'ends_before_start' });
    if (t.endsAt.getTime() - t.startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000)
      throw roadshowsError('EVENT_INVALID', { field: 'endsAt', reason: 'too_long', maxDays: MAX_EVENT_DAYS });
    if (t.applicationDeadline && t.applicationDeadline > t.startsAt)
      throw roadshowsError('EVENT_INVALID', { field: 'applicationDeadline', reason: 'after_start' });
    return t;
  }

  private checkQuestions(questions: { id: string }[]): void {
    const seen = new Set<string>();
    for (const q of questions) {
      if (seen.has(q.id))
        throw roadshowsError('EVENT_INVALID', { field: 'questions', reason: 'duplicate_id', id: q.id });
      seen.add(q.id);
    }
  }

  private async checkSessionsInside(em: EntityManager, eventId: string, startsAt: Date, endsAt: Date): Promise<void> {
    const outside = await em
      .getRepository(RoadshowSessionEntity)
      .createQueryBuilder('s')
      .where('s.event_id = :eventId AND (s.starts_at < :startsAt OR s.ends_at > :endsAt)', {
        eventId,
        startsAt,
        endsAt,
      })
      .getOne();
    if (outside)
      throw roadshowsError('EVENT_INVALID', { field: 'startsAt', reason: 'session_outside', sessionId: outside.id });
  }

  private changed(tx: Tx, event: RoadshowEventEntity): void {
    tx.publish({
      type: 'roadshows.event_changed',
      eventId: event.id,
      organizationId: event.organizationId,
      status: event.status,
    });
  }
}
