/** The events funds publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    'funds.mandate_changed': { mandateId: string; organizationId: string; version: number };
  }
}

export {};
