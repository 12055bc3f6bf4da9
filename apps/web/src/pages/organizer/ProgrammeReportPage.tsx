import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { Chart } from '../../components/Chart';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate, formatWan } from '../../lib/format';
import { saveBlob } from '../../lib/download';
import { PageHeader } from '../../lib/page';
import { useTracks } from '../../lib/reference';
import { DEFAULT_TZ, formatDateTime } from '../../lib/time';

type Report = Schemas['ProgrammeReportView'];
type EventRow = Schemas['ProgrammeEventRowView'];
const BLUE = ['#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa', '#93c5fd', '#bfdbfe', '#16a34a', '#15803d', '#f59e0b'];
const DAY = 'YYYY-MM-DD';

function presets(t: (k: string) => string): { label: string; value: [Dayjs, Dayjs] }[] {
  const now = dayjs();
  const quarterStart = now.month(Math.floor(now.month() / 3) * 3).startOf('month');
  return [
    { label: t('programme.preset.quarter'), value: [quarterStart, quarterStart.add(2, 'month').endOf('month')] },
    { label: t('programme.preset.year'), value: [now.startOf('year'), now.endOf('year')] },
    { label: t('programme.preset.last12'), value: [now.subtract(12, 'month').add(1, 'day'), now] },
  ];
}

