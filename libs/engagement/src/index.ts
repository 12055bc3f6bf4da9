/** Engagement: notifications (and, next, reminders, follow-ups and outcomes). */
export * from './engagement.events';
export * from './engagement.module';
