import { CalendarOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { APPLICATION_STATUS_COLORS } from '../../components/ApplicantRanking';
import { useSession } from '../../auth/session';
import { RegionCascader } from '../../components/RegionCascader';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { useRegions } from '../../lib/regions';
import { PageHeader } from '../../lib/page';
import { formatDay, formatRange } from '../../lib/time';
import { EVENT_STATUS_COLORS, type EventView } from './useEvent';

export function EventCard({ event, onOpen, extra }: { event: EventView; onOpen: () => void; extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regions = useRegions();
  const place = [event.regionCode ? regions.label(event.regionCode) : null, event.venue].filter(Boolean).join(' · ');
  return (
    <Card hoverable onClick={onOpen} data-testid={`event-${event.id}`} style={{ height: '100%' }}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={EVENT_STATUS_COLORS[event.status]}>{t(`rs.eventStatus.${event.status}`)}</Tag>
          {event.visibility === 'unlisted' && <Tag>{t('rs.visibility.unlisted')}</Tag>}
        </Space>
        <Typography.Title level={5} style={{ margin: 0 }}>{event.title}</Typography.Title>
        <Typography.Text type="secondary">
          <CalendarOutlined /> {formatDay(event.startsAt, event.timeZone, lang)} {formatRange(event.startsAt, event.endsAt, event.timeZone, lang)}
        </Typography.Text>
        {place && <Typography.Text type="secondary" data-testid="event-place"><EnvironmentOutlined /> {place}</Typography.Text>}
        <Typography.Text type="secondary">
          {t('rs.sessionsCount', { count: event.sessions.length })} · {event.organizerName}
        </Typography.Text>
        {extra}
      </Space>
    </Card>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['applications', 'mine'], queryFn: () => call(api.GET('/api/v1/applications')) });
  const withdraw = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => { message.success(t('rs.mine.withdrawnOk')); void queryClient.invalidateQueries({ queryKey: ['applications', 'mine'] }); },
    onError: (err) => message.error(err.message),
  });
  const items = mine.data?.items ?? [];
  if (!mine.isSuccess || items.length === 0) return null;
  return (
    <Card title={t('rs.mine.applications')} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
      <Table<Schemas['ApplicationView']>
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ x: 560 }}
        onRow={(a) => ({ onClick: () => navigate(`/events/${a.eventId}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('rs.mine.event'), dataIndex: 'eventTitle', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('rs.mine.project'), dataIndex: 'projectTitle' },
          { title: t('rs.mine.status'), dataIndex: 'status', render: (s: Schemas['ApplicationView']['status']) => <Tag color={APPLICATION_STATUS_COLORS[s]}>{t(`rs.applicationStatus.${s}`)}</Tag> },
          { title: t('rs.mine.reason'), dataIndex: 'decisionReason', render: (v: string | null) => v ?? '—' },
          {
            title: '', key: 'a', width: 90,
            render: (_: unknown, a) => (a.status === 'pending' || a.status === 'waitlisted' || a.status === 'accepted') && (
              <Button size="small" type="link" danger onClick={(e) => { e.stopPropagation(); withdraw.mutate(a.id); }}>{t('rs.mine.withdraw')}</Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { persona } = useSession();
  const organizer = persona === 'organizer';
  const [region, setRegion] = useState<string | undefined>();
  const events = useInfiniteQuery({
    queryKey: ['events', organizer ? 'mine' : 'all', region ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/events', { params: { query: { ...(organizer ? { mine: true } : {}), ...(region ? { region } : {}), ...(pageParam ? { cursor: pageParam } : {}), limit: 24 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('rs.events.title')}
        intro={t(organizer ? 'rs.events.introOrganizer' : persona === 'founder' ? 'rs.events.introFounder' : 'rs.events.introInvestor')}
        extra={organizer && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/events/new')} data-testid="new-event">{t('rs.events.new')}</Button>}
      />
      {persona === 'founder' && <MyApplications />}
      <div style={{ marginBottom: 16, maxWidth: 360 }}>
        <RegionCascader anyLevel value={region} onChange={setRegion} placeholder={t('rs.events.regionFilter')} data-testid="events-region" />
      </div>
      {events.isPending ? (
        <Card><PageLoading /></Card>
      ) : events.isError ? (
        <Card><ErrorState error={events.error} onRetry={() => void events.refetch()} /></Card>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            title={region ? t('rs.events.noneInRegion') : t('rs.events.empty')}
            hint={t(organizer ? 'rs.events.emptyHintOrganizer' : 'rs.events.emptyHint')}
            action={organizer && <Button type="primary" onClick={() => navigate('/events/new')}>{t('rs.events.new')}</Button>}
          />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {items.map((e) => (
              <Col key={e.id} xs={24} md={12} xl={8}>
                <EventCard event={e} onOpen={() => navigate(`/events/${e.id}`)} />
              </Col>
            ))}
          </Row>
          {events.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage} data-testid="events-more">{t('rs.events.loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
