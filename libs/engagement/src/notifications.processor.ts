import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ProcessorOf, type JobOf } from '@app/platform';
import { NOTIFICATIONS_QUEUE } from './engagement.events';

type NotificationJob = JobOf<typeof NOTIFICATIONS_QUEUE>;
type NotificationEvent = NotificationJob['data']['event'];

/**
 * Consumes events that should reach people. Delivery channels (in-app, e-mail) arrive with the
 * engagement work; until then each event is acknowledged and logged, so nothing piles up in Redis.
 */
@ProcessorOf(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  async process(job: NotificationJob): Promise<{ handled: NotificationEvent['type'] }> {
    const { event, eventId } = job.data;
    switch (event.type) {
      case 'identity.organization_registered':
      case 'identity.invitation_created':
      case 'identity.access_grant_changed':
      case 'matching.deal_changed':
      case 'roadshows.application_decided':
      case 'roadshows.agenda_published':
      case 'roadshows.investor_invited':
      case 'roadshows.meeting_requested':
      case 'roadshows.meeting_request_answered':
      case 'roadshows.meetings_published':
        this.logger.log({ eventId, type: event.type }, 'notification event received (no delivery channel yet)');
        return { handled: event.type };
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled event ${(unreachable as NotificationEvent).type}`);
      }
    }
  }
}