/** The organizer's programme in a period: every published roadshow, summed and per event. */
export function ProgrammeReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tracks = useTracks();
  const { message } = AntApp.useApp();
  // The period lives in the URL (`?from=2026-01-01&to=2026-12-31`) so a report can be linked; this year by default.
  const [params, setParams] = useSearchParams();
  const day = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(k) ?? '') ? dayjs(params.get(k)) : null);
  const [fromParam, toParam] = [day('from'), day('to')];
  const range: [Dayjs, Dayjs] = fromParam?.isValid() && toParam?.isValid() ? [fromParam, toParam] : [dayjs().startOf('year'), dayjs().endOf('year')];
  const setRange = ([a, b]: [Dayjs, Dayjs]) => setParams({ from: a.format(DAY), to: b.format(DAY) }, { replace: true });
  const from = range[0].format(DAY);
  const to = range[1].format(DAY);
  const report = useQuery({
    queryKey: ['programme-report', from, to],
    queryFn: () => call(api.GET('/api/v1/reports/programme', { params: { query: { from, to } } })),
  });
  const exportXlsx = useMutation({
    mutationFn: () => saveBlob(api.GET('/api/v1/reports/programme.xlsx', { params: { query: { from, to } }, parseAs: 'blob' }), `programme-${from}-${to}.xlsx`),
    onError: (err) => message.error(err.message),
  });

  return (
    <>
      <PageHeader
        title={t('programme.title')}
        intro={t('programme.intro')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => exportXlsx.mutate()} loading={exportXlsx.isPending} disabled={!report.data} data-testid="programme-export">
            {t('programme.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Space wrap size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{t('programme.period')}</Typography.Text>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              presets={presets(t)}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="programme-range"
            />
          </Space>
          {report.data && (
            <Typography.Text type="secondary">{t('programme.generatedAt', { time: formatDateTime(report.data.generatedAt, DEFAULT_TZ, lang) })}</Typography.Text>
          )}
        </Space>
      </Card>
      {report.isPending ? (
        <Card><PageLoading /></Card>
      ) : report.isError ? (
        <Card><ErrorState error={report.error} onRetry={() => void report.refetch()} /></Card>
      ) : (
        <ProgrammeBody r={report.data} trackLabel={(c) => (c === 'open' ? t('programme.openTrack') : tracks.label(c))} />
      )}
    </>
  );
}

function ProgrammeBody({ r, trackLabel }: { r: Report; trackLabel: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (r.events === 0) {
    return <Card data-testid="programme-report"><EmptyState title={t('programme.noEvents')} hint={t('programme.noEventsHint')} /></Card>;
  }
  const funnel = r.funnel.filter((f) => f.key !== 'passed').map((f) => ({ name: t(`rs.report.funnel.${f.key}`, { defaultValue: f.key }), value: f.count }));
  const byTrack = r.projectsByTrack.filter((x) => x.count > 0).sort((a, b) => b.count - a.count);
  const deals = r.deals.byInstrument.filter((d) => d.amount > 0 || d.count > 0);
  const rate = r.followUps.onTimeRate;
  const events = [...r.perEvent].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const max = events.length > 3 ? 12 : 24;
  const short = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="programme-report">
      <Card>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8} xl={4}><Statistic title={t('programme.events')} value={r.events} /></Col>
          <Col xs={12} md={8} xl={4}><Statistic title={t('programme.sessionsHeld')} value={r.sessionsHeld} /></Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('programme.organizations')} value={r.organizationsCovered} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('programme.organizationsSplit', { f: r.founderOrganizations, i: r.investorOrganizations })}</Typography.Text>
          </Col>
          <Col xs={12} md={8} xl={4}><Statistic title={t('programme.signed')} value={r.deals.signed} suffix={r.deals.disbursed ? ` · ${t('programme.disbursed')} ${r.deals.disbursed}` : undefined} /></Col>
          <Col xs={12} md={8} xl={4}><Statistic title={t('programme.signedAmount')} value={formatWan(r.deals.signedAmount, lang)} /></Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('programme.onTimeRate')} value={rate == null ? '—' : `${Math.round(rate * 100)}%`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('programme.late')} <span style={{ color: r.followUps.late ? '#dc2626' : undefined }}>{r.followUps.late}</span> · {t('programme.open')} {r.followUps.open}
            </Typography.Text>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('programme.funnelTitle')}>
            <Chart
              testId="chart-programme-funnel"
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
                yAxis: { type: 'category', inverse: true, data: funnel.map((f) => f.name), axisTick: { show: false } },
                series: [{
                  type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
                  data: funnel.map((f, i) => ({ value: f.value, itemStyle: { color: BLUE[Math.min(i, BLUE.length - 1)], borderRadius: [0, 4, 4, 0] } })),
                }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('programme.tracksTitle')}>
            {byTrack.length === 0 ? (
              <EmptyState title={t('common.none')} />
            ) : (
              <Chart
                testId="chart-programme-tracks"
                height={Math.min(280, Math.max(140, 44 * byTrack.length + 48))}
                option={{
                  color: ['#2563eb'],
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
                  yAxis: { type: 'category', inverse: true, data: byTrack.map((x) => trackLabel(x.key)), axisTick: { show: false } },
                  series: [{ type: 'bar', barMaxWidth: 20, label: { show: true, position: 'right' }, data: byTrack.map((x) => x.count), itemStyle: { borderRadius: [0, 4, 4, 0] } }],
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('programme.perEventChart')}>
            <Chart
              testId="chart-programme-events"
              option={{
                color: ['#93c5fd', '#2563eb', '#16a34a'],
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
                xAxis: { type: 'category', data: events.map((e) => short(e.title)), axisLabel: { interval: 0, rotate: events.length > 4 ? 30 : 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('programme.col.accepted'), type: 'bar', barMaxWidth: 24, data: events.map((e) => e.accepted) },
                  { name: t('programme.col.meetingsHeld'), type: 'bar', barMaxWidth: 24, data: events.map((e) => e.meetingsHeld) },
                  { name: t('programme.col.signed'), type: 'bar', barMaxWidth: 24, data: events.map((e) => e.signed) },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('programme.dealsTitle')}>
            {deals.length === 0 ? (
              <EmptyState title={t('programme.noDeals')} />
            ) : (
              <Chart
                testId="chart-programme-deals"
                option={{
                  color: BLUE,
                  tooltip: { trigger: 'item', valueFormatter: (v) => formatWan(Number(v), lang) },
                  legend: { bottom: 0 },
                  series: [{
                    type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
                    label: { formatter: (p) => `${p.name}\n${formatWan(Number(p.value), lang)}` },
                    data: deals.map((d) => ({ name: t(`instrument.${d.instrument}`), value: d.amount })),
                  }],
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('programme.perEventTitle')} styles={{ body: { padding: 0 } }}>
        <Table<EventRow>
          data-testid="programme-events"
          rowKey="id"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={events}
          columns={[
            { title: t('programme.col.title'), dataIndex: 'title', fixed: 'left', width: 220, render: (v: string, e) => <Link to={`/events/${e.id}`}>{v}</Link> },
            { title: t('programme.col.startsAt'), dataIndex: 'startsAt', width: 120, render: (v: string) => formatDate(v, lang) },
            { title: t('programme.col.applications'), dataIndex: 'applications', align: 'right' },
            { title: t('programme.col.accepted'), dataIndex: 'accepted', align: 'right' },
            { title: t('programme.col.pitched'), dataIndex: 'pitched', align: 'right' },
            { title: t('programme.col.meetingsHeld'), dataIndex: 'meetingsHeld', align: 'right' },
            { title: t('programme.col.signed'), dataIndex: 'signed', align: 'right' },
            { title: t('programme.col.signedAmount'), dataIndex: 'signedAmount', align: 'right', width: 140, render: (v: number) => formatWan(v, lang) },
          ]}
        />
      </Card>
    </Space>
  );
}
