import {
  CalendarOutlined, CarryOutOutlined, FileSearchOutlined, NodeIndexOutlined, ProjectOutlined, TeamOutlined, TrophyOutlined, WarningOutlined,
} from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { APPLICATION_STATUS_COLORS } from '../../components/ApplicantRanking';
import { ErrorState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { DEAL_STAGES } from '../../lib/reference';
import { laneOf } from '../organizer/FollowUpBoard';
import { EVENT_STATUS_COLORS } from '../organizer/useEvent';

type FollowUp = Schemas['FollowUpView'];
const DAY = 24 * 60 * 60 * 1000;
/** A card shows at most this many rows; its number counts them all. */
const ROWS = 5;

/** What a card needs to know of its queries: one or several, pending until all answered. */
interface Status {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

function combined(queries: Status[]): Status {
  const failed = queries.find((q) => q.isError);
  return {
    isPending: queries.some((q) => q.isPending),
    isError: !!failed,
    error: failed?.error ?? null,
    refetch: () => queries.filter((q) => q.isError).forEach((q) => void q.refetch()),
  };
}

export interface WorkRow {
  key: string;
  to: string;
  title: ReactNode;
  /** A second, quieter line under the title (figures that would crowd it out on one line). */
  sub?: ReactNode;
  extra?: ReactNode;
}

/** One workbench card: a number, up to five rows linking to the screen, an empty state, skeleton and error. */
export function WorkCard({ testId, icon, title, to, status, count, note, rows, empty }: {
  testId: string;
  icon: ReactNode;
  title: string;
  to: string;
  status: Status;
  count?: number | string;
  note?: ReactNode;
  rows?: WorkRow[];
  empty: string;
}) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (status.isPending) body = <div data-testid="loading"><Skeleton active title={false} paragraph={{ rows: 3 }} /></div>;
  else if (status.isError) body = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else
    body = (
      <>
        <Space align="baseline" size={12} wrap>
          <span style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2 }} data-testid={`${testId}-count`}>{count ?? 0}</span>
          {note}
        </Space>
        {rows && rows.length > 0 ? (
          <div style={{ marginTop: 8 }}>
            {rows.slice(0, ROWS).map((r) => (
              <div key={r.key} className="work-row" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Link to={r.to} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.title}</Link>
                  {r.sub && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.sub}</Typography.Text>}
                </div>
                {r.extra && <span style={{ flexShrink: 0 }}>{r.extra}</span>}
              </div>
            ))}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0 0' }} />
        )}
      </>
    );
  return (
    <Card
      size="small"
      title={<Space size={8}>{icon}{title}</Space>}
      extra={<Link to={to}>{t('wb.more')}</Link>}
      style={{ height: '100%' }}
      data-testid={testId}
    >
      {body}
    </Card>
  );
}

function Grid({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={[16, 16]} data-testid="workbench">
      {children.map((c, i) => <Col key={i} xs={24} md={12}>{c}</Col>)}
    </Row>
  );
}

/** Requests others sent this organization that still wait for its answer. */
function RequestsCard() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['meeting-requests', 'home', 'received', 'pending'],
    queryFn: () => call(api.GET('/api/v1/meeting-requests', { params: { query: { direction: 'received', status: 'pending', limit: 20 } } })),
  });
  const items = q.data?.items ?? [];
  return (
    <WorkCard
      testId="wb-requests"
      icon={<TeamOutlined />}
      title={t('wb.requests.title')}
      to="/meeting-requests"
      status={q}
      count={q.data?.nextCursor ? `${items.length}+` : items.length}
      note={<Typography.Text type="secondary">{t('wb.requests.hint')}</Typography.Text>}
      empty={t('wb.requests.empty')}
      rows={items.map((r) => ({
        key: r.id,
        to: '/meeting-requests',
        title: <>{r.counterpartName}<Typography.Text type="secondary"> · {r.projectTitle ?? r.eventTitle}</Typography.Text></>,
        extra: r.expiresAt && <Typography.Text type="secondary">{t('wb.replyBy', { date: formatDate(r.expiresAt, i18n.language) })}</Typography.Text>,
      }))}
    />
  );
}

function useFollowUps() {
  return useQuery({ queryKey: ['follow-ups'], queryFn: () => call(api.GET('/api/v1/follow-ups')) });
}

