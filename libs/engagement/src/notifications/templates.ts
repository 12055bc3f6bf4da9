import { DateTime } from 'luxon';
import type { NotificationKind, NotificationLocale } from '../entities/notification.entity';

/** Wall-clock time in the event's zone, in the reader's language. */
export function formatWhen(iso: string | Date, zone: string, locale: NotificationLocale): string {
  const dt = (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso)).setZone(zone);
  return locale === 'en'
    ? `${dt.setLocale('en').toFormat('d LLL yyyy, HH:mm')} (${zone})`
    : `${dt.toFormat('yyyy年M月d日 HH:mm')}（${zone}）`;
}

export type TemplateParams = Record<string, string>;
type Text = { title: string; body: string };
type Template = Record<NotificationLocale, (p: TemplateParams) => Text>;

const ROLE: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { owner: '所有者', admin: '管理员', member: '成员' },
  en: { owner: 'owner', admin: 'admin', member: 'member' },
};
const DECISION: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { accepted: '已入选', waitlisted: '进入候补', rejected: '未入选' },
  en: { accepted: 'accepted', waitlisted: 'waitlisted', rejected: 'not accepted' },
};
const ANSWER: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { accepted: '接受', declined: '婉拒' },
  en: { accepted: 'accepted', declined: 'declined' },
};
const TASK: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { investor_replies: '投资方答复', founder_sends_data_room: '创业方发送资料包（数据室）' },
  en: { investor_replies: 'investor replies', founder_sends_data_room: 'founder sends the data room' },
};
const OUTCOME: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': {
    interested: '有意向',
    due_diligence: '尽职调查',
    term_sheet: '投资意向书',
    signed: '已签约',
    disbursed: '已到账',
    passed: '已放弃',
    '': '出席情况',
  },
  en: {
    interested: 'interested',
    due_diligence: 'due diligence',
    term_sheet: 'term sheet',
    signed: 'signed',
    disbursed: 'disbursed',
    passed: 'passed',
    '': 'attendance',
  },
};
const provisional = (p: TemplateParams, locale: NotificationLocale) =>
  p.provisional === 'true'
    ? locale === 'en'
      ? ' (provisional: that year’s holiday notice is not loaded yet)'
      : '（暂定：该年度节假日安排尚未发布）'
    : '';

