import { CalendarOutlined, EnvironmentOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Steps, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { TimeRange } from '../../components/TimeRange';
import { applyApiError, ErrorState, PageLoading } from '../../components/states';
import { PageHeader } from '../../lib/page';
import { useTracks } from '../../lib/reference';
import { formatDateTime, formatDay, formatRange, isoToWall, wallToIso } from '../../lib/time';
import { AgendaTab } from './AgendaTab';
import { ApplicantsTab } from './ApplicantsTab';
import { FollowUpBoard } from './FollowUpBoard';
import { InvestorsTab } from './InvestorsTab';
import { MeetingsTab } from './MeetingsTab';
import { ParticipantEvent } from '../roadshows/ParticipantEvent';
import { EVENT_STATUS_COLORS, NEXT_STATUS, useEvent, type EventView } from './useEvent';
import { useRegions } from '../../lib/regions';

// ECharts loads with the report tab only.
const ReportTab = lazy(() => import('./ReportTab').then((m) => ({ default: m.ReportTab })));

const STATUS_ORDER: EventView['status'][] = ['draft', 'open', 'closed', 'live', 'finished'];

function SessionModal({ event, open, onClose }: { event: EventView; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const tracks = useTracks();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ title: string; track?: string; hours: [Dayjs, Dayjs]; room?: string; maxPitches: number; pitchMinutes: number; qaMinutes: number }>();
  const [banner, setBanner] = useState<string | null>(null);
  const day = isoToWall(event.startsAt, event.timeZone);
  const save = useMutation({
    mutationFn: (v: { title: string; track?: string; hours: [Dayjs, Dayjs]; room?: string; maxPitches: number; pitchMinutes: number; qaMinutes: number }) =>
      call(api.POST('/api/v1/events/{id}/sessions', {
        params: { path: { id: event.id } },
        body: {
          title: v.title,
          track: v.track as never,
          startsAt: wallToIso(day, v.hours[0], event.timeZone),
          endsAt: wallToIso(day, v.hours[1], event.timeZone),
          room: v.room || undefined,
          maxPitches: v.maxPitches,
          pitchMinutes: v.pitchMinutes,
          qaMinutes: v.qaMinutes,
        },
      })),
    onSuccess: () => {
      message.success(t('rs.session.addedOk'));
      void queryClient.invalidateQueries({ queryKey: ['event', event.id] });
      form.resetFields();
      setBanner(null);
      onClose();
    },
    onError: (err) => setBanner(applyApiError(form, err, t, { startsAt: ['hours'], endsAt: ['hours'] })),
  });
  return (
    <Modal open={open} title={t('rs.session.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={save.isPending} destroyOnHidden width={640}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ maxPitches: 6, pitchMinutes: 10, qaMinutes: 5 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('rs.session.name')} rules={[{ required: true, message: t('rs.session.nameRequired') }]}>
          <Input placeholder={t('rs.session.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="track" label={t('rs.session.track')} extra={t('rs.session.trackHint')}>
              <Select allowClear showSearch optionFilterProp="label" options={tracks.options} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="room" label={t('rs.session.room')}>
              <Input placeholder={t('rs.session.roomPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hours" label={t('rs.session.hours', { day: formatDay(event.startsAt, event.timeZone, i18n.language) })} rules={[{ required: true, message: t('rs.create.hoursRequired') }]}>
          <TimeRange />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="maxPitches" label={t('rs.session.maxPitches')}><InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="pitchMinutes" label={t('rs.session.pitchMinutes')}><InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} addonAfter={t('rs.min')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="qaMinutes" label={t('rs.session.qaMinutes')}><InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} addonAfter={t('rs.min')} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

function Overview({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regions = useRegions();
  const tracks = useTracks();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const move = useMutation({
    mutationFn: (to: EventView['status']) => call(api.POST('/api/v1/events/{id}/status', { params: { path: { id: event.id } }, body: { to } })),
    onSuccess: (e) => {
      message.success(t('rs.overview.movedOk', { status: t(`rs.eventStatus.${e.status}`) }));
      queryClient.setQueryData(['event', event.id], e);
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
    onError: (err) => message.error(err.message),
  });
  const current = STATUS_ORDER.indexOf(event.status);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Steps
          size="small"
          current={current}
          items={STATUS_ORDER.map((s) => ({ title: t(`rs.eventStatus.${s}`), description: t(`rs.statusHint.${s}`) }))}
        />
        <Space style={{ marginTop: 16 }} wrap>
          {NEXT_STATUS[event.status].map((to) => (
            <Button
              key={to}
              type={to === 'open' || to === 'live' ? 'primary' : 'default'}
              loading={move.isPending && move.variables === to}
              onClick={() => move.mutate(to)}
              data-testid={`status-${to}`}
            >
              {t(`rs.statusAction.${to}`)}
            </Button>
          ))}
          {event.status === 'draft' && event.sessions.length === 0 && <Typography.Text type="secondary">{t('rs.overview.needSession')}</Typography.Text>}
        </Space>
      </Card>
      <Card title={t('rs.overview.details')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('rs.create.date')}>{formatDay(event.startsAt, event.timeZone, lang)} {formatRange(event.startsAt, event.endsAt, event.timeZone, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.region')}>{regions.label(event.regionCode)}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.venue')}>{event.venue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.deadline')}>{formatDateTime(event.applicationDeadline, event.timeZone, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.capacity')}>{event.capacity ?? t('common.any')}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.visibility')}>{t(`rs.visibility.${event.visibility}`)}</Descriptions.Item>
          <Descriptions.Item label={t('rs.create.timeZone')}>{t(`rs.tz.${event.timeZone.replace('/', '_')}`, { defaultValue: event.timeZone })}</Descriptions.Item>
          {event.description && <Descriptions.Item label={t('rs.create.description')} span={2}>{event.description}</Descriptions.Item>}
          {event.questions.length > 0 && (
            <Descriptions.Item label={t('rs.create.questions')} span={2}>
              <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                {event.questions.map((q) => <li key={q.id}>{q.label}{q.required && <Tag style={{ marginInlineStart: 8 }}>{t('rs.create.questionMandatory')}</Tag>}</li>)}
              </ol>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('rs.overview.sessions')}
        extra={<Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-session">{t('rs.session.add')}</Button>}
        styles={{ body: { padding: event.sessions.length ? 0 : undefined } }}
      >
        {event.sessions.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('rs.session.empty')}</Typography.Paragraph>
        ) : (
          <Table
            rowKey="id"
            pagination={false}
            dataSource={event.sessions}
            scroll={{ x: 640 }}
            columns={[
              { title: t('rs.session.name'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('rs.session.track'), dataIndex: 'track', render: (v: string | null) => (v ? <Tag color="blue">{tracks.label(v)}</Tag> : '—') },
              { title: t('rs.session.time'), key: 'time', render: (_: unknown, s) => formatRange(s.startsAt, s.endsAt, event.timeZone, lang) },
              { title: t('rs.session.room'), dataIndex: 'room', render: (v: string | null) => v ?? '—' },
              { title: t('rs.session.format'), key: 'f', render: (_: unknown, s) => t('rs.session.formatValue', { n: s.maxPitches, p: s.pitchMinutes, q: s.qaMinutes }) },
              { title: t('rs.agenda.title'), key: 'a', render: (_: unknown, s) => (s.agendaPublishedAt ? <Tag color="green">{t('rs.agenda.published')}</Tag> : <Tag>{t('rs.agenda.draft')}</Tag>) },
            ]}
          />
        )}
      </Card>
      <SessionModal event={event} open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}

export function EventPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const event = useEvent(id);
  if (event.isPending) return <Card><PageLoading /></Card>;
  if (event.isError) return <Card><ErrorState error={event.error} onRetry={() => void event.refetch()} /></Card>;
  const e = event.data;
  const tab = params.get('tab') ?? 'overview';
  const lang = i18n.language;
  return (
    <>
      <PageHeader
        title={<Space wrap>{e.title}<Tag color={EVENT_STATUS_COLORS[e.status]} style={{ verticalAlign: 'middle' }}>{t(`rs.eventStatus.${e.status}`)}</Tag></Space>}
        intro={<Space wrap size={16}><span><CalendarOutlined /> {formatDay(e.startsAt, e.timeZone, lang)} {formatRange(e.startsAt, e.endsAt, e.timeZone, lang)}</span>{e.venue && <span><EnvironmentOutlined /> {e.venue}</span>}</Space>}
        extra={e.mine && <Button icon={<QrcodeOutlined />} onClick={() => navigate(`/events/${e.id}/check-in`)} data-testid="open-check-in">{t('rs.checkIn.title')}</Button>}
      />
      {!e.mine ? <ParticipantEvent event={e} /> : <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'overview', label: t('rs.tabs.overview'), children: <Overview event={e} /> },
          { key: 'applicants', label: t('rs.tabs.applicants'), children: <ApplicantsTab event={e} /> },
          { key: 'agenda', label: t('rs.tabs.agenda'), children: <AgendaTab event={e} /> },
          { key: 'investors', label: t('rs.tabs.investors'), children: <InvestorsTab event={e} /> },
          { key: 'meetings', label: t('rs.tabs.meetings'), children: <MeetingsTab event={e} /> },
          { key: 'follow-ups', label: t('rs.tabs.followUps'), children: <FollowUpBoard eventId={e.id} /> },
          { key: 'report', label: t('rs.tabs.report'), children: <Suspense fallback={<Card><PageLoading /></Card>}><ReportTab event={e} /></Suspense> },
        ]}
      />}
    </>
  );
}
