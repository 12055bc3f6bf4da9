/** The events identity publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    'identity.organization_registered': { organizationId: string; userId: string };
    'identity.invitation_created': { invitationId: string; organizationId: string };
    'identity.access_grant_changed': { grantId: string; startupOrganizationId: string };
    /** Mandate search documents carry the fund's name. */
    'identity.organization_updated': { organizationId: string };
  }
}

export {};
