import { In, type EntityManager } from 'typeorm';
import { RoadshowPitchSlotEntity } from '../entities/roadshow-pitch-slot.entity';
import { slotsOverlapping, type GridSlot } from './grid';
import { RoadshowApplicationEntity } from '../entities/roadshow-application.entity';
import { RoadshowInvitationEntity } from '../entities/roadshow-invitation.entity';

export interface EventParticipant {
  role: 'founder' | 'investor';
  /** A founder's accepted projects at this event. */
  projectIds: string[];
}

/** Organizations taking part: accepted applicants (with their projects) and invited investors who did not decline. */
export async function eventParticipants(em: EntityManager, eventId: string): Promise<Map<string, EventParticipant>> {
  const [applications, invitations] = await Promise.all([
    em.getRepository(RoadshowApplicationEntity).find({
      where: { eventId, status: 'accepted' },
      select: { startupOrganizationId: true, projectId: true },
    }),
    em
      .getRepository(RoadshowInvitationEntity)
      .find({ where: { eventId }, select: { investorOrganizationId: true, status: true } }),
  ]);
  const out = new Map<string, EventParticipant>();
  for (const a of applications) {
    const entry = out.get(a.startupOrganizationId) ?? { role: 'founder' as const, projectIds: [] };
    entry.projectIds.push(a.projectId);
    out.set(a.startupOrganizationId, entry);
  }
  for (const i of invitations)
    if (i.status !== 'declined') out.set(i.investorOrganizationId, { role: 'investor', projectIds: [] });
  return out;
}

/**
 * The same as eventParticipants, for a few organizations only, in one query: a write that checks its
 * two parties need not read (and hydrate) the whole event's applications and invitations.
 */
export async function participantsAmong(
  em: EntityManager,
  eventId: string,
  organizationIds: readonly string[],
): Promise<Map<string, EventParticipant>> {
  const rows = (await em.query(
    `SELECT 'founder' AS role, startup_organization_id AS org, project_id FROM roadshow_applications
      WHERE event_id = $1 AND status = 'accepted' AND startup_organization_id = ANY($2::uuid[])
     UNION ALL
     SELECT 'investor', investor_organization_id, NULL FROM roadshow_invitations
      WHERE event_id = $1 AND status <> 'declined' AND investor_organization_id = ANY($2::uuid[])`,
    [eventId, [...new Set(organizationIds)]],
  )) as { role: 'founder' | 'investor'; org: string; project_id: string | null }[];
  const out = new Map<string, EventParticipant>();
  for (const r of rows.filter((r) => r.role === 'founder')) {
    const entry = out.get(r.org) ?? { role: 'founder' as const, projectIds: [] };
    entry.projectIds.push(r.project_id!);
    out.set(r.org, entry);
  }
  // As in eventParticipants, an invitation wins over an application of the same organization.
  for (const r of rows) if (r.role === 'investor') out.set(r.org, { role: 'investor', projectIds: [] });
  return out;
}

/** Grid slots each founder organization is pitching in (its pitch slot overlaps them): it cannot meet then. */
export async function pitchSlotsOf(
  em: EntityManager,
  eventId: string,
  slots: readonly GridSlot[],
): Promise<Map<string, Set<number>>> {
  const applications = await em.getRepository(RoadshowApplicationEntity).find({
    where: { eventId, status: 'accepted' },
    select: { id: true, startupOrganizationId: true },
  });
  const pitches = applications.length
    ? await em.getRepository(RoadshowPitchSlotEntity).findBy({ applicationId: In(applications.map((a) => a.id)) })
    : [];
  const orgOf = new Map(applications.map((a) => [a.id, a.startupOrganizationId]));
  const out = new Map<string, Set<number>>();
  for (const p of pitches) {
    const org = orgOf.get(p.applicationId);
    if (!org) continue;
    const set = out.get(org) ?? new Set<number>();
    for (const i of slotsOverlapping(slots, p.startsAt, p.endsAt)) set.add(i);
    out.set(org, set);
  }
  return out;
}