/** This organization's own open follow-ups, the overdue and the soon due first. */
function FollowUpsCard() {
  const { t, i18n } = useTranslation();
  const q = useFollowUps();
  // As of the API's answer (render stays pure), like the follow-up board.
  const now = q.dataUpdatedAt;
  const open = (q.data?.items ?? [])
    .filter((f) => f.mine && f.status !== 'cancelled' && laneOf(f, now) !== 'done')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const overdue = open.filter((f) => laneOf(f, now) === 'overdue').length;
  const soon = (f: FollowUp) => laneOf(f, now) === 'open' && new Date(f.dueAt).getTime() - now < 2 * DAY;
  const dueSoon = open.filter(soon).length;
  return (
    <WorkCard
      testId="wb-follow-ups"
      icon={<CarryOutOutlined />}
      title={t('wb.followUps.title')}
      to="/follow-ups"
      status={q}
      count={open.length}
      note={
        <Space size={4} wrap>
          {overdue > 0 && <Tag color="red">{t('wb.followUps.overdue', { count: overdue })}</Tag>}
          {dueSoon > 0 && <Tag color="orange">{t('wb.followUps.dueSoon', { count: dueSoon })}</Tag>}
        </Space>
      }
      empty={t('wb.followUps.empty')}
      rows={open.map((f) => ({
        key: f.id,
        to: '/follow-ups',
        title: t(`rs.followUps.kind.${f.kind}`),
        extra: (
          <Space size={4}>
            {laneOf(f, now) === 'overdue' ? <Tag color="red">{t('wb.overdueTag')}</Tag> : soon(f) ? <Tag color="orange">{t('wb.dueSoonTag')}</Tag> : null}
            <Typography.Text type="secondary">{t('wb.dueOn', { date: formatDate(f.dueOn + 'T12:00:00Z', i18n.language) })}</Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}

function ApplicationsCard() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['applications', 'mine'], queryFn: () => call(api.GET('/api/v1/applications')) });
  const items = (q.data?.items ?? []).filter((a) => a.status !== 'withdrawn').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <WorkCard
      testId="wb-applications"
      icon={<TrophyOutlined />}
      title={t('wb.applications.title')}
      to="/my-roadshows"
      status={q}
      count={items.length}
      empty={t('wb.applications.empty')}
      rows={items.map((a) => ({
        key: a.id,
        to: `/events/${a.eventId}`,
        title: a.eventTitle,
        sub: a.projectTitle,
        extra: <Tag color={APPLICATION_STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }}>{t(`rs.applicationStatus.${a.status}`)}</Tag>,
      }))}
    />
  );
}

/** The founder's projects (the onboarding's own query): the published ones, and how many wait as drafts. */
function ProjectsCard({ projects }: { projects: Status & { data?: Schemas['ProjectPageView'] } }) {
  const { t } = useTranslation();
  const all = projects.data?.items ?? [];
  const published = all.filter((p) => p.status === 'published');
  const drafts = all.filter((p) => p.status === 'draft').length;
  return (
    <WorkCard
      testId="wb-projects"
      icon={<ProjectOutlined />}
      title={t('wb.projects.title')}
      to="/projects"
      status={projects}
      count={published.length}
      note={drafts > 0 && <Typography.Text type="secondary">{t('wb.projects.draft', { count: drafts })}</Typography.Text>}
      empty={t('wb.projects.empty')}
      rows={published.map((p) => ({ key: p.id, to: `/projects/${p.id}`, title: p.title, extra: <Tag style={{ marginInlineEnd: 0 }}>{t(`stage.${p.stage}`)}</Tag> }))}
    />
  );
}

export function FounderWorkbench({ projects }: { projects: Status & { data?: Schemas['ProjectPageView'] } }) {
  return (
    <Grid>
      {[<RequestsCard key="r" />, <FollowUpsCard key="f" />, <ApplicationsCard key="a" />, <ProjectsCard key="p" projects={projects} />]}
    </Grid>
  );
}

/** Per active mandate: how many projects match it now, and the best score (the compact view, one short page each). */
function DealFlowCard({ mandates }: { mandates: Status & { data?: Schemas['MandatePageView'] } }) {
  const { t } = useTranslation();
  const list = (mandates.data?.items ?? []).slice().sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1)).slice(0, ROWS);
  const flows = useQueries({
    queries: list.map((m) => ({
      queryKey: ['deal-flow', m.id, 'home'],
      queryFn: async () =>
        (await call(api.GET('/api/v1/mandates/{id}/deal-flow', { params: { path: { id: m.id }, query: { view: 'compact', limit: ROWS } } }))) as Schemas['DealFlowCompactPageView'],
      enabled: m.status === 'active',
    })),
  });
  const active = flows.filter((_, i) => list[i].status === 'active');
  const status = combined([mandates, ...active]);
  const total = active.reduce((n, f) => n + (f.data?.total ?? 0), 0);
  return (
    <WorkCard
      testId="wb-deal-flow"
      icon={<FileSearchOutlined />}
      title={t('wb.flow.title')}
      to="/deal-flow"
      status={status}
      count={total}
      empty={t('wb.flow.empty')}
      rows={list.map((m, i) => {
        const flow = flows[i].data;
        const scores = (flow?.items ?? []).filter((x) => x.eligible && x.score != null).map((x) => x.score as number);
        return {
          key: m.id,
          to: `/mandates/${m.id}/deal-flow`,
          title: m.name,
          extra: m.status !== 'active' ? <Tag style={{ marginInlineEnd: 0 }}>{t('wb.flow.paused')}</Tag> : (
            <Space size={6}>
              <Typography.Text type="secondary">{t('wb.flow.matches', { count: flow?.total ?? 0 })}</Typography.Text>
              {scores.length > 0 && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('wb.flow.best', { score: Math.round(Math.max(...scores)) })}</Tag>}
            </Space>
          ),
        };
      })}
    />
  );
}

