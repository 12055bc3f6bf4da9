/**
 * The domain events of every lib, as one discriminated union that platform does not spell out:
 * each lib adds its own in `<lib>.events.ts` by declaration merging —
 *
 *   declare module '@app/platform' {
 *     interface DomainEventMap { 'startups.project_changed': { projectId: string; … } }
 *   }
 *
 * Events carry ids, never objects: a consumer reads the current state when it runs, so a late or
 * repeated delivery is harmless.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each lib's declaration merging
export interface DomainEventMap {}

export type DomainEventType = keyof DomainEventMap & string;
export type DomainEvent = { [T in DomainEventType]: { type: T } & DomainEventMap[T] }[DomainEventType];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** Shape of a job on any event-fed queue. */
export interface EventJob<E extends DomainEvent = DomainEvent> {
  eventId: string;
  /**
   * The event's outbox sequence (`outbox_events.seq`): readers use it to notice events they never
   * received (a Redis that lost its keys) and catch up from the table. Absent on jobs enqueued before
   * the column existed.
   */
  seq?: number;
  occurredAt: string;
  event: E;
}