export const TEMPLATES: Record<NotificationKind, Template> = {
  invitation: {
    'zh-CN': (p) => ({
      title: `邀请您加入「${p.organizationName}」`,
      body: `「${p.organizationName}」邀请您以${ROLE['zh-CN'][p.role] ?? p.role}身份加入投融平台，邀请在 ${p.expiresAt} 前有效。请向邀请人索取邀请链接完成注册。`,
    }),
    en: (p) => ({
      title: `You are invited to join ${p.organizationName}`,
      body: `${p.organizationName} invites you to Tourong as ${ROLE.en[p.role] ?? p.role}. The invitation is valid until ${p.expiresAt}; ask the person who invited you for the link to sign up.`,
    }),
  },
  application_decided: {
    'zh-CN': (p) => ({
      title: `「${p.eventTitle}」报名结果：${DECISION['zh-CN'][p.status] ?? p.status}`,
      body: `您的项目报名「${p.eventTitle}」${DECISION['zh-CN'][p.status] ?? p.status}。${p.reason ? `说明：${p.reason}` : ''}`,
    }),
    en: (p) => ({
      title: `${p.eventTitle}: application ${DECISION.en[p.status] ?? p.status}`,
      body: `Your application to ${p.eventTitle} was ${DECISION.en[p.status] ?? p.status}.${p.reason ? ` Reason: ${p.reason}` : ''}`,
    }),
  },
  investor_invited: {
    'zh-CN': (p) => ({
      title: `路演邀请：「${p.eventTitle}」`,
      body: `「${p.organizerName}」邀请贵机构参加「${p.eventTitle}」，时间 ${p.startsAt}。`,
    }),
    en: (p) => ({
      title: `Roadshow invitation: ${p.eventTitle}`,
      body: `${p.organizerName} invites your organization to ${p.eventTitle} on ${p.startsAt}.`,
    }),
  },
  meeting_requested: {
    'zh-CN': (p) => ({
      title: `「${p.otherName}」请求与您一对一会谈`,
      body: `「${p.otherName}」在「${p.eventTitle}」请求与贵机构一对一会谈。${p.message ? `留言：${p.message}` : ''}`,
    }),
    en: (p) => ({
      title: `${p.otherName} asks for a 1:1 meeting`,
      body: `${p.otherName} asks your organization for a 1:1 meeting at ${p.eventTitle}.${p.message ? ` Message: ${p.message}` : ''}`,
    }),
  },
  meeting_answered: {
    'zh-CN': (p) => ({
      title: `「${p.otherName}」${ANSWER['zh-CN'][p.status] ?? p.status}了您的会谈请求`,
      body: `「${p.otherName}」已${ANSWER['zh-CN'][p.status] ?? p.status}您在「${p.eventTitle}」的一对一会谈请求。`,
    }),
    en: (p) => ({
      title: `${p.otherName} ${ANSWER.en[p.status] ?? p.status} your meeting request`,
      body: `${p.otherName} ${ANSWER.en[p.status] ?? p.status} your 1:1 meeting request at ${p.eventTitle}.`,
    }),
  },
  meetings_published: {
    'zh-CN': (p) => ({
      title: `「${p.eventTitle}」一对一会谈日程已发布`,
      body: `您在「${p.eventTitle}」的一对一会谈：\n${p.lines}\n日历邀请见附件。`,
    }),
    en: (p) => ({
      title: `${p.eventTitle}: your 1:1 meetings are scheduled`,
      body: `Your 1:1 meetings at ${p.eventTitle}:\n${p.lines}\nThe calendar invite is attached.`,
    }),
  },
  agenda_published: {
    'zh-CN': (p) => ({
      title: `「${p.eventTitle}」路演议程已发布`,
      body: `您的项目将在「${p.sessionTitle}」第 ${p.position} 位路演，时间 ${p.startsAt}${p.location ? `，地点 ${p.location}` : ''}。日历邀请见附件。`,
    }),
    en: (p) => ({
      title: `${p.eventTitle}: the agenda is published`,
      body: `You pitch #${p.position} in ${p.sessionTitle} at ${p.startsAt}${p.location ? `, ${p.location}` : ''}. The calendar invite is attached.`,
    }),
  },
  deal_changed: {
    'zh-CN': (p) => ({
      title: `「${p.investorName}」更新了与「${p.projectTitle}」的进展`,
      body: `「${p.investorName}」将项目「${p.projectTitle}」的进展更新为：${p.stage}。`,
    }),
    en: (p) => ({
      title: `${p.investorName} updated ${p.projectTitle}`,
      body: `${p.investorName} moved ${p.projectTitle} to stage: ${p.stage}.`,
    }),
  },
  session_reminder: {
    'zh-CN': (p) => ({
      title: `提醒：${p.lead}后路演「${p.subject}」`,
      body: `「${p.eventTitle}」·「${p.subject}」将于 ${p.startsAt} 开始${p.location ? `，地点 ${p.location}` : ''}。`,
    }),
    en: (p) => ({
      title: `Reminder: you pitch in ${p.lead}`,
      body: `${p.eventTitle} · ${p.subject} starts at ${p.startsAt}${p.location ? `, ${p.location}` : ''}.`,
    }),
  },
  meeting_reminder: {
    'zh-CN': (p) => ({
      title: `提醒：${p.lead}后与「${p.subject}」一对一会谈`,
      body: `「${p.eventTitle}」一对一会谈于 ${p.startsAt} 开始${p.location ? `，${p.location}` : ''}。`,
    }),
    en: (p) => ({
      title: `Reminder: 1:1 with ${p.subject} in ${p.lead}`,
      body: `Your 1:1 meeting at ${p.eventTitle} starts at ${p.startsAt}${p.location ? `, ${p.location}` : ''}.`,
    }),
  },
  follow_up_due_soon: {
    'zh-CN': (p) => ({
      title: `待办即将到期：${TASK['zh-CN'][p.subject] ?? p.subject}`,
      body: `「${p.eventTitle}」会谈后的待办「${TASK['zh-CN'][p.subject] ?? p.subject}」将于 ${p.dueOn} 到期${provisional(p, 'zh-CN')}。`,
    }),
    en: (p) => ({
      title: `Due soon: ${TASK.en[p.subject] ?? p.subject}`,
      body: `The follow-up "${TASK.en[p.subject] ?? p.subject}" after ${p.eventTitle} is due on ${p.dueOn}${provisional(p, 'en')}.`,
    }),
  },
  follow_up_overdue: {
    'zh-CN': (p) => ({
      title: `待办已逾期：${TASK['zh-CN'][p.subject] ?? p.subject}`,
      body: `「${p.eventTitle}」会谈后的待办「${TASK['zh-CN'][p.subject] ?? p.subject}」已于 ${p.dueOn} 到期，尚未完成${provisional(p, 'zh-CN')}。`,
    }),
    en: (p) => ({
      title: `Overdue: ${TASK.en[p.subject] ?? p.subject}`,
      body: `The follow-up "${TASK.en[p.subject] ?? p.subject}" after ${p.eventTitle} was due on ${p.dueOn} and is not done${provisional(p, 'en')}.`,
    }),
  },
  follow_up_escalated: {
    'zh-CN': (p) => ({
      title: `督办：${TASK['zh-CN'][p.subject] ?? p.subject}逾期 5 个工作日`,
      body: `「${p.eventTitle}」会谈后的待办「${TASK['zh-CN'][p.subject] ?? p.subject}」（${p.ownerName}）于 ${p.dueOn} 到期，已逾期 5 个工作日仍未完成${provisional(p, 'zh-CN')}。`,
    }),
    en: (p) => ({
      title: `Escalation: ${TASK.en[p.subject] ?? p.subject} is 5 working days overdue`,
      body: `The follow-up "${TASK.en[p.subject] ?? p.subject}" (${p.ownerName}) after ${p.eventTitle} was due on ${p.dueOn} and is still not done after 5 more working days${provisional(p, 'en')}.`,
    }),
  },
  follow_up_ack_overdue: {
    'zh-CN': (p) => ({
      title: `待确认：${TASK['zh-CN'][p.subject] ?? p.subject}`,
      body: `「${p.eventTitle}」会谈后的待办「${TASK['zh-CN'][p.subject] ?? p.subject}」应于 ${p.acknowledgeDueOn} 前确认受理，尚未确认；答复期限为 ${p.dueOn}${provisional(p, 'zh-CN')}。`,
    }),
    en: (p) => ({
      title: `Not acknowledged: ${TASK.en[p.subject] ?? p.subject}`,
      body: `The follow-up "${TASK.en[p.subject] ?? p.subject}" after ${p.eventTitle} was to be acknowledged by ${p.acknowledgeDueOn} and is not; the reply is due on ${p.dueOn}${provisional(p, 'en')}.`,
    }),
  },
  outcome_recorded: {
    'zh-CN': (p) => ({
      title: `「${p.organizationName}」记录了结果：${OUTCOME['zh-CN'][p.stage] ?? p.stage}`,
      body: `「${p.organizationName}」更新了双方的结果记录（${OUTCOME['zh-CN'][p.stage] ?? p.stage}），请查看并记录您这一方。`,
    }),
    en: (p) => ({
      title: `${p.organizationName} recorded an outcome: ${OUTCOME.en[p.stage] ?? p.stage}`,
      body: `${p.organizationName} updated the shared outcome (${OUTCOME.en[p.stage] ?? p.stage}); see it and record your side.`,
    }),
  },
  mandate_digest: {
    'zh-CN': (p) => ({
      title: `「${p.mandateName}」今日新进入推荐前列的项目 ${p.count} 个`,
      body: `以下项目今日新进入「${p.mandateName}」的推荐前 ${p.topK} 名（匹配分 ≥ ${p.threshold}）：\n${p.lines}`,
    }),
    en: (p) => ({
      title: `${p.count} new project(s) in the top list of ${p.mandateName}`,
      body: `New today in the top ${p.topK} of ${p.mandateName} (score ≥ ${p.threshold}):\n${p.lines}`,
    }),
  },
};

export function render(kind: NotificationKind, locale: NotificationLocale, params: TemplateParams): Text {
  return TEMPLATES[kind][locale](params);
}
