import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isInvestorOrganization, OrganizationDirectory, Principal } from '@app/identity';
import { MandateDirectory } from '@app/funds';
import { EngineInputError, explainMatch, SnapshotService, toEngineMandate } from '@app/matching';
import { Clock, CLOCK, UnitOfWork } from '@app/platform';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';
import { EventsService } from '../events/events.service';
import { roadshowsError } from '../roadshows.errors';
import type { InvestorSuggestionView, EventInvitationView } from '../roadshows.views';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** Investors at an event: suggestions from the accepted projects, invitations, RSVP and check-in. */
@Injectable()
export class InvestorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly organizations: OrganizationDirectory,
    private readonly mandates: MandateDirectory,
    private readonly snapshots: SnapshotService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Funds and banks ranked by how many of the event's accepted projects are eligible under at least
   * one of their discoverable mandates (the matching engine), then by the best score.
   */
  async suggestions(principal: Principal, eventId: string): Promise<InvestorSuggestionView[]> {
    await this.events.own(principal, eventId);
    const [accepted, invited, mandates] = await Promise.all([
      this.dataSource.getRepository(RoadshowApplicationEntity).findBy({ eventId, status: 'accepted' }),
      this.dataSource.getRepository(RoadshowInvitationEntity).findBy({ eventId }),
      this.mandates.discoverable(2000),
    ]);
    const snapshot = this.snapshots.snapshot;
    const features = accepted.map((a) => snapshot.get(a.projectId)).filter((f) => f !== undefined);
    const perOrg = new Map<string, { projects: Set<string>; best: number | null }>();
    for (const m of mandates) {
      let engine;
      try {
        engine = toEngineMandate(m, m.terms);
      } catch (error) {
        if (error instanceof EngineInputError) continue;
        throw error;
      }
      for (const f of features) {
        let r;
        try {
          r = explainMatch(f, engine, snapshot.cohort);
        } catch (error) {
          if (error instanceof EngineInputError) continue;
          throw error;
        }
        if (!r.eligible) continue;
        const entry = perOrg.get(m.organizationId) ?? { projects: new Set<string>(), best: null };
        entry.projects.add(f.projectId);
        entry.best = Math.max(entry.best ?? 0, r.score ?? 0);
        perOrg.set(m.organizationId, entry);
      }
    }
    const orgs = await this.organizations.summaries([...perOrg.keys()]);
    const invitedIds = new Set(invited.map((i) => i.investorOrganizationId));
    return [...perOrg.entries()]
      .filter(([id]) => orgs.has(id) && id !== principal.organizationId)
      .map(([id, e]) => ({
        organizationId: id,
        name: orgs.get(id)!.name,
        kind: orgs.get(id)!.kind,
        matchingProjects: e.projects.size,
        bestScore: e.best,
        invited: invitedIds.has(id),
      }))
      .sort(
        (a, b) =>
          b.matchingProjects - a.matchingProjects ||
          (b.bestScore ?? 0) - (a.bestScore ?? 0) ||
          (a.organizationId < b.organizationId ? -1 : 1),
      )
      .slice(0, 200);
  }

  async invite(principal: Principal, eventId: string, investorOrganizationId: string): Promise<EventInvitationView> {
    const saved = await this.uow.run(async (tx) => {
      const event = await this.events.own(principal, eventId, tx.em, true);
      if (event.status === 'finished')
        throw roadshowsError('EVENT_STATE_INVALID', { status: event.status, action: 'invite' });
      const org = (await this.organizations.summaries([investorOrganizationId])).get(investorOrganizationId);
      if (!org || !isInvestorOrganization(org.kind))
        throw roadshowsError('INVITEE_INVALID', { field: 'investorOrganizationId', kind: org?.kind ?? null });
      const inserted: { id: string }[] = await tx.em.query(
        `INSERT INTO roadshow_invitations (event_id, investor_organization_id, check_in_code)
         VALUES ($1, $2, $3) ON CONFLICT (event_id, investor_organization_id) DO NOTHING RETURNING id`,
        [eventId, investorOrganizationId, newCode()],
      );
      if (inserted.length === 0) throw roadshowsError('EVENT_INVITATION_EXISTS', { field: 'investorOrganizationId' });
      tx.publish({ type: 'roadshows.investor_invited', invitationId: inserted[0].id, eventId, investorOrganizationId });
      return tx.em.getRepository(RoadshowInvitationEntity).findOneByOrFail({ id: inserted[0].id });
    });
    return (await this.views([saved]))[0];
  }

  /** The organizer sees every invitation (with codes); an investor only its own. */
  async list(principal: Principal, eventId: string): Promise<EventInvitationView[]> {
    const event = await this.events.readable(principal, eventId);
    const organizer = event.organizationId === principal.organizationId;
    const rows = await this.dataSource.getRepository(RoadshowInvitationEntity).find({
      where: organizer ? { eventId } : { eventId, investorOrganizationId: principal.organizationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.views(rows);
  }

  async rsvp(principal: Principal, invitationId: string, status: 'accepted' | 'declined'): Promise<EventInvitationView> {
    const saved = await this.uow.run(async (tx) => {
      const inv = await tx.em.getRepository(RoadshowInvitationEntity).findOneBy({ id: invitationId });
      if (!inv || inv.investorOrganizationId !== principal.organizationId)
        throw roadshowsError('EVENT_INVITATION_NOT_FOUND');
      inv.status = status;
      return tx.em.getRepository(RoadshowInvitationEntity).save(inv);
    });
    return (await this.views([saved]))[0];
  }

  /** The check-in desk: the organizer scans or types the attendee's code. Repeating it is harmless. */
  async checkIn(principal: Principal, eventId: string, code: string): Promise<EventInvitationView> {
    const saved = await this.uow.run(async (tx) => {
      await this.events.own(principal, eventId, tx.em);
      const inv = await tx.em.getRepository(RoadshowInvitationEntity).findOneBy({ eventId, checkInCode: code });
      if (!inv) throw roadshowsError('CHECK_IN_CODE_INVALID', { field: 'code' });
      if (!inv.checkedInAt) {
        inv.checkedInAt = this.clock.now();
        if (inv.status === 'invited') inv.status = 'accepted';
        await tx.em.getRepository(RoadshowInvitationEntity).save(inv);
      }
      return inv;
    });
    return (await this.views([saved]))[0];
  }

  /** Codes are shown only to whom the rows were filtered for: the organizer and the invited organization. */
  private async views(rows: RoadshowInvitationEntity[]): Promise<EventInvitationView[]> {
    const names = await this.organizations.names(rows.map((r) => r.investorOrganizationId));
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      investorOrganizationId: r.investorOrganizationId,
      investorName: names.get(r.investorOrganizationId) ?? '',
      status: r.status,
      checkInCode: r.checkInCode,
      checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
    }));
  }
}
