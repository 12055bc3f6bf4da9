/** The events roadshows publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    'roadshows.event_changed': { eventId: string; organizationId: string; status: string };
    'roadshows.application_decided': {
      applicationId: string;
      eventId: string;
      startupOrganizationId: string;
      status: 'accepted' | 'waitlisted' | 'rejected';
    };
    'roadshows.agenda_published': { sessionId: string; eventId: string };
    'roadshows.investor_invited': { invitationId: string; eventId: string; investorOrganizationId: string };
  }
}

export {};
