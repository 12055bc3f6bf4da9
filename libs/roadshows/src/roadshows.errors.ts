import { defineErrors } from '@app/platform';

export type RoadshowsErrorCode =
  | 'EVENT_NOT_FOUND'
  | 'EVENT_ORG_KIND_INVALID'
  | 'EVENT_INVALID'
  | 'EVENT_STATE_INVALID'
  | 'EVENT_VERSION_CONFLICT'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_INVALID'
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_EXISTS'
  | 'APPLICATION_CLOSED'
  | 'APPLICATION_INVALID'
  | 'APPLICATION_STATE_INVALID'
  | 'EVENT_FULL'
  | 'AGENDA_INVALID'
  | 'AGENDA_FROZEN'
  | 'EVENT_INVITATION_EXISTS'
  | 'EVENT_INVITATION_NOT_FOUND'
  | 'INVITEE_INVALID'
  | 'CHECK_IN_CODE_INVALID'
  | 'CALENDAR_FEED_NOT_FOUND';

export const roadshowsError = defineErrors<RoadshowsErrorCode>({
  EVENT_NOT_FOUND: { status: 404, en: 'Roadshow event not found.', zh: '路演活动不存在。' },
  EVENT_ORG_KIND_INVALID: {
    status: 403,
    en: 'Only organizer organizations run roadshow events.',
    zh: '只有活动主办机构可以组织路演活动。',
  },
  EVENT_INVALID: {
    status: 422,
    en: 'These event settings are inconsistent; see details.field.',
    zh: '活动设置有误，详见 details.field。',
  },
  EVENT_STATE_INVALID: {
    status: 409,
    en: 'The event is not in a state that allows this; see details.status.',
    zh: '活动当前状态不允许此操作，详见 details.status。',
  },
  EVENT_VERSION_CONFLICT: {
    status: 409,
    en: 'Someone changed this event in the meantime; reload and apply your edit again.',
    zh: '活动已被他人修改，请刷新后重新编辑。',
  },
  SESSION_NOT_FOUND: { status: 404, en: 'Session not found.', zh: '专场不存在。' },
  SESSION_INVALID: {
    status: 422,
    en: 'This session does not fit the event; see details.field and details.reason.',
    zh: '专场设置与活动冲突，详见 details.field 与 details.reason。',
  },
  APPLICATION_NOT_FOUND: { status: 404, en: 'Application not found.', zh: '报名记录不存在。' },
  APPLICATION_EXISTS: {
    status: 409,
    en: 'This project has already applied to this event.',
    zh: '该项目已报名本场活动。',
  },
  APPLICATION_CLOSED: {
    status: 409,
    en: 'Applications are closed for this event.',
    zh: '本场活动报名已截止。',
  },
  APPLICATION_INVALID: {
    status: 422,
    en: 'The application is incomplete; see details.field.',
    zh: '报名信息不完整，详见 details.field。',
  },
  APPLICATION_STATE_INVALID: {
    status: 409,
    en: 'The application is not in a state that allows this; see details.status.',
    zh: '报名当前状态不允许此操作，详见 details.status。',
  },
  EVENT_FULL: { status: 409, en: 'The event has reached its capacity.', zh: '活动入选名额已满。' },
  AGENDA_INVALID: {
    status: 422,
    en: 'This agenda cannot be held as given; see details.reason.',
    zh: '路演议程无法按此安排，详见 details.reason。',
  },
  AGENDA_FROZEN: {
    status: 409,
    en: 'The agenda is published and frozen.',
    zh: '议程已发布，不能再修改。',
  },
  EVENT_INVITATION_EXISTS: { status: 409, en: 'This investor is already invited.', zh: '该投资机构已受邀。' },
  EVENT_INVITATION_NOT_FOUND: { status: 404, en: 'Invitation not found.', zh: '邀请不存在。' },
  INVITEE_INVALID: {
    status: 422,
    en: 'Only fund and bank organizations can be invited as investors.',
    zh: '只能邀请投资机构或银行作为投资方。',
  },
  CHECK_IN_CODE_INVALID: { status: 404, en: 'Unknown check-in code for this event.', zh: '签到码无效。' },
  CALENDAR_FEED_NOT_FOUND: { status: 404, en: 'Calendar feed not found.', zh: '日历订阅不存在。' },
});
