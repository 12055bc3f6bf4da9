import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OrganizationDirectory, Principal } from '@app/identity';
import { MandateDirectory } from '@app/funds';
import { EngineInputError, explainMatch, SnapshotService, toEngineMandate } from '@app/matching';
import { Clock, CLOCK, decodeCursor, Page, toPage, UnitOfWork } from '@app/platform';
import { ProjectDirectory } from '@app/startups';
import { RoadshowEventEntity } from '../entities/roadshow-event.entity';
import { RoadshowAvailabilityEntity } from '../entities/roadshow-availability.entity';
import { RoadshowMeetingGridEntity } from '../entities/roadshow-meeting-grid.entity';
import { RoadshowMeetingRequestEntity, type MeetingRequestStatus } from '../entities/roadshow-meeting-request.entity';
import { RoadshowMeetingEntity } from '../entities/roadshow-meeting.entity';
import { RoadshowScheduleRunEntity } from '../entities/roadshow-schedule-run.entity';
import { EventsService } from '../events/events.service';
import { LIMITS } from '../scheduler';
import type { MeetingGridDto, MeetingRequestDto } from '../roadshows.dto';
import { roadshowsError } from '../roadshows.errors';
import type {
  AvailabilityView,
  MeetingGridView,
  MeetingRequestView,
  MeetingView,
  MyMeetingRequestView,
  ParticipantView,
  ScheduleRunView,
} from '../roadshows.views';
import { gridSlots } from './grid';
import { eventParticipants, participantsAmong, pitchSlotsOf } from './participants';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const DEFAULT_SCORE = 0.5;

