import { PlayCircleOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, InputNumber, Modal, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api, call, type Schemas } from '../../api/client';
import { MeetingGrid, type GridMeeting } from '../../components/MeetingGrid';
import { TimeRange } from '../../components/TimeRange';
import { applyApiError, EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatRange, formatTime, isoToWall, wallToIso } from '../../lib/time';
import type { EventView } from './useEvent';

type Grid = Schemas['MeetingGridView'];
type Run = Schemas['ScheduleRunView'];

interface GridValues { hours: [Dayjs, Dayjs]; lunch?: [Dayjs, Dayjs] | null; slotMinutes: number; tables: number; minMeetings: number; maxMeetings?: number | null; pendingQuota: number; requestTtlHours: number }

function GridForm({ event, grid, open, onClose }: { event: EventView; grid: Grid | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GridValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const day = isoToWall(event.startsAt, event.timeZone);
  const tz = event.timeZone;
  const save = useMutation({
    mutationFn: (v: GridValues) => call(api.PUT('/api/v1/events/{id}/meeting-grid', {
      params: { path: { id: event.id } },
      body: {
        startsAt: wallToIso(day, v.hours[0], tz),
        endsAt: wallToIso(day, v.hours[1], tz),
        ...(v.lunch ? { lunchStartsAt: wallToIso(day, v.lunch[0], tz), lunchEndsAt: wallToIso(day, v.lunch[1], tz) } : {}),
        slotMinutes: v.slotMinutes,
        tables: v.tables,
        minMeetings: v.minMeetings,
        ...(v.maxMeetings ? { maxMeetings: v.maxMeetings } : {}),
        pendingQuota: v.pendingQuota,
        requestTtlHours: v.requestTtlHours,
      },
    })),
    onSuccess: (g) => {
      message.success(t('rs.gridForm.savedOk', { n: g.slots.length }));
      queryClient.setQueryData(['grid', event.id], g);
      setBanner(null);
      onClose();
    },
    onError: (err) => setBanner(applyApiError(form, err, t, { startsAt: ['hours'], endsAt: ['hours'], lunchStartsAt: ['lunch'], lunchEndsAt: ['lunch'] })),
  });
  const initial: Partial<GridValues> = grid
    ? {
        hours: [isoToWall(grid.startsAt, tz), isoToWall(grid.endsAt, tz)],
        lunch: grid.lunchStartsAt && grid.lunchEndsAt ? [isoToWall(grid.lunchStartsAt, tz), isoToWall(grid.lunchEndsAt, tz)] : null,
        slotMinutes: grid.slotMinutes, tables: grid.tables, minMeetings: grid.minMeetings, maxMeetings: grid.maxMeetings, pendingQuota: grid.pendingQuota, requestTtlHours: grid.requestTtlHours,
      }
    : { slotMinutes: 20, tables: 10, minMeetings: 0, pendingQuota: 20, requestTtlHours: 72 };
  return (
    <Modal open={open} title={t('rs.gridForm.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={save.isPending} destroyOnHidden width={640}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="hours" label={t('rs.gridForm.hours')} rules={[{ required: true, message: t('rs.create.hoursRequired') }]}>
              <TimeRange />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lunch" label={t('rs.gridForm.lunch')} extra={t('rs.gridForm.lunchHint')}>
              <TimeRange allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="slotMinutes" label={t('rs.gridForm.slotMinutes')}><InputNumber min={5} max={240} precision={0} style={{ width: '100%' }} addonAfter={t('rs.min')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="tables" label={t('rs.gridForm.tables')}><InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="requestTtlHours" label={t('rs.gridForm.ttl')}><InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} addonAfter={t('rs.hours')} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="minMeetings" label={t('rs.gridForm.minMeetings')}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="maxMeetings" label={t('rs.gridForm.maxMeetings')}><InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} placeholder={t('common.any')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="pendingQuota" label={t('rs.gridForm.quota')}><InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

function RunResult({ run, requests }: { run: Run; requests: Schemas['MeetingRequestView'][] }) {
  const { t } = useTranslation();
  const r = run.result!;
  const byId = new Map(requests.map((q) => [q.id, q]));
  const bound = r.bounds.mip ?? r.bounds.lp;
  const proven = !!r.bounds.mip;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="run-result">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Statistic title={t('rs.run.meetings')} value={r.meetings} suffix={`/ ${r.requests}`} /></Col>
        <Col xs={12} md={6}><Statistic title={t(proven ? 'rs.run.vsMip' : 'rs.run.vsLp')} value={pct(r.ratio.weight)} valueStyle={{ color: r.ratio.weight >= 0.99 ? '#16a34a' : '#1d4ed8' }} /></Col>
        <Col xs={12} md={6}><Statistic title={t('rs.run.breaks')} value={r.breaks} suffix={r.bounds.breaksLowerBound != null ? t('rs.run.breaksBound', { n: r.bounds.breaksLowerBound }) : undefined} /></Col>
        <Col xs={12} md={6}><Statistic title={t('rs.run.time')} value={r.ms} suffix="ms" /></Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('rs.run.weight')}>{Math.round(r.weight * 100) / 100}</Descriptions.Item>
        <Descriptions.Item label={t(proven ? 'rs.run.mipBound' : 'rs.run.lpBound')}>{Math.round(bound.weight * 100) / 100} {t('rs.run.boundMeetings', { n: Math.round(bound.meetings * 10) / 10 })}</Descriptions.Item>
        <Descriptions.Item label={t('rs.run.maxBreaks')}>{r.maxBreaksPerParticipant}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t(proven ? 'rs.run.boundHintMip' : 'rs.run.boundHintLp')}</Typography.Text>
      {r.unscheduled.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('rs.run.unscheduled', { count: r.unscheduled.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {r.unscheduled.map((u) => {
                const q = byId.get(u.requestId);
                return <li key={u.requestId}>{q ? `${q.fromName} ↔ ${q.toName}` : u.requestId}：{t(`rs.unscheduledReason.${u.reason}`)}</li>;
              })}
            </ul>
          }
        />
      )}
      {r.moved.length > 0 && <Alert type="info" showIcon title={t('rs.run.moved', { count: r.moved.length })} />}
    </Space>
  );
}

export function MeetingsTab({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const [editing, setEditing] = useState(false);
  const grid = useQuery({
    queryKey: ['grid', event.id],
    queryFn: async () => {
      try {
        return await call(api.GET('/api/v1/events/{id}/meeting-grid', { params: { path: { id: event.id } } }));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'GRID_MISSING') return null;
        throw err;
      }
    },
  });
  const requests = useQuery({ queryKey: ['meeting-requests', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/meeting-requests', { params: { path: { id: event.id } } })) });
  const participants = useQuery({ queryKey: ['participants', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/participants', { params: { path: { id: event.id } } })) });
  const meetings = useQuery({ queryKey: ['meetings', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/meetings', { params: { path: { id: event.id } } })) });
  const run = useQuery({
    queryKey: ['schedule-run', runId],
    queryFn: () => call(api.GET('/api/v1/schedule-runs/{id}', { params: { path: { id: runId! } } })),
    enabled: !!runId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 400 : false),
  });
  const start = useMutation({
    mutationFn: () => call(api.POST('/api/v1/events/{id}/schedule-runs', { params: { path: { id: event.id } }, body: { seed: Math.floor(Math.random() * 1_000_000) + 1 } })),
    onSuccess: (r) => {
      queryClient.setQueryData(['schedule-run', r.id], r);
      setParams((p) => { p.set('run', r.id); return p; }, { replace: true });
    },
    onError: (err) => message.error(err.message),
  });
  const publish = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/schedule-runs/{id}/publish', { params: { path: { id } } })),
    onSuccess: (r) => {
      message.success(t('rs.run.publishedOk', { n: r.result?.meetings ?? 0 }));
      queryClient.setQueryData(['schedule-run', r.id], r);
      void queryClient.invalidateQueries({ queryKey: ['meetings', event.id] });
    },
    onError: (err) => message.error(err.message),
  });
  const lock = useMutation({
    mutationFn: (v: { id: string; locked: boolean }) => call(api.PUT('/api/v1/meetings/{id}/lock', { params: { path: { id: v.id } }, body: { locked: v.locked } })),
    onSuccess: (m) => {
      message.success(m.locked ? t('rs.grid.lockedOk') : t('rs.grid.unlockedOk'));
      void queryClient.invalidateQueries({ queryKey: ['meetings', event.id] });
    },
    onError: (err) => message.error(err.message),
  });

  const move = useMutation({
    mutationFn: (v: { id: string; slot: number }) => call(api.PUT('/api/v1/meetings/{id}/slot', { params: { path: { id: v.id } }, body: { slot: v.slot } })),
    onSuccess: (m) => {
      message.success(t('rs.grid.movedOk', { time: formatTime(m.startsAt, event.timeZone, lang), table: m.table }));
      void queryClient.invalidateQueries({ queryKey: ['meetings', event.id] });
    },
    onError: (err) => message.error(err.message),
  });

  if (grid.isPending || requests.isPending || participants.isPending || meetings.isPending) return <Card><PageLoading /></Card>;
  if (grid.isError) return <Card><ErrorState error={grid.error} onRetry={() => void grid.refetch()} /></Card>;
  const g = grid.data;
  const reqs = requests.data?.items ?? [];
  const counts = reqs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const r = run.data;
  const running = r && (r.status === 'queued' || r.status === 'running');
  const published = meetings.data?.items ?? [];
  const byReq = new Map(reqs.map((q) => [q.id, q]));
  // The grid shows the plan under review (a finished run) or, otherwise, the published meetings.
  const preview = r?.status === 'done' && r.result;
  const gridMeetings: GridMeeting[] = preview
    ? r.result!.assignments.flatMap((a) => {
        const q = byReq.get(a.requestId);
        return q ? [{ id: a.requestId, slot: a.slot, table: a.table, parties: [q.fromOrganizationId, q.toOrganizationId] as [string, string], locked: published.find((m) => m.requestId === a.requestId)?.locked ?? false }] : [];
      })
    : published.map((m) => ({ id: m.requestId, slot: m.slot, table: m.table, parties: [m.fromOrganizationId, m.toOrganizationId] as [string, string], locked: m.locked, projectTitle: m.projectTitle }));
  const people = (participants.data?.items ?? [])
    .map((p) => ({ id: p.organizationId, name: p.name, role: p.role }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'zh-CN') : a.role === 'investor' ? -1 : 1));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('rs.gridForm.card')}
        extra={<Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="edit-grid">{g ? t('common.edit') : t('rs.gridForm.set')}</Button>}
      >
        {g ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('rs.gridForm.hours')}>{formatRange(g.startsAt, g.endsAt, event.timeZone, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('rs.gridForm.lunch')}>{g.lunchStartsAt && g.lunchEndsAt ? formatRange(g.lunchStartsAt, g.lunchEndsAt, event.timeZone, lang) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('rs.gridForm.slots')}>{t('rs.gridForm.slotsValue', { n: g.slots.length, m: g.slotMinutes })}</Descriptions.Item>
            <Descriptions.Item label={t('rs.gridForm.tables')}>{g.tables}</Descriptions.Item>
            <Descriptions.Item label={t('rs.gridForm.perParticipant')}>{g.maxMeetings ? `${g.minMeetings}–${g.maxMeetings}` : `≥ ${g.minMeetings}`}</Descriptions.Item>
            <Descriptions.Item label={t('rs.gridForm.quota')}>{g.pendingQuota}</Descriptions.Item>
          </Descriptions>
        ) : (
          <EmptyState title={t('rs.gridForm.empty')} hint={t('rs.gridForm.emptyHint')} />
        )}
      </Card>

      <Card title={t('rs.run.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={24}>
            <Statistic title={t('rs.run.participants')} value={people.length} />
            <Statistic title={t('rs.run.accepted')} value={counts.accepted ?? 0} />
            <Statistic title={t('rs.run.pending')} value={counts.pending ?? 0} />
            <Statistic title={t('rs.run.publishedMeetings')} value={published.length} />
          </Space>
          <Space wrap>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={!g || running} loading={start.isPending || !!running} onClick={() => start.mutate()} data-testid="run-scheduler">
              {t(published.length ? 'rs.run.replan' : 'rs.run.start')}
            </Button>
            {r?.status === 'done' && (
              <Button type="primary" ghost icon={<SendOutlined />} loading={publish.isPending} onClick={() => publish.mutate(r.id)} data-testid="publish-run">{t('rs.run.publish')}</Button>
            )}
            {!g && <Typography.Text type="secondary">{t('rs.run.needGrid')}</Typography.Text>}
            {g && (counts.accepted ?? 0) === 0 && <Typography.Text type="secondary">{t('rs.run.noAccepted')}</Typography.Text>}
          </Space>
          {r && (
            <div>
              <Space style={{ marginBottom: 8 }}>
                <Tag color={r.status === 'failed' ? 'error' : r.status === 'published' ? 'success' : r.status === 'done' ? 'blue' : 'processing'} data-testid="run-status">{t(`rs.runStatus.${r.status}`)}</Tag>
                {r.finishedAt && <Typography.Text type="secondary">{formatTime(r.finishedAt, event.timeZone, lang)}</Typography.Text>}
              </Space>
              {running && <Progress percent={Math.round(r.progress * 100)} status="active" data-testid="run-progress" />}
              {r.status === 'failed' && <Alert type="error" showIcon title={r.error ?? t('errors.title')} />}
              {r.result && <RunResult run={r} requests={reqs} />}
            </div>
          )}
        </Space>
      </Card>

      <Card
        title={<Space>{t(preview ? 'rs.grid.previewTitle' : 'rs.grid.title')}{preview && <Tag color="blue">{t('rs.grid.preview')}</Tag>}</Space>}
        extra={!preview && published.length > 0 && <Typography.Text type="secondary">{t('rs.grid.lockHint')}</Typography.Text>}
        styles={{ body: { padding: gridMeetings.length ? 12 : undefined } }}
      >
        {!g || gridMeetings.length === 0 ? (
          <EmptyState title={t('rs.grid.empty')} hint={t('rs.grid.emptyHint')} />
        ) : (
          <MeetingGrid
            slots={g.slots}
            participants={people.filter((p) => gridMeetings.some((m) => m.parties.includes(p.id)))}
            meetings={gridMeetings}
            timeLabel={(iso) => formatTime(iso, event.timeZone, lang)}
            onLock={preview ? undefined : (m, locked) => lock.mutate({ id: m.id, locked })}
            onMove={preview ? undefined : (m, slot) => move.mutate({ id: m.id, slot })}
          />
        )}
      </Card>

      {reqs.length > 0 && (
        <Card title={t('rs.requests.title')} styles={{ body: { padding: 0 } }}>
          <Table
            rowKey="id"
            size="small"
            dataSource={reqs}
            pagination={reqs.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 640 }}
            columns={[
              { title: t('rs.requests.from'), dataIndex: 'fromName' },
              { title: t('rs.requests.to'), dataIndex: 'toName' },
              { title: t('rs.requests.priority'), dataIndex: 'priority', render: (p: string) => <Tag color={p === 'must' ? 'red' : 'default'}>{t(`rs.priority.${p}`)}</Tag> },
              { title: t('rs.requests.score'), dataIndex: 'score', render: (s: number | null) => (s == null ? '—' : Math.round(s * 10) / 10) },
              { title: t('rs.requests.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`rs.requestStatus.${s}`)}</Tag> },
            ]}
          />
        </Card>
      )}
      <GridForm event={event} grid={g} open={editing} onClose={() => setEditing(false)} />
    </Space>
  );
}
