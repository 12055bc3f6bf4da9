/** The events matching publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    'matching.deal_changed': { dealId: string; projectId: string; investorOrganizationId: string; stage: string };
  }
}

export {};
