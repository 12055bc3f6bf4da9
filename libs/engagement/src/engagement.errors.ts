import { defineErrors } from '@app/platform';

export type EngagementErrorCode =
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_PREFERENCES_INVALID'
  | 'FOLLOW_UP_NOT_FOUND'
  | 'FOLLOW_UP_STATE_INVALID'
  | 'HOLIDAY_NOTICE_INVALID'
  | 'OUTCOME_INVALID'
  | 'OUTCOME_VERSION_CONFLICT'
  | 'OUTCOME_SUBJECT_NOT_FOUND'
  | 'OUTCOME_NOT_APPLICABLE'
  | 'FOLLOW_UP_SETTINGS_INVALID';

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
  OUTCOME_INVALID: {
    status: 422,
    en: 'The outcome is invalid.',
    zh: '结果记录无效。',
  },
  OUTCOME_VERSION_CONFLICT: {
    status: 409,
    en: 'Your side of this outcome was recorded again since you opened it: reload and check before saving.',
    zh: '您方的结果记录在您打开后已被他人更新，请刷新核对后再保存。',
  },
  OUTCOME_SUBJECT_NOT_FOUND: { status: 404, en: 'Meeting or deal not found.', zh: '会谈或交易不存在。' },
  OUTCOME_NOT_APPLICABLE: {
    status: 409,
    en: 'No outcome can be recorded here (a cancelled meeting, or not between an investor and a founder).',
    zh: '此处无法记录结果（会谈已取消，或双方并非投资方与创业方）。',
  },
  FOLLOW_UP_SETTINGS_INVALID: {
    status: 422,
    en: 'The follow-up settings are invalid.',
    zh: '跟进设置无效。',
  },
});
