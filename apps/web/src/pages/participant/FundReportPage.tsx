import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { Chart } from '../../components/Chart';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatWan } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { DEFAULT_TZ, formatDateTime } from '../../lib/time';
import { saveBlob } from '../../lib/download';

type Report = Schemas['FundReportView'];
const BLUE = ['#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa', '#93c5fd', '#16a34a', '#15803d', '#f59e0b', '#94a3b8'];

function Share({ value }: { value: number | null }) {
  if (value == null) return <Typography.Text type="secondary">—</Typography.Text>;
  const pct = Math.round(value * 100);
  return <Progress percent={pct} size="small" strokeColor={pct >= 80 ? '#16a34a' : pct >= 50 ? '#f59e0b' : '#dc2626'} style={{ width: 120, margin: 0 }} />;
}

/** Investors: the fund report (pipeline, funnel, pass reasons, signed, stated vs actual per mandate) and the pipeline workbook. */
export function FundReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const report = useQuery({ queryKey: ['reports', 'fund'], queryFn: () => call(api.GET('/api/v1/reports/fund')) });
  const exportXlsx = useMutation({
    mutationFn: () => saveBlob(api.GET('/api/v1/reports/deal-flow.xlsx', { parseAs: 'blob' }), lang === 'en' ? 'deal-flow.xlsx' : '项目管线.xlsx'),
    onSuccess: () => message.success(t('pt.fund.exported')),
    onError: (err) => message.error(err.message),
  });
  const header = (
    <PageHeader
      title={t('pt.fund.title')}
      intro={t('pt.fund.intro')}
      extra={<Button icon={<DownloadOutlined />} onClick={() => exportXlsx.mutate()} loading={exportXlsx.isPending} disabled={!report.data?.deals} data-testid="export-deal-flow">{t('pt.fund.export')}</Button>}
    />
  );
  if (report.isPending) return <>{header}<Card><PageLoading /></Card></>;
  if (report.isError) return <>{header}<Card><ErrorState error={report.error} onRetry={() => void report.refetch()} /></Card></>;
  const r: Report = report.data;
  if (r.deals === 0)
    return (
      <>
        {header}
        <Card><EmptyState title={t('pt.fund.empty')} hint={t('pt.fund.emptyHint')} action={<Button type="primary" onClick={() => navigate('/deal-flow')}>{t('pt.fund.goDealFlow')}</Button>} /></Card>
      </>
    );
  const stage = (k: string) => t(`dealStage.${k}`, { defaultValue: k });
  const pipeline = r.pipeline.filter((p) => p.count > 0);
  const passes = r.passReasons.filter((p) => p.count > 0).sort((a, b) => b.count - a.count);
  const instruments = r.signed.byInstrument.filter((d) => d.count > 0);
  return (
    <>
      {header}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="fund-report">
        <Card>
          <Typography.Text type="secondary">{t('pt.fund.generatedAt', { time: formatDateTime(r.generatedAt, DEFAULT_TZ, lang) })}</Typography.Text>
          <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
            <Col xs={12} md={6}><Statistic title={t('pt.fund.deals')} value={r.deals} /></Col>
            <Col xs={12} md={6}><Statistic title={t('pt.fund.signed')} value={r.signed.signed} /></Col>
            <Col xs={12} md={6}><Statistic title={t('pt.fund.signedAmount')} value={formatWan(r.signed.signedAmount, lang)} /></Col>
            <Col xs={12} md={6}><Statistic title={t('pt.fund.disbursedAmount')} value={formatWan(r.signed.disbursedAmount, lang)} /></Col>
          </Row>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('pt.fund.funnel')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.fund.funnelHint')}</Typography.Text>}>
              <Chart
                testId="chart-fund-funnel"
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
                  yAxis: { type: 'category', inverse: true, data: r.funnel.map((f) => stage(f.key)), axisTick: { show: false } },
                  series: [{
                    type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
                    data: r.funnel.map((f, i) => ({ value: f.count, itemStyle: { color: BLUE[Math.min(i, BLUE.length - 1)], borderRadius: [0, 4, 4, 0] } })),
                  }],
                }}
              />
              <Space wrap size={[16, 4]} style={{ marginTop: 8 }}>
                {r.conversion.map((c) => (
                  <Typography.Text key={c.key} type="secondary" style={{ fontSize: 12 }}>
                    {stage(c.key)} {c.rate == null ? '—' : `${Math.round(c.rate * 100)}%`}
                  </Typography.Text>
                ))}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('pt.fund.pipeline')}>
              <Chart
                testId="chart-fund-pipeline"
                option={{
                  color: BLUE,
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0, type: 'scroll' },
                  series: [{ type: 'pie', radius: ['40%', '66%'], center: ['50%', '44%'], label: { formatter: '{b}: {c}' }, data: pipeline.map((p) => ({ name: stage(p.key), value: p.count })) }],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('pt.fund.passReasons')}>
              {passes.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pt.fund.noPassReasons')} /> : (
                <Chart
                  testId="chart-fund-passes"
                  option={{
                    color: ['#f59e0b'],
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', inverse: true, data: passes.map((p) => t(`passReason.${p.key}`, { defaultValue: p.key })), axisTick: { show: false } },
                    series: [{ type: 'bar', barMaxWidth: 20, label: { show: true, position: 'right' }, data: passes.map((p) => p.count) }],
                  }}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('pt.fund.byInstrument')}>
              {instruments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rs.report.noDeals')} /> : (
                <Table
                  size="small"
                  rowKey="instrument"
                  pagination={false}
                  dataSource={instruments}
                  columns={[
                    { title: t('pt.fund.byInstrument'), dataIndex: 'instrument', render: (k: string) => t(`instrument.${k}`) },
                    { title: t('pt.fund.signed'), dataIndex: 'count' },
                    { title: t('pt.fund.signedAmount'), dataIndex: 'amount', render: (v: number) => formatWan(v, lang) },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
        <Card title={t('pt.fund.mandates')} styles={{ body: { padding: r.mandates.length ? 0 : undefined } }}>
          {r.mandates.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pt.fund.noMandates')} /> : (
            <Table
              rowKey="mandateId"
              pagination={false}
              dataSource={r.mandates}
              scroll={{ x: 760 }}
              data-testid="mandate-fit"
              columns={[
                { title: t('pt.fund.mandate'), dataIndex: 'mandateName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                { title: t('pt.fund.mandateDeals'), dataIndex: 'deals', width: 90 },
                { title: t('pt.fund.engaged'), dataIndex: 'engaged', width: 120 },
                { title: t('pt.fund.stageInside'), dataIndex: 'stageInsideShare', render: (v: number | null) => <Share value={v} /> },
                { title: t('pt.fund.trackInside'), dataIndex: 'trackInsideShare', render: (v: number | null) => <Share value={v} /> },
                { title: t('pt.fund.ticketInside'), dataIndex: 'ticketInsideShare', render: (v: number | null) => <Share value={v} /> },
              ]}
            />
          )}
        </Card>
      </Space>
    </>
  );
}