/** Deals by stage (the onboarding's own query of up to 100): the stages in play, passed ones counted apart. */
function PipelineCard({ deals }: { deals: Status & { data?: Schemas['DealPageView'] } }) {
  const { t } = useTranslation();
  const items = deals.data?.items ?? [];
  const live = items.filter((d) => d.stage !== 'passed');
  const passed = items.length - live.length;
  const rows = DEAL_STAGES.filter((s) => s !== 'passed')
    .map((s) => ({ stage: s, n: live.filter((d) => d.stage === s).length }))
    .filter((x) => x.n > 0);
  return (
    <WorkCard
      testId="wb-pipeline"
      icon={<NodeIndexOutlined />}
      title={t('wb.pipeline.title')}
      to="/pipeline"
      status={deals}
      count={deals.data?.nextCursor ? `${live.length}+` : live.length}
      note={
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('wb.pipeline.active')}</Typography.Text>
          {passed > 0 && <Typography.Text type="secondary">{t('wb.pipeline.passed', { count: passed })}</Typography.Text>}
        </Space>
      }
      empty={t('wb.pipeline.empty')}
      rows={rows.map((x) => ({ key: x.stage, to: '/pipeline', title: t(`dealStage.${x.stage}`), extra: <Tag color="blue" style={{ marginInlineEnd: 0 }}>{x.n}</Tag> }))}
    />
  );
}

export function InvestorWorkbench({ mandates, deals }: {
  mandates: Status & { data?: Schemas['MandatePageView'] };
  deals: Status & { data?: Schemas['DealPageView'] };
}) {
  return (
    <Grid>
      {[<DealFlowCard key="d" mandates={mandates} />, <PipelineCard key="p" deals={deals} />, <RequestsCard key="r" />, <FollowUpsCard key="f" />]}
    </Grid>
  );
}

/** The organizer's events that are still ahead (or running), soonest first, with their applicants. */
function EventsCard({ events }: { events: ReturnType<typeof useMyEvents> }) {
  const { t, i18n } = useTranslation();
  const now = events.dataUpdatedAt;
  const upcoming = (events.data?.items ?? [])
    .filter((e) => e.status !== 'finished' && new Date(e.endsAt).getTime() >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const shown = upcoming.slice(0, ROWS);
  const applicants = useQueries({
    queries: shown.map((e) => ({
      queryKey: ['applicants', e.id, 'all'],
      queryFn: () => call(api.GET('/api/v1/events/{id}/applications', { params: { path: { id: e.id }, query: {} } })),
    })),
  });
  return (
    <WorkCard
      testId="wb-events"
      icon={<CalendarOutlined />}
      title={t('wb.events.title')}
      to="/events"
      status={combined([events, ...applicants])}
      count={upcoming.length}
      empty={t('wb.events.empty')}
      rows={shown.map((e, i) => {
        const a = applicants[i].data;
        return {
          key: e.id,
          to: `/events/${e.id}?tab=applicants`,
          title: e.title,
          sub: (
            <span data-testid={`wb-applicants-${e.id}`}>
              {formatDate(e.startsAt, i18n.language)}
              {a && ` · ${t('wb.events.applicants', { count: a.items.length })}${a.accepted > 0 ? ` · ${t('wb.events.accepted', { count: a.accepted })}` : ''}`}
            </span>
          ),
          extra: <Tag color={EVENT_STATUS_COLORS[e.status]} style={{ marginInlineEnd: 0 }}>{t(`rs.eventStatus.${e.status}`)}</Tag>,
        };
      })}
    />
  );
}

/** Overdue follow-ups across the organizer's events, per event, the worst first. */
function OverdueCard({ events }: { events: ReturnType<typeof useMyEvents> }) {
  const { t } = useTranslation();
  const q = useFollowUps();
  const now = q.dataUpdatedAt;
  const overdue = (q.data?.items ?? []).filter((f) => f.status !== 'cancelled' && laneOf(f, now) === 'overdue');
  const titles = new Map((events.data?.items ?? []).map((e) => [e.id, e.title]));
  const perEvent = [...overdue.reduce((m, f) => m.set(f.eventId, (m.get(f.eventId) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  return (
    <WorkCard
      testId="wb-overdue"
      icon={<WarningOutlined style={{ color: overdue.length ? '#dc2626' : undefined }} />}
      title={t('wb.overdue.title')}
      to="/follow-ups"
      status={combined([q, events])}
      count={overdue.length}
      empty={t('wb.overdue.empty')}
      rows={perEvent.map(([eventId, n]) => ({
        key: eventId,
        to: `/events/${eventId}?tab=follow-ups`,
        title: titles.get(eventId) ?? eventId,
        extra: <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('wb.overdue.perEvent', { count: n })}</Tag>,
      }))}
    />
  );
}

function useMyEvents() {
  // The events screen's own query: the organizer's events.
  return useQuery({ queryKey: ['events', 'mine'], queryFn: () => call(api.GET('/api/v1/events', { params: { query: { mine: true } } })) });
}

export function OrganizerWorkbench() {
  const events = useMyEvents();
  return <Grid>{[<EventsCard key="e" events={events} />, <OverdueCard key="o" events={events} />]}</Grid>;
}
