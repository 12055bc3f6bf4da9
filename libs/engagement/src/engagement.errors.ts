import { defineErrors } from '@app/platform';

export type EngagementErrorCode =
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_PREFERENCES_INVALID'
  | 'FOLLOW_UP_NOT_FOUND'
  | 'FOLLOW_UP_STATE_INVALID'
  | 'HOLIDAY_NOTICE_INVALID';

export const engagementError = defineErrors<EngagementErrorCode>({
  NOTIFICATION_NOT_FOUND: { status: 404, en: 'Notification not found.', zh: '通知不存在。' },
  NOTIFICATION_PREFERENCES_INVALID: {
    status: 422,
    en: 'The notification preferences are invalid.',
    zh: '通知偏好设置无效。',
  },
  FOLLOW_UP_NOT_FOUND: { status: 404, en: 'Follow-up not found.', zh: '跟进事项不存在。' },
  FOLLOW_UP_STATE_INVALID: {
    status: 409,
    en: 'The follow-up cannot change from its current state.',
    zh: '跟进事项当前状态不允许此操作。',
  },
  HOLIDAY_NOTICE_INVALID: {
    status: 422,
    en: 'The holiday notice is invalid.',
    zh: '节假日安排无效。',
  },
});
