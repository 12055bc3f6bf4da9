import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ProcessorOf, type JobOf } from '@app/platform';
import { NOTIFICATIONS_QUEUE } from './engagement.events';
import { EventNotifier } from './notifications/event-notifier';

type NotificationJob = JobOf<typeof NOTIFICATIONS_QUEUE>;
type NotificationEvent = NotificationJob['data']['event'];

/**
 * Turns each consumed event into notifications for the right recipients (EventNotifier), idempotent
 * per event id; a failure (database, SMTP) throws and BullMQ retries with backoff.
 */
@ProcessorOf(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly notifier: EventNotifier) {
    super();
  }

  async process(job: NotificationJob): Promise<{ handled: NotificationEvent['type']; drafts: number }> {
    const { event, eventId } = job.data;
    let drafts = 0;
    switch (event.type) {
      case 'identity.organization_registered':
      case 'identity.access_grant_changed':
        break; // nobody to tell beyond the actor (kept on the queue for the digest to come)
      case 'identity.invitation_created':
        drafts = await this.notifier.invitationCreated(eventId, event);
        break;
      case 'matching.deal_changed':
        drafts = await this.notifier.dealChanged(eventId, event);
        break;
      case 'roadshows.application_decided':
        drafts = await this.notifier.applicationDecided(eventId, event);
        break;
      case 'roadshows.agenda_published':
        drafts = await this.notifier.agendaPublished(eventId, event);
        break;
      case 'roadshows.investor_invited':
        drafts = await this.notifier.investorInvited(eventId, event);
        break;
      case 'roadshows.meeting_requested':
        drafts = await this.notifier.meetingRequested(eventId, event);
        break;
      case 'roadshows.meeting_request_answered':
        drafts = await this.notifier.meetingAnswered(eventId, event);
        break;
      case 'roadshows.meetings_published':
        drafts = await this.notifier.meetingsPublished(eventId, event);
        break;
      case 'engagement.outcome_recorded':
        drafts = await this.notifier.outcomeRecorded(eventId, event);
        break;
      case 'engagement.reminder_settings_changed':
        drafts = await this.notifier.reminderSettingsChanged(event);
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled event ${(unreachable as NotificationEvent).type}`);
      }
    }
    this.logger.log({ eventId, type: event.type, drafts }, 'notification event handled');
    return { handled: event.type, drafts };
  }
}
