import { defineQueue } from '@app/platform';

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
    'roadshows.meeting_requested': { requestId: string; eventId: string; toOrganizationId: string };
    'roadshows.meeting_request_answered': {
      requestId: string;
      eventId: string;
      fromOrganizationId: string;
      status: 'accepted' | 'declined';
    };
    'roadshows.schedule_requested': { runId: string; eventId: string };
    'roadshows.meetings_published': { eventId: string; runId: string };
  }
}

/** The scheduler runs in the worker, one run at a time (a run reports progress on its row and job). */
export const ROADSHOW_SCHEDULING_QUEUE = defineQueue('roadshow-scheduling', {
  events: ['roadshows.schedule_requested'],
  concurrency: 1,
});
