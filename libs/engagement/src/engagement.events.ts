import { defineQueue, defineTaskQueue } from '@app/platform';

/**
 * `notifications`: events that should reach people (in-app, e-mail), and the events that schedule
 * reminders and follow-ups (agenda and meetings published). Outcomes are engagement’s own event.
 */
export const NOTIFICATIONS_QUEUE = defineQueue('notifications', {
  events: [
    'identity.organization_registered',
    'identity.invitation_created',
    'identity.access_grant_changed',
    'matching.deal_changed',
    'roadshows.application_decided',
    'roadshows.agenda_published',
    'roadshows.investor_invited',
    'roadshows.meeting_requested',
    'roadshows.meeting_request_answered',
    'roadshows.meetings_published',
    'engagement.outcome_recorded',
    'engagement.reminder_settings_changed',
  ],
  concurrency: 4,
});

/** The events engagement publishes (through the outbox, in the transaction of the command). */
declare module '@app/platform' {
  interface DomainEventMap {
    /** One side recorded (or changed) its outcome of a meeting or a deal; `stage` is the shared state. */
    'engagement.outcome_recorded': {
      outcomeId: string;
      subjectType: 'meeting' | 'deal';
      subjectId: string;
      side: 'investor' | 'founder';
      investorOrganizationId: string;
      founderOrganizationId: string;
      eventId: string | null;
      stage: string | null;
    };
    /** An event's reminder times changed: its planned reminders move. */
    'engagement.reminder_settings_changed': { eventId: string };
  }
}

/** A job of the `reminders` queue: send one scheduled notification (jobId = its row id), or sweep. */
export type ReminderJobData = { type: 'send'; id: string } | { type: 'sweep' };

/**
 * `reminders`: engagement's own jobs (not fed by the outbox). Each `scheduled_notifications` row has a
 * delayed `send` job with jobId = the row id; the repeatable `sweep` enqueues rows due and unsent.
 */
export const REMINDERS_QUEUE = defineTaskQueue<ReminderJobData>('reminders', { concurrency: 16 });
