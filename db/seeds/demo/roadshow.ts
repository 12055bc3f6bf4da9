import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { MembershipEntity, UserEntity, type OrganizationKind, type Principal } from '@app/identity';
import {
  AgendaService,
  ApplicationsService,
  EventsService,
  InvestorsService,
  MeetingsService,
  SchedulePlanner,
} from '@app/roadshows';
import { DEMO_ORGANIZATIONS } from '../demo-data';

export const DEMO_EVENT_TITLE = '滨科“金兔”路演计划 2026 · 第二场（高校成果与智能制造）';
const ZONE = 'Asia/Shanghai';

/** Who pitches where, what the organizer decided, and why (the founders see the reason). */
const APPLICANTS: {
  session: 0 | 1;
  title: string;
  decision: 'accepted' | 'waitlisted' | 'rejected';
  reason?: string;
}[] = [
  { session: 0, title: '室温量子磁力计心磁成像系统 · 先投后股', decision: 'accepted' },
  { session: 0, title: '全景数字分子病理平台天使轮 · 先投后股', decision: 'accepted' },
  { session: 0, title: '下肢外骨骼康复机器人天使轮 · 先投后股', decision: 'accepted' },
  { session: 0, title: 'mRNA 肝外递送平台天使轮 · 先投后股', decision: 'waitlisted' },
  { session: 1, title: '柔性电子皮肤传感材料 · 先投后股', decision: 'accepted' },
  { session: 1, title: '北斗农机自动导航系统 · 知识产权质押贷款（滨科贷）', decision: 'accepted' },
  {
    session: 1,
    title: '高端光刻胶国产化产线扩建 · 投贷联动',
    decision: 'rejected',
    reason: '本场聚焦物联网与智能装备；项目更契合下月的新材料与集成电路专场，欢迎届时报名。',
  },
];

const INVESTORS = ['xihu-fund', 'taihu-angel', 'jiangnan-bank', 'binhu-guidance'] as const;

/** Meeting requests: [from, to, priority, accepted?]. */
const REQUESTS: [string, string, 'must' | 'would_like', boolean][] = [
  ['xihu-fund', 'zhijiang-poc', 'must', true],
  ['xihu-fund', 'xinghang', 'would_like', true],
  ['taihu-angel', 'zhijiang-poc', 'must', true],
  ['jiangnan-bank', 'xinghang', 'must', true],
  ['binhu-guidance', 'xinghang', 'would_like', true],
  ['binhu-guidance', 'zhijiang-poc', 'would_like', true],
  ['zhijiang-poc', 'jiangnan-bank', 'would_like', true],
  ['taihu-angel', 'xinghang', 'would_like', false],
];

/**
 * The 金兔 roadshow day, driven through the roadshow services as the organizer, founders and
 * investors would (validation, outbox events, notifications on the worker's next pass): two themed
 * sessions, seven applications screened, published agendas, four investors invited, a 1:1 grid,
 * eight requests, and a scheduler run planned here (HiGHS bounds included) and published.
 * The day falls on the first weekday at least 10 days after the seed runs, so it is always ahead.
 * Skipped when the organizer already has an event with this title.
 */
