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
  | 'CALENDAR_FEED_NOT_FOUND'
  | 'GRID_INVALID'
  | 'GRID_MISSING'
  | 'MEETING_REQUEST_INVALID'
  | 'MEETING_REQUEST_EXISTS'
  | 'MEETING_REQUEST_QUOTA'
  | 'MEETING_REQUEST_NOT_FOUND'
  | 'MEETING_REQUEST_STATE_INVALID'
  | 'SCHEDULE_RUN_NOT_FOUND'
  | 'SCHEDULE_RUN_STATE_INVALID'
  | 'SCHEDULE_INPUT_INVALID'
  | 'MEETING_NOT_FOUND'
  | 'MEETING_MOVE_INVALID';

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
  GRID_INVALID: {
    status: 422,
    en: 'This meeting grid cannot be held; see details.field and details.reason.',
    zh: '洽谈时段设置无法执行，详见 details.field 与 details.reason。',
  },
  MEETING_MOVE_INVALID: {
    status: 422,
    en: 'The meeting cannot move there; see details.field and details.reason.',
    zh: '该会面无法调整到此时段，详见 details.field 与 details.reason。',
  },
  GRID_MISSING: { status: 409, en: 'Set up the 1:1 meeting grid first.', zh: '请先设置一对一洽谈时段。' },
  MEETING_REQUEST_INVALID: {
    status: 422,
    en: 'This meeting request is not possible; see details.reason.',
    zh: '无法发起该洽谈请求，详见 details.reason。',
  },
  MEETING_REQUEST_EXISTS: {
    status: 409,
    en: 'A meeting between you two is already requested or accepted.',
    zh: '双方之间已有待处理或已接受的洽谈请求。',
  },
  MEETING_REQUEST_QUOTA: {
    status: 409,
    en: 'You have reached your quota of pending requests; wait for answers or withdraw one.',
    zh: '待回复的洽谈请求已达上限，请等待回复或撤回部分请求。',
  },
  MEETING_REQUEST_NOT_FOUND: { status: 404, en: 'Meeting request not found.', zh: '洽谈请求不存在。' },
  MEETING_REQUEST_STATE_INVALID: {
    status: 409,
    en: 'The request is no longer pending; see details.status.',
    zh: '该请求已不在待处理状态，详见 details.status。',
  },
  SCHEDULE_RUN_NOT_FOUND: { status: 404, en: 'Scheduler run not found.', zh: '排程任务不存在。' },
  SCHEDULE_RUN_STATE_INVALID: {
    status: 409,
    en: 'This scheduler run cannot be published; see details.status.',
    zh: '该排程结果无法发布，详见 details.status。',
  },
  SCHEDULE_INPUT_INVALID: {
    status: 422,
    en: 'The day cannot be scheduled as set up; see details.field and details.reason.',
    zh: '当前活动设置无法排程，详见 details.field 与 details.reason。',
  },
  MEETING_NOT_FOUND: { status: 404, en: 'Meeting not found.', zh: '洽谈不存在。' },
});
