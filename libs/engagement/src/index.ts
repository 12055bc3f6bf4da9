/** Engagement: notifications (in-app, e-mail), reminders, follow-ups on Chinese working-day deadlines. */
export * from './engagement.events';
export * from './engagement.module';
export * from './engagement.errors';
export * from './engagement.views';
export * from './holidays/working-days';
export * from './holidays/holiday-calendar';
export {
  NotificationsService,
  type NotificationDraft,
  type DraftRecipient,
} from './notifications/notifications.service';
export * from './reminders/reminders.service';
export { FollowUpsService } from './follow-ups/follow-ups.service';
export * from './outcomes/outcome-rules';
export { OutcomesService, type OutcomeFact, type OutcomeView } from './outcomes/outcomes.service';
export * from './directory/engagement-directory';

import { FollowUpTaskEntity } from './entities/follow-up-task.entity';
import { HolidayDayEntity, HolidayYearEntity } from './entities/holiday.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { NotificationEntity } from './entities/notification.entity';
import { ScheduledNotificationEntity } from './entities/scheduled-notification.entity';
import { OutcomeEntity } from './entities/outcome.entity';
import { EngagementSettingsEntity } from './entities/engagement-settings.entity';
import { DigestRunEntity } from './entities/digest-run.entity';

export { NotificationEntity, ScheduledNotificationEntity, FollowUpTaskEntity };
export const ENGAGEMENT_ENTITIES = [
  NotificationEntity,
  NotificationPreferenceEntity,
  ScheduledNotificationEntity,
  HolidayDayEntity,
  HolidayYearEntity,
  FollowUpTaskEntity,
  OutcomeEntity,
  EngagementSettingsEntity,
  DigestRunEntity,
];
