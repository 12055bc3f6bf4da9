import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { saveBlob } from '../../lib/download';
import { Chart } from '../../components/Chart';
import { ErrorState, PageLoading } from '../../components/states';
import { formatWan } from '../../lib/format';
import { useTracks } from '../../lib/reference';
import { formatDateTime } from '../../lib/time';
import type { EventView } from './useEvent';

type Report = Schemas['EventReportView'];
const BLUE = ['#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa', '#93c5fd', '#bfdbfe', '#16a34a', '#15803d', '#f59e0b'];

/** Downloads the workbook through the authenticated client. */
function downloadXlsx(event: EventView): Promise<void> {
  return saveBlob(api.GET('/api/v1/events/{id}/report.xlsx', { params: { path: { id: event.id } }, parseAs: 'blob' }), `${event.title}.xlsx`);
}

export function ReportTab({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tracks = useTracks();
  const { message } = AntApp.useApp();
  const report = useQuery({ queryKey: ['report', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/report', { params: { path: { id: event.id } } })) });
  const exportXlsx = useMutation({ mutationFn: () => downloadXlsx(event), onError: (err) => message.error(err.message) });
  if (report.isPending) return <Card><PageLoading /></Card>;
  if (report.isError) return <Card><ErrorState error={report.error} onRetry={() => void report.refetch()} /></Card>;
  const r: Report = report.data;
  const funnelData = r.funnel.filter((f) => f.key !== 'passed').map((f) => ({ name: t(`rs.report.funnel.${f.key}`, { defaultValue: f.key }), value: f.count }));
  const m = r.meetings;
  const deals = r.deals.byInstrument.filter((d) => d.count > 0);
  const rate = r.followUps.onTimeRate;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="event-report">
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
          <Typography.Text type="secondary">{t('rs.report.generatedAt', { time: formatDateTime(r.generatedAt, event.timeZone, lang) })}</Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={() => exportXlsx.mutate()} loading={exportXlsx.isPending} data-testid="export-xlsx">{t('rs.report.export')}</Button>
        </div>
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          <Col xs={12} md={4}><Statistic title={t('rs.report.applications')} value={r.applications.total} /></Col>
          <Col xs={12} md={4}><Statistic title={t('rs.report.accepted')} value={r.applications.accepted} /></Col>
          <Col xs={12} md={4}><Statistic title={t('rs.report.sessions')} value={r.sessions.length} /></Col>
          <Col xs={12} md={4}><Statistic title={t('rs.report.investors')} value={r.investors.invited} suffix={t('rs.report.attending', { n: r.investors.attending })} /></Col>
          <Col xs={12} md={4}><Statistic title={t('rs.report.meetings')} value={m.scheduled} suffix={t('rs.report.held', { n: m.held })} /></Col>
          <Col xs={12} md={4}><Statistic title={t('rs.report.signed')} value={r.deals.signed} suffix={r.deals.signedAmount ? ` · ${formatWan(r.deals.signedAmount, lang)}` : undefined} /></Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('rs.report.funnelTitle')}>
            <Chart
              testId="chart-funnel"
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
                yAxis: { type: 'category', inverse: true, data: funnelData.map((f) => f.name), axisTick: { show: false } },
                series: [{
                  type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
                  data: funnelData.map((f, i) => ({ value: f.value, itemStyle: { color: BLUE[Math.min(i, BLUE.length - 1)], borderRadius: [0, 4, 4, 0] } })),
                }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('rs.report.meetingsTitle')}>
            <Chart
              testId="chart-meetings"
              option={{
                color: ['#1d4ed8'],
                tooltip: { trigger: 'axis' },
                grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: (['requested', 'accepted', 'scheduled', 'held', 'noShow', 'cancelled'] as const).map((k) => t(`rs.report.meeting.${k}`)), axisLabel: { interval: 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', barMaxWidth: 36, data: [m.requested, m.accepted, m.scheduled, m.held, m.noShow, m.cancelled], label: { show: true, position: 'top' } }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('rs.report.followUpsTitle')}>
            <Row gutter={16}>
              <Col span={8}><Statistic title={t('rs.report.onTimeRate')} value={rate == null ? '—' : `${Math.round(rate * 100)}%`} /></Col>
              <Col span={8}><Statistic title={t('rs.report.late')} value={r.followUps.late} valueStyle={{ color: r.followUps.late ? '#dc2626' : undefined }} /></Col>
              <Col span={8}><Statistic title={t('rs.report.open')} value={r.followUps.open} /></Col>
            </Row>
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="kind"
              pagination={false}
              dataSource={r.followUps.byKind}
              columns={[
                { title: t('rs.report.kind'), dataIndex: 'kind', render: (k: string) => t(`rs.followUps.kind.${k}`) },
                { title: t('rs.report.total'), dataIndex: 'total' },
                { title: t('rs.report.onTime'), dataIndex: 'onTime' },
                { title: t('rs.report.late'), dataIndex: 'late' },
                { title: t('rs.report.open'), dataIndex: 'open' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('rs.report.dealsTitle')}>
            {deals.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rs.report.noDeals')} />
            ) : (
              <Chart
                testId="chart-deals"
                option={{
                  color: BLUE,
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [{ type: 'pie', radius: ['40%', '68%'], data: deals.map((d) => ({ name: t(`instrument.${d.instrument}`), value: d.count })) }],
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('rs.report.sessionsTitle')} styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={r.sessions}
          columns={[
            { title: t('rs.session.name'), dataIndex: 'title' },
            { title: t('rs.session.track'), dataIndex: 'track', render: (v: string | null) => (v ? tracks.label(v) : '—') },
            { title: t('rs.report.onAgenda'), dataIndex: 'onAgenda' },
            { title: t('rs.report.pitched'), dataIndex: 'pitched' },
          ]}
        />
      </Card>
    </Space>
  );
}
