import type { EntityManager } from 'typeorm';
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
