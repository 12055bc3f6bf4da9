import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DomainEvent, EventJob } from '@app/platform';

/** The events EVENT_ROUTES sends to this queue. */
type NotificationEvent = Extract<
  DomainEvent,
  {
    type:
      | 'identity.organization_registered'
      | 'identity.invitation_created'
      | 'identity.access_grant_changed'
      | 'matching.deal_changed';
  }
>;

/**
 * Consumes events that should reach people. Delivery channels (in-app, e-mail) arrive with the
 * engagement work; until then each event is acknowledged and logged, so nothing piles up in Redis.
 */
@Processor('notifications', { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  async process(job: Job<EventJob<NotificationEvent>>): Promise<{ handled: NotificationEvent['type'] }> {
    const { event, eventId } = job.data;
    switch (event.type) {
      case 'identity.organization_registered':
      case 'identity.invitation_created':
      case 'identity.access_grant_changed':
      case 'matching.deal_changed':
        this.logger.log({ eventId, type: event.type }, 'notification event received (no delivery channel yet)');
        return { handled: event.type };
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled event ${(unreachable as NotificationEvent).type}`);
      }
    }
  }
}
