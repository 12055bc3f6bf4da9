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
  | { type: 'identity.organization_updated'; organizationId: string }
  | { type: 'startups.startup_changed'; startupId: string; organizationId: string }
  | {
      type: 'startups.project_changed';
      projectId: string;
      startupId: string;
      status: 'draft' | 'published' | 'archived';
    }
  | { type: 'startups.import_requested'; importId: string }
  | { type: 'funds.mandate_changed'; mandateId: string; organizationId: string; version: number }
  | {
      type: 'matching.deal_changed';
      dealId: string;
      projectId: string;
      investorOrganizationId: string;
      stage: string;
    };

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
  // Mandate search documents carry the fund's name.
  'identity.organization_updated': ['projections', 'search-sync'],
  // `projections` broadcasts to every API process (matching snapshot, embedded search index);
  // `search-sync` feeds an external search engine from the worker.
  'startups.startup_changed': ['projections', 'search-sync'],
  'startups.project_changed': ['projections', 'search-sync'],
  'startups.import_requested': ['imports'],
  'funds.mandate_changed': ['projections', 'search-sync'],
  'matching.deal_changed': ['projections', 'notifications'],
};

/** Shape of a job on any event-fed queue. */
export interface EventJob<E extends DomainEvent = DomainEvent> {
  eventId: string;
  occurredAt: string;
  event: E;
}
