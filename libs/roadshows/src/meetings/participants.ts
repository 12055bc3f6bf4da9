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

/**
 * Organizations taking part: accepted applicants (with their projects) and invited investors who did
 * not decline — all of them, or only those among `only` (a write that checks two parties need not
 * read a whole event's participants).
 */
export async function eventParticipants(
  em: EntityManager,
  eventId: string,
  only?: readonly string[],
): Promise<Map<string, EventParticipant>> {
  const among = only ? [...new Set(only)] : undefined;
  const [applications, invitations] = await Promise.all([
    em.getRepository(RoadshowApplicationEntity).find({
      where: { eventId, status: 'accepted', ...(among ? { startupOrganizationId: In(among) } : {}) },
      select: { startupOrganizationId: true, projectId: true },
    }),
    em.getRepository(RoadshowInvitationEntity).find({
      where: { eventId, ...(among ? { investorOrganizationId: In(among) } : {}) },
      select: { investorOrganizationId: true, status: true },
    }),
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