/**
 * 1:1 meetings at an event: the grid, the participants (accepted founders and invited investors),
 * requests between any two of them with a quota and an expiry, scheduler runs (the worker plans;
 * the organizer publishes) and the resulting meetings, each visible only to its two parties and
 * the organizer.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly organizations: OrganizationDirectory,
    private readonly projects: ProjectDirectory,
    private readonly mandates: MandateDirectory,
    private readonly snapshots: SnapshotService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ── grid ────────────────────────────────────────────────────────────────────────────────────
  async setGrid(principal: Principal, eventId: string, dto: MeetingGridDto): Promise<MeetingGridView> {
    await this.uow.run(async (tx) => {
      const event = await this.events.own(principal, eventId, tx.em, true);
      if (event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'grid' });
      const grid = {
        eventId,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        slotMinutes: dto.slotMinutes,
        lunchStartsAt: dto.lunchStartsAt ? new Date(dto.lunchStartsAt) : null,
        lunchEndsAt: dto.lunchEndsAt ? new Date(dto.lunchEndsAt) : null,
        tables: dto.tables,
        booths: dto.booths ?? {},
        minMeetings: dto.minMeetings ?? 0,
        maxMeetings: dto.maxMeetings ?? null,
        pendingQuota: dto.pendingQuota ?? 20,
        requestTtlHours: dto.requestTtlHours ?? 72,
      };
      const bad = (field: string, reason: string, extra: Record<string, unknown> = {}) =>
        roadshowsError('GRID_INVALID', { field, reason, ...extra });
      if (!(grid.endsAt > grid.startsAt)) throw bad('endsAt', 'ends_before_start');
      if (grid.startsAt < event.startsAt || grid.endsAt > event.endsAt) throw bad('startsAt', 'outside_event');
      if ((grid.lunchStartsAt === null) !== (grid.lunchEndsAt === null))
        throw bad('lunchEndsAt', 'lunch_needs_both_ends');
      if (grid.lunchStartsAt && grid.lunchEndsAt) {
        if (!(grid.lunchEndsAt > grid.lunchStartsAt)) throw bad('lunchEndsAt', 'ends_before_start');
        if (grid.lunchStartsAt <= grid.startsAt || grid.lunchEndsAt >= grid.endsAt)
          throw bad('lunchStartsAt', 'outside_window');
      }
      if (grid.maxMeetings !== null && grid.maxMeetings < grid.minMeetings) throw bad('maxMeetings', 'below_min');
      for (const [orgId, booth] of Object.entries(grid.booths)) {
        if (!/^[0-9a-f-]{36}$/.test(orgId) || typeof booth !== 'string' || !booth.trim() || booth.length > 40)
          throw bad(`booths.${orgId}`, 'invalid_booth');
      }
      const slots = gridSlots(grid);
      if (slots.length === 0) throw bad('slotMinutes', 'no_slots');
      if (slots.length > LIMITS.slots)
        throw bad('slotMinutes', 'too_many_slots', { slots: slots.length, max: LIMITS.slots });
      if (grid.maxMeetings !== null && grid.maxMeetings > slots.length)
        throw bad('maxMeetings', 'more_than_slots', { slots: slots.length });
      await tx.em.getRepository(RoadshowMeetingGridEntity).save(grid);
    });
    return this.grid(principal, eventId);
  }

  async grid(principal: Principal, eventId: string): Promise<MeetingGridView> {
    await this.events.readable(principal, eventId);
    const grid = await this.dataSource.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId });
    if (!grid) throw roadshowsError('GRID_MISSING');
    const slots = gridSlots(grid);
    return {
      eventId,
      startsAt: grid.startsAt.toISOString(),
      endsAt: grid.endsAt.toISOString(),
      slotMinutes: grid.slotMinutes,
      lunchStartsAt: iso(grid.lunchStartsAt),
      lunchEndsAt: iso(grid.lunchEndsAt),
      tables: grid.tables,
      booths: grid.booths,
      minMeetings: grid.minMeetings,
      maxMeetings: grid.maxMeetings,
      pendingQuota: grid.pendingQuota,
      requestTtlHours: grid.requestTtlHours,
      slots: slots.map((s) => ({
        index: s.index,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        session: s.session,
      })),
    };
  }

  // ── participants ────────────────────────────────────────────────────────────────────────────
  participantIds(eventId: string, em: EntityManager = this.dataSource.manager) {
    return eventParticipants(em, eventId);
  }

  async participants(principal: Principal, eventId: string): Promise<ParticipantView[]> {
    await this.partOf(principal, eventId);
    const ids = await this.participantIds(eventId);
    const names = await this.organizations.names([...ids.keys()]);
    const labels = await this.projects.labels([...ids.values()].flatMap((p) => p.projectIds));
    return [...ids.entries()]
      .map(([organizationId, p]) => ({
        organizationId,
        name: names.get(organizationId) ?? '',
        role: p.role,
        projects: p.projectIds.map((id) => ({ projectId: id, title: labels.get(id)?.title ?? '' })),
      }))
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'zh') : a.role === 'investor' ? -1 : 1));
  }

  // ── availability ────────────────────────────────────────────────────────────────────────────
  async setAvailability(principal: Principal, eventId: string, unavailableSlots: number[]): Promise<AvailabilityView> {
    await this.uow.run(async (tx) => {
      await this.partOf(principal, eventId);
      const grid = await tx.em.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId });
      if (!grid) throw roadshowsError('GRID_MISSING');
      const slots = gridSlots(grid).length;
      const outside = unavailableSlots.find((s) => s >= slots);
      if (outside !== undefined)
        throw roadshowsError('GRID_INVALID', {
          field: 'unavailableSlots',
          reason: 'no_such_slot',
          slot: outside,
          slots,
        });
      await tx.em.getRepository(RoadshowAvailabilityEntity).save({
        eventId,
        organizationId: principal.organizationId,
        unavailableSlots: [...unavailableSlots].sort((a, b) => a - b),
      });
    });
    return this.availability(principal, eventId);
  }

  async availability(principal: Principal, eventId: string): Promise<AvailabilityView> {
    await this.partOf(principal, eventId);
    const grid = await this.dataSource.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId });
    if (!grid) throw roadshowsError('GRID_MISSING');
    const [row, pitch] = await Promise.all([
      this.dataSource
        .getRepository(RoadshowAvailabilityEntity)
        .findOneBy({ eventId, organizationId: principal.organizationId }),
      pitchSlotsOf(this.dataSource.manager, eventId, gridSlots(grid)),
    ]);
    return {
      eventId,
      organizationId: principal.organizationId,
      unavailableSlots: row?.unavailableSlots ?? [],
      pitchSlots: [...(pitch.get(principal.organizationId) ?? [])].sort((a, b) => a - b),
    };
  }

  // ── requests ────────────────────────────────────────────────────────────────────────────────
  async request(principal: Principal, eventId: string, dto: MeetingRequestDto): Promise<MeetingRequestView> {
    const saved = await this.uow.run(async (tx) => {
      // The event's state and the grid's quota in one round trip (a write under load waits for each one).
      const [event] = (await tx.em.query(
        `SELECT e.status, g.event_id IS NOT NULL AS "hasGrid", g.pending_quota AS "pendingQuota",
                g.request_ttl_hours AS "requestTtlHours"
           FROM roadshow_events e LEFT JOIN roadshow_meeting_grids g ON g.event_id = e.id WHERE e.id = $1`,
        [eventId],
      )) as { status: string; hasGrid: boolean; pendingQuota: number; requestTtlHours: number }[];
      if (!event || event.status === 'draft') throw roadshowsError('EVENT_NOT_FOUND');
      if (event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'request_meeting' });
      if (!event.hasGrid) throw roadshowsError('GRID_MISSING');
      const grid = event;
      // Only the two parties are looked up, not the whole event's participants.
      const participants = await participantsAmong(tx.em, eventId, [principal.organizationId, dto.toOrganizationId]);
      const bad = (field: string, reason: string) => roadshowsError('MEETING_REQUEST_INVALID', { field, reason });
      if (!participants.has(principal.organizationId)) throw roadshowsError('EVENT_NOT_FOUND');
      if (dto.toOrganizationId === principal.organizationId) throw bad('toOrganizationId', 'self');
      const to = participants.get(dto.toOrganizationId);
      if (!to) throw bad('toOrganizationId', 'not_participant');
      if (dto.projectId) {
        const owner = participants.get(principal.organizationId)!.projectIds.includes(dto.projectId)
          ? principal.organizationId
          : null;
        if (!owner && !to.projectIds.includes(dto.projectId)) throw bad('projectId', 'not_in_event');
      }
      await this.expirePending(tx.em, eventId);
      // One open request per pair, in either direction.
      const open = await tx.em.getRepository(RoadshowMeetingRequestEntity).findOne({
        where: [
          {
            eventId,
            fromOrganizationId: principal.organizationId,
            toOrganizationId: dto.toOrganizationId,
            status: In(['pending', 'accepted']),
          },
          {
            eventId,
            fromOrganizationId: dto.toOrganizationId,
            toOrganizationId: principal.organizationId,
            status: In(['pending', 'accepted']),
          },
        ],
      });
      if (open) throw roadshowsError('MEETING_REQUEST_EXISTS', { requestId: open.id, status: open.status });
      // Counted under a lock on the sender's rows, so two concurrent requests cannot both pass the quota.
      await tx.em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `meeting-quota:${eventId}:${principal.organizationId}`,
      ]);
      const pending = await tx.em
        .getRepository(RoadshowMeetingRequestEntity)
        .countBy({ eventId, fromOrganizationId: principal.organizationId, status: 'pending' });
      if (pending >= grid.pendingQuota)
        throw roadshowsError('MEETING_REQUEST_QUOTA', { quota: grid.pendingQuota, pending });
      const now = this.clock.now();
      const inserted: Record<string, unknown>[] = await tx.em.query(
        `INSERT INTO roadshow_meeting_requests
           (event_id, from_organization_id, from_user_id, to_organization_id, project_id, message, priority, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (event_id, from_organization_id, to_organization_id) WHERE status IN ('pending', 'accepted') DO NOTHING
         RETURNING *`,
        [
          eventId,
          principal.organizationId,
          principal.userId,
          dto.toOrganizationId,
          dto.projectId ?? null,
          dto.message?.trim() ?? '',
          dto.priority ?? 'would_like',
          new Date(now.getTime() + grid.requestTtlHours * 3_600_000),
        ],
      );
      if (inserted.length === 0) throw roadshowsError('MEETING_REQUEST_EXISTS', {});
      // The inserted row as the entity, without reading it back.
      const row = tx.em
        .getRepository(RoadshowMeetingRequestEntity)
        .create(
          Object.fromEntries(
            Object.entries(inserted[0]).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
          ),
        );
      tx.publish({
        type: 'roadshows.meeting_requested',
        requestId: row.id,
        eventId,
        toOrganizationId: dto.toOrganizationId,
      });
      return row;
    });
    return (await this.requestViews([saved]))[0];
  }

  async answer(principal: Principal, requestId: string, accept: boolean, reason?: string): Promise<MeetingRequestView> {
    const saved = await this.uow.run(async (tx) => {
      const r = await this.lockedRequest(tx.em, requestId);
      if (r.toOrganizationId !== principal.organizationId) throw roadshowsError('MEETING_REQUEST_NOT_FOUND');
      if (r.status === 'pending' && r.expiresAt <= this.clock.now()) r.status = 'expired';
      if (r.status !== 'pending') {
        await tx.em.getRepository(RoadshowMeetingRequestEntity).save(r);
        throw roadshowsError('MEETING_REQUEST_STATE_INVALID', { status: r.status });
      }
      r.status = accept ? 'accepted' : 'declined';
      r.declineReason = accept ? null : reason?.trim() || null;
      r.decidedAt = this.clock.now();
      if (accept) r.score = await this.score(r);
      const out = await tx.em.getRepository(RoadshowMeetingRequestEntity).save(r);
      tx.publish({
        type: 'roadshows.meeting_request_answered',
        requestId: r.id,
        eventId: r.eventId,
        fromOrganizationId: r.fromOrganizationId,
        status: accept ? 'accepted' : 'declined',
      });
      return out;
    });
    return (await this.requestViews([saved]))[0];
  }

  async withdraw(principal: Principal, requestId: string): Promise<MeetingRequestView> {
    const saved = await this.uow.run(async (tx) => {
      const r = await this.lockedRequest(tx.em, requestId);
      if (r.fromOrganizationId !== principal.organizationId) throw roadshowsError('MEETING_REQUEST_NOT_FOUND');
      if (r.status !== 'pending' && r.status !== 'accepted')
        throw roadshowsError('MEETING_REQUEST_STATE_INVALID', { status: r.status });
      // A published meeting is cancelled (calendars learn of it), not deleted.
      await tx.em.query(
        `UPDATE roadshow_meetings SET cancelled_at = $2, sequence = sequence + 1, locked = false
          WHERE request_id = $1 AND cancelled_at IS NULL`,
        [requestId, this.clock.now()],
      );
      // One UPDATE of the locked row (save() would select it again first, then re-read updated_at).
      const [row] = (await tx.em.query(
        `UPDATE roadshow_meeting_requests SET status = 'withdrawn', updated_at = now() WHERE id = $1 RETURNING updated_at`,
        [r.id],
      )) as { updated_at: Date }[];
      return Object.assign(r, { status: 'withdrawn' as const, updatedAt: row.updated_at });
    });
    return (await this.requestViews([saved]))[0];
  }

  /** Requests the principal sent or received at the event; the organizer sees them all. */
  async requests(principal: Principal, eventId: string): Promise<MeetingRequestView[]> {
    const event = await this.partOf(principal, eventId);
    await this.expirePending(this.dataSource.manager, eventId);
    const repo = this.dataSource.getRepository(RoadshowMeetingRequestEntity);
    const rows =
      event.organizationId === principal.organizationId
        ? await repo.find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } })
        : await repo.find({
            where: [
              { eventId, fromOrganizationId: principal.organizationId },
              { eventId, toOrganizationId: principal.organizationId },
            ],
            order: { createdAt: 'ASC', id: 'ASC' },
          });
    return this.requestViews(rows);
  }

  /**
   * Requests the acting organization sent or received across every event, newest first (keyset
   * paged), with each event's title, the project's title and the published slot. A pending request
   * past its expiry reads as expired (the per-event list stores that; this one only shows it).
   */
  async myRequests(
    principal: Principal,
    q: { direction?: 'sent' | 'received'; status?: MeetingRequestStatus; cursor?: string; limit: number },
  ): Promise<Page<MyMeetingRequestView>> {
    const org = principal.organizationId;
    const now = this.clock.now();
    const qb = this.dataSource.getRepository(RoadshowMeetingRequestEntity).createQueryBuilder('r');
    if (q.direction === 'sent') qb.where('r.from_organization_id = :org', { org });
    else if (q.direction === 'received') qb.where('r.to_organization_id = :org', { org });
    else qb.where('(r.from_organization_id = :org OR r.to_organization_id = :org)', { org });
    if (q.status === 'expired')
      qb.andWhere("(r.status = 'expired' OR (r.status = 'pending' AND r.expires_at <= :now))", { now });
    else if (q.status === 'pending') qb.andWhere("r.status = 'pending' AND r.expires_at > :now", { now });
    else if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at, id });
    }
    const rows = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(q.limit + 1).getMany();
    const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
    const eventIds = [...new Set(page.items.map((r) => r.eventId))];
    const [views, events, labels, meetings] = await Promise.all([
      this.requestViews(page.items),
      this.dataSource.getRepository(RoadshowEventEntity).findBy({ id: In(eventIds) }),
      this.projects.labels(page.items.flatMap((r) => (r.projectId ? [r.projectId] : []))),
      this.dataSource
        .getRepository(RoadshowMeetingEntity)
        .findBy({ requestId: In(page.items.map((r) => r.id)), cancelledAt: IsNull() }),
    ]);
    const eventById = new Map(events.map((e) => [e.id, e]));
    const meetingOf = new Map(meetings.map((m) => [m.requestId, m]));
    return {
      items: views.map((v) => {
        const event = eventById.get(v.eventId);
        const m = meetingOf.get(v.id);
        const sent = v.fromOrganizationId === org;
        return {
          ...v,
          status: v.status === 'pending' && new Date(v.expiresAt) <= now ? 'expired' : v.status,
          direction: sent ? 'sent' : 'received',
          eventTitle: event?.title ?? '',
          eventStartsAt: (event?.startsAt ?? now).toISOString(),
          eventTimeZone: event?.timeZone ?? 'Asia/Shanghai',
          counterpartName: sent ? v.toName : v.fromName,
          projectTitle: v.projectId ? (labels.get(v.projectId)?.title ?? null) : null,
          meeting: m
            ? { slot: m.slot, table: m.tableName, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString() }
            : null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  // ── meetings ────────────────────────────────────────────────────────────────────────────────
  /** Meetings of the event: all for the organizer, the principal's own for a participant. */
  async meetings(principal: Principal, eventId: string): Promise<MeetingView[]> {
    const event = await this.partOf(principal, eventId);
    const organizer = event.organizationId === principal.organizationId;
    const rows = await this.dataSource
      .getRepository(RoadshowMeetingEntity)
      .find({ where: { eventId, cancelledAt: IsNull() }, order: { slot: 'ASC', tableName: 'ASC' } });
    const requests = rows.length
      ? await this.dataSource
          .getRepository(RoadshowMeetingRequestEntity)
          .findBy({ id: In(rows.map((m) => m.requestId)) })
      : [];
    const byId = new Map(requests.map((r) => [r.id, r]));
    const visible = rows.filter((m) => {
      const r = byId.get(m.requestId);
      if (!r) return false;
      if (organizer) return true;
      return r.fromOrganizationId === principal.organizationId || r.toOrganizationId === principal.organizationId;
    });
    const names = await this.organizations.names(requests.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]));
    const labels = await this.projects.labels(
      requests.map((r) => r.projectId).filter((id): id is string => id !== null),
    );
    return visible.map((m) => {
      const r = byId.get(m.requestId)!;
      return {
        requestId: m.requestId,
        eventId,
        slot: m.slot,
        table: m.tableName,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        locked: m.locked,
        fromOrganizationId: r.fromOrganizationId,
        fromName: names.get(r.fromOrganizationId) ?? '',
        toOrganizationId: r.toOrganizationId,
        toName: names.get(r.toOrganizationId) ?? '',
        projectId: r.projectId,
        projectTitle: r.projectId ? (labels.get(r.projectId)?.title ?? null) : null,
        priority: r.priority,
      };
    });
  }

  async lock(principal: Principal, requestId: string, locked: boolean): Promise<MeetingView> {
    const eventId = await this.uow.run(async (tx) => {
      const m = await tx.em.getRepository(RoadshowMeetingEntity).findOneBy({ requestId, cancelledAt: IsNull() });
      if (!m) throw roadshowsError('MEETING_NOT_FOUND');
      await this.events.own(principal, m.eventId, tx.em).catch(() => {
        throw roadshowsError('MEETING_NOT_FOUND');
      });
      m.locked = locked;
      await tx.em.getRepository(RoadshowMeetingEntity).save(m);
      return m.eventId;
    });
    return (await this.meetings(principal, eventId)).find((m) => m.requestId === requestId)!;
  }

  /**
   * The organizer moves a published meeting to another slot (and table) of the grid: both parties
   * must be free there (no other meeting, not marked unavailable, not pitching), the table free. The
   * moved meeting is locked, so the next re-plan keeps it; its SEQUENCE bumps for calendars.
   */
  async move(principal: Principal, requestId: string, slot: number, table?: string): Promise<MeetingView> {
    const eventId = await this.uow.run(async (tx) => {
      const repo = tx.em.getRepository(RoadshowMeetingEntity);
      const found = await repo.findOneBy({ requestId, cancelledAt: IsNull() });
      if (!found) throw roadshowsError('MEETING_NOT_FOUND');
      // The event's row first (as publication does), then the meeting's: moves and publications queue up.
      await this.events.own(principal, found.eventId, tx.em, true).catch(() => {
        throw roadshowsError('MEETING_NOT_FOUND');
      });
      const m = await repo
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.request_id = :id AND m.cancelled_at IS NULL', { id: requestId })
        .getOne();
      if (!m) throw roadshowsError('MEETING_NOT_FOUND');
      const grid = await tx.em.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId: m.eventId });
      if (!grid) throw roadshowsError('GRID_MISSING');
      const slots = gridSlots(grid);
      const target = slots[slot];
      if (!target)
        throw roadshowsError('MEETING_MOVE_INVALID', { field: 'slot', reason: 'no_such_slot', slots: slots.length });
      const request = await tx.em.getRepository(RoadshowMeetingRequestEntity).findOneByOrFail({ id: requestId });
      const parties = [request.fromOrganizationId, request.toOrganizationId];
      const others = await repo.find({ where: { eventId: m.eventId, slot, cancelledAt: IsNull() } });
      const otherRequests = others.length
        ? await tx.em.getRepository(RoadshowMeetingRequestEntity).findBy({ id: In(others.map((o) => o.requestId)) })
        : [];
      const busy = parties.find((p) =>
        otherRequests.some((r) => r.id !== requestId && (r.fromOrganizationId === p || r.toOrganizationId === p)),
      );
      if (busy)
        throw roadshowsError('MEETING_MOVE_INVALID', {
          field: 'slot',
          reason: 'participant_busy',
          organizationId: busy,
        });
      const [availability, pitch] = await Promise.all([
        tx.em.getRepository(RoadshowAvailabilityEntity).findBy({ eventId: m.eventId, organizationId: In(parties) }),
        pitchSlotsOf(tx.em, m.eventId, slots),
      ]);
      const away = parties.find(
        (p) =>
          availability.some((a) => a.organizationId === p && a.unavailableSlots.includes(slot)) ||
          (pitch.get(p)?.has(slot) ?? false),
      );
      if (away)
        throw roadshowsError('MEETING_MOVE_INVALID', {
          field: 'slot',
          reason: 'participant_unavailable',
          organizationId: away,
        });
      const booth = parties.map((p) => grid.booths[p]).find((b) => b !== undefined);
      const taken = new Set(others.filter((o) => o.requestId !== requestId).map((o) => o.tableName));
      let tableName: string;
      if (booth !== undefined) tableName = booth;
      else if (table !== undefined) {
        if (!/^T\d+$/.test(table) || Number(table.slice(1)) < 1 || Number(table.slice(1)) > grid.tables)
          throw roadshowsError('MEETING_MOVE_INVALID', {
            field: 'table',
            reason: 'no_such_table',
            tables: grid.tables,
          });
        if (taken.has(table)) throw roadshowsError('MEETING_MOVE_INVALID', { field: 'table', reason: 'table_taken' });
        tableName = table;
      } else {
        const free = [m.tableName, ...Array.from({ length: grid.tables }, (_, i) => `T${i + 1}`)].find(
          (t) => /^T\d+$/.test(t) && !taken.has(t),
        );
        if (!free) throw roadshowsError('MEETING_MOVE_INVALID', { field: 'slot', reason: 'no_table' });
        tableName = free;
      }
      m.slot = slot;
      m.tableName = tableName;
      m.startsAt = target.startsAt;
      m.endsAt = target.endsAt;
      m.locked = true;
      m.sequence += 1;
      await repo.save(m);
      return m.eventId;
    });
    return (await this.meetings(principal, eventId)).find((x) => x.requestId === requestId)!;
  }

  // ── scheduler runs ──────────────────────────────────────────────────────────────────────────
  async startRun(principal: Principal, eventId: string, seed = 1): Promise<ScheduleRunView> {
    const run = await this.uow.run(async (tx) => {
      await this.events.own(principal, eventId, tx.em, true);
      const grid = await tx.em.getRepository(RoadshowMeetingGridEntity).findOneBy({ eventId });
      if (!grid) throw roadshowsError('GRID_MISSING');
      const saved = await tx.em
        .getRepository(RoadshowScheduleRunEntity)
        .save(
          tx.em.getRepository(RoadshowScheduleRunEntity).create({ eventId, requestedByUserId: principal.userId, seed }),
        );
      tx.publish({ type: 'roadshows.schedule_requested', runId: saved.id, eventId });
      return saved;
    });
    return runView(run);
  }

  async run(principal: Principal, runId: string): Promise<ScheduleRunView> {
    const run = await this.dataSource.getRepository(RoadshowScheduleRunEntity).findOneBy({ id: runId });
    if (!run) throw roadshowsError('SCHEDULE_RUN_NOT_FOUND');
    await this.events.own(principal, run.eventId).catch(() => {
      throw roadshowsError('SCHEDULE_RUN_NOT_FOUND');
    });
    return runView(run);
  }

  /** Publishes the latest finished run: its meetings become final (and appear in calendars). */
  async publishRun(principal: Principal, runId: string): Promise<ScheduleRunView> {
    const run = await this.uow.run(async (tx) => {
      const run = await tx.em
        .getRepository(RoadshowScheduleRunEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: runId })
        .getOne();
      if (!run) throw roadshowsError('SCHEDULE_RUN_NOT_FOUND');
      const event = await this.events.own(principal, run.eventId, tx.em, true).catch(() => {
        throw roadshowsError('SCHEDULE_RUN_NOT_FOUND');
      });
      if (run.status !== 'done') throw roadshowsError('SCHEDULE_RUN_STATE_INVALID', { status: run.status });
      const later = await tx.em
        .getRepository(RoadshowScheduleRunEntity)
        .createQueryBuilder('r')
        // Compared in SQL: created_at has microseconds, a JS Date only milliseconds.
        .where(
          'r.event_id = :eventId AND r.id <> :id AND r.created_at > (SELECT created_at FROM roadshow_schedule_runs WHERE id = :id) AND r.status IN (:...live)',
          { eventId: run.eventId, id: run.id, live: ['queued', 'running', 'done'] },
        )
        .getCount();
      if (later > 0) throw roadshowsError('SCHEDULE_RUN_STATE_INVALID', { status: run.status, reason: 'newer_run' });
      const assignments = (run.result as { assignments?: PlannedMeeting[] } | null)?.assignments ?? [];
      const current = await tx.em.getRepository(RoadshowMeetingEntity).findBy({ eventId: run.eventId });
      const before = new Map(current.map((m) => [m.requestId, m]));
      const planned = new Set(assignments.map((a) => a.requestId));
      const gone = current.filter((m) => !planned.has(m.requestId) && m.cancelledAt === null).map((m) => m.requestId);
      if (gone.length)
        await tx.em.query(
          `UPDATE roadshow_meetings SET cancelled_at = $2, sequence = sequence + 1, locked = false WHERE request_id = ANY($1::uuid[])`,
          [gone, this.clock.now()],
        );
      await tx.em.getRepository(RoadshowMeetingEntity).save(
        assignments.map((a) => {
          const was = before.get(a.requestId);
          const moved =
            was !== undefined && (was.slot !== a.slot || was.tableName !== a.table || was.cancelledAt !== null);
          return {
            requestId: a.requestId,
            eventId: run.eventId,
            slot: a.slot,
            tableName: a.table,
            startsAt: new Date(a.startsAt),
            endsAt: new Date(a.endsAt),
            locked: (was?.cancelledAt === null && was.locked) || false,
            cancelledAt: null,
            sequence: (was?.sequence ?? 0) + (moved ? 1 : 0),
          };
        }),
      );
      await tx.em.query(
        `UPDATE roadshow_schedule_runs SET status = 'superseded' WHERE event_id = $1 AND status = 'published'`,
        [run.eventId],
      );
      run.status = 'published';
      event.sequence += 1;
      await tx.em.getRepository(RoadshowEventEntity).save(event);
      tx.publish({ type: 'roadshows.meetings_published', eventId: run.eventId, runId: run.id });
      return tx.em.getRepository(RoadshowScheduleRunEntity).save(run);
    });
    return runView(run);
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────
  /** The event, for its organizer or one of its participants; anyone else finds nothing. */
  private async partOf(principal: Principal, eventId: string): Promise<RoadshowEventEntity> {
    const event = await this.events.readable(principal, eventId);
    if (event.organizationId === principal.organizationId || principal.isPlatformAdmin) return event;
    if (!(await this.participantIds(eventId)).has(principal.organizationId)) throw roadshowsError('EVENT_NOT_FOUND');
    return event;
  }

  /** The investor's best discoverable-mandate score for the project, in [0, 1]; 0.5 when there is none to compute. */
  private async score(r: RoadshowMeetingRequestEntity): Promise<number> {
    if (!r.projectId) return DEFAULT_SCORE;
    const f = this.snapshots.snapshot.get(r.projectId);
    if (!f) return DEFAULT_SCORE;
    let best: number | null = null;
    // Whichever side is the investor: the project's own organization has no mandates to match it.
    for (const m of await this.mandates.discoverableOf([r.fromOrganizationId, r.toOrganizationId])) {
      try {
        const res = explainMatch(f, toEngineMandate(m, m.terms), this.snapshots.snapshot.cohort);
        if (res.eligible) best = Math.max(best ?? 0, (res.score ?? 0) / 100);
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
      }
    }
    return best === null ? DEFAULT_SCORE : Math.max(0.05, Math.round(best * 1000) / 1000);
  }

  private async lockedRequest(em: EntityManager, id: string): Promise<RoadshowMeetingRequestEntity> {
    const r = await em
      .getRepository(RoadshowMeetingRequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!r) throw roadshowsError('MEETING_REQUEST_NOT_FOUND');
    return r;
  }

  /** Pending requests past their expiry stop blocking: they become `expired`. */
  private async expirePending(em: EntityManager, eventId: string): Promise<void> {
    await em.query(
      `UPDATE roadshow_meeting_requests SET status = 'expired' WHERE event_id = $1 AND status = 'pending' AND expires_at <= $2`,
      [eventId, this.clock.now()],
    );
  }

  private async requestViews(rows: RoadshowMeetingRequestEntity[]): Promise<MeetingRequestView[]> {
    const names = await this.organizations.names(rows.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]));
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      fromOrganizationId: r.fromOrganizationId,
      fromName: names.get(r.fromOrganizationId) ?? '',
      toOrganizationId: r.toOrganizationId,
      toName: names.get(r.toOrganizationId) ?? '',
      projectId: r.projectId,
      message: r.message,
      priority: r.priority,
      status: r.status,
      declineReason: r.declineReason,
      expiresAt: r.expiresAt.toISOString(),
      score: r.score,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** One meeting of a run's plan (stored on the run until it is published). */
export interface PlannedMeeting {
  requestId: string;
  slot: number;
  table: string;
  startsAt: string;
  endsAt: string;
}

export function runView(run: RoadshowScheduleRunEntity): ScheduleRunView {
  return {
    id: run.id,
    eventId: run.eventId,
    status: run.status,
    seed: run.seed,
    progress: run.progress,
    result: (run.result as ScheduleRunView['result']) ?? null,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
  };
}