export async function seedRoadshow(app: INestApplicationContext, ds: DataSource): Promise<string | null> {
  const principalOf = async (key: string): Promise<Principal> => {
    const org = DEMO_ORGANIZATIONS.find((o) => o.key === key)!;
    const user = await ds.getRepository(UserEntity).findOneByOrFail({ emailNormalized: org.owner.email });
    const m = await ds.getRepository(MembershipEntity).findOneByOrFail({ userId: user.id, role: 'owner' });
    return {
      userId: user.id,
      sessionId: 'seed',
      organizationId: m.organizationId,
      organizationKind: org.kind as OrganizationKind,
      role: 'owner',
      isPlatformAdmin: false,
      locale: 'zh-CN',
    };
  };
  const organizer = await principalOf('binhu-organizer');
  const [existing] = await ds.query(`SELECT id FROM roadshow_events WHERE organization_id = $1 AND title = $2`, [
    organizer.organizationId,
    DEMO_EVENT_TITLE,
  ]);
  if (existing) return null;

  const events = app.get(EventsService, { strict: false });
  const applications = app.get(ApplicationsService, { strict: false });
  const agenda = app.get(AgendaService, { strict: false });
  const investors = app.get(InvestorsService, { strict: false });
  const meetings = app.get(MeetingsService, { strict: false });
  const planner = app.get(SchedulePlanner, { strict: false });

  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 10 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return day.set({ hour: h, minute: m }).toUTC().toISO()!;
  };

  const event = await events.create(organizer, {
    title: DEMO_EVENT_TITLE,
    description:
      '滨湖区科技金融服务中心主办。上午生命健康专场、午后智能制造与物联网专场，入选项目每家 12 分钟路演 + 6 分钟问答；下午与受邀基金、银行一对一洽谈。',
    venue: '无锡市滨湖区 科技金融路演中心 一号厅',
    timeZone: ZONE,
    startsAt: at('09:00'),
    endsAt: at('17:30'),
    applicationDeadline: day.minus({ days: 3 }).set({ hour: 23, minute: 59 }).toUTC().toISO()!,
    capacity: 8,
    visibility: 'public',
    questions: [
      { id: 'use_of_funds', label: '本轮融资资金用途', required: true, maxLength: 1000 },
      { id: 'ask', label: '希望对接的资源（基金、银行、园区）', required: false, maxLength: 1000 },
    ],
  });
  const sessions = [
    await events.addSession(organizer, event.id, {
      title: '生命健康专场',
      track: 'life_health',
      startsAt: at('09:30'),
      endsAt: at('11:30'),
      room: '一号路演厅',
      maxPitches: 6,
      pitchMinutes: 12,
      qaMinutes: 6,
    }),
    await events.addSession(organizer, event.id, {
      title: '智能制造与物联网专场',
      track: 'internet_of_things',
      startsAt: at('13:00'),
      endsAt: at('14:30'),
      room: '一号路演厅',
      maxPitches: 5,
      pitchMinutes: 12,
      qaMinutes: 6,
    }),
  ];
  await events.transition(organizer, event.id, 'open');

  const byOrgId = new Map<string, string>();
  for (const o of DEMO_ORGANIZATIONS) byOrgId.set((await principalOf(o.key)).organizationId, o.key);
  const ids: { id: string; session: number }[] = [];
  for (const a of APPLICANTS) {
    const [project] = await ds.query(`SELECT id, organization_id FROM projects WHERE title = $1 LIMIT 1`, [a.title]);
    if (!project) throw new Error(`demo roadshow: project ${a.title} is missing`);
    const founder = await principalOf(ownerKeyOf(project.organization_id, byOrgId));
    const application = await applications.apply(founder, event.id, {
      projectId: project.id,
      sessionId: sessions[a.session].id,
      shareConfidential: true,
      answers: { use_of_funds: '研发投入 40%，中试与产线 30%，市场拓展 20%，补充流动资金 10%。' },
    });
    ids.push({ id: application.id, session: a.session });
  }
  await events.transition(organizer, event.id, 'closed');
  for (const [i, a] of APPLICANTS.entries())
    await applications.decide(organizer, ids[i].id, { status: a.decision, ...(a.reason ? { reason: a.reason } : {}) });
  for (const [s, session] of sessions.entries()) {
    const order = APPLICANTS.map((a, i) => ({ a, id: ids[i].id })).filter(
      (x) => x.a.session === s && x.a.decision === 'accepted',
    );
    await agenda.set(
      organizer,
      session.id,
      order.map((x) => x.id),
    );
    await agenda.publish(organizer, session.id);
  }

  const invited = new Map<string, string>();
  for (const key of INVESTORS) {
    const p = await principalOf(key);
    const inv = await investors.invite(organizer, event.id, p.organizationId);
    invited.set(key, inv.id);
    if (key !== 'binhu-guidance') await investors.rsvp(p, inv.id, 'accepted');
  }

  await meetings.setGrid(organizer, event.id, {
    startsAt: at('14:30'),
    endsAt: at('17:30'),
    slotMinutes: 30,
    tables: 6,
    minMeetings: 1,
    maxMeetings: 5,
    pendingQuota: 10,
    requestTtlHours: 72,
  });
  for (const [from, to, priority, accept] of REQUESTS) {
    const sender = await principalOf(from);
    const recipient = await principalOf(to);
    const r = await meetings.request(sender, event.id, { toOrganizationId: recipient.organizationId, priority });
    if (accept) await meetings.answer(recipient, r.id, true);
  }
  const run = await meetings.startRun(organizer, event.id, 20230214);
  await planner.run(run.id);
  await meetings.publishRun(organizer, run.id);
  return event.id;
}

function ownerKeyOf(organizationId: string, byId: Map<string, string>): string {
  const key = byId.get(organizationId);
  if (!key) throw new Error(`demo roadshow: no demo organization ${organizationId}`);
  return key;
}
