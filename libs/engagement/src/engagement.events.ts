import { defineQueue } from '@app/platform';

/**
 * `notifications`: events that should reach people (in-app, e-mail). Engagement consumes other
 * libs' events here and publishes none of its own yet.
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
