import type { QueueName } from '../queue/queues';

/**
 * Every domain event the system publishes, as a discriminated union. Events carry ids, never
 * objects: a consumer reads the current state when it runs, so a late or repeated delivery is
 * harmless.
 */
export type DomainEvent =
  | { type: 'identity.organization_registered'; organizationId: string; userId: string }
  | { type: 'identity.invitation_created'; invitationId: string; organizationId: string }
  | { type: 'identity.access_grant_changed'; grantId: string; startupOrganizationId: string }
  | { type: 'startups.startup_changed'; startupId: string; organizationId: string }
  | { type: 'startups.project_changed'; projectId: string; startupId: string; status: 'draft' | 'published' | 'archived' }
  | { type: 'startups.import_requested'; importId: string };

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/**
 * Which queues receive each event (fan-out). The relay adds one job per queue with jobId = event
 * id, so a repeated relay pass cannot enqueue the same delivery twice.
 */
export const EVENT_ROUTES: { readonly [T in DomainEventType]: readonly QueueName[] } = {
  'identity.organization_registered': ['notifications'],
  'identity.invitation_created': ['notifications'],
  'identity.access_grant_changed': ['notifications'],
  // Search sync and match refresh subscribe here when those libs land; until then the events are
  // recorded (and dispatched to no queue) so consumers can replay them from the outbox table.
  'startups.startup_changed': [],
  'startups.project_changed': [],
  'startups.import_requested': ['imports'],
};

/** Shape of a job on any event-fed queue. */
export interface EventJob<E extends DomainEvent = DomainEvent> {
  eventId: string;
  occurredAt: string;
  event: E;
}
