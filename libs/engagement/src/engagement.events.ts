import { defineQueue, defineTaskQueue } from '@app/platform';

/**
 * `notifications`: events that should reach people (in-app, e-mail), and the events that schedule
 * reminders and follow-ups (agenda and meetings published). Engagement publishes no event of its own.
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
  ],
  concurrency: 4,
});

/** A job of the `reminders` queue: send one scheduled notification (jobId = its row id), or sweep. */
export type ReminderJobData = { type: 'send'; id: string } | { type: 'sweep' };

/**
 * `reminders`: engagement's own jobs (not fed by the outbox). Each `scheduled_notifications` row has a
 * delayed `send` job with jobId = the row id; the repeatable `sweep` enqueues rows due and unsent.
 */
export const REMINDERS_QUEUE = defineTaskQueue<ReminderJobData>('reminders', { concurrency: 16 });
