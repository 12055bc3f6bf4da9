import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { DistanceToBand, formatGap } from '../../components/DistanceToBand';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { humanizeList, humanizeText } from '../../lib/inputs';
import { PageHeader } from '../../lib/page';
import { useMyStartup } from './useMyStartup';

type Rubric = Schemas['RubricResultView'];
type Condition = Schemas['ConditionResultView'];

const VERDICT = {
  pass: { color: 'success', icon: <CheckCircleFilled style={{ color: '#16a34a' }} /> },
  fail: { color: 'error', icon: <CloseCircleFilled style={{ color: '#dc2626' }} /> },
  unknown: { color: 'default', icon: <QuestionCircleFilled style={{ color: '#94a3b8' }} /> },
} as const;

function ConditionRow({ c }: { c: Condition }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const met = c.met === true ? 'pass' : c.met === false ? 'fail' : 'unknown';
  return (
    <div style={{ display: 'flex', gap: 10, padding: '8px 0', borderBottom: '1px solid #f5f5f5' }} data-testid={`condition-${c.key}`}>
      <span style={{ paddingTop: 2 }}>{VERDICT[met].icon}</span>
      <div style={{ flex: 1 }}>
        <Space size={8} wrap>
          <Typography.Text strong>{en ? c.labelEn : c.label}</Typography.Text>
          {c.displayValue && <Typography.Text type="secondary">{c.displayValue}</Typography.Text>}
        </Space>
        <div style={{ fontSize: 13, color: '#595959' }}>
          {c.missingInputs.length > 0 && <Tag style={{ marginInlineEnd: 6 }}>{t('report.missing')}</Tag>}
          {humanizeText(en ? c.explanationEn : c.explanation, i18n.language)}
        </div>
        {c.gap && c.met === false && (
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            {formatGap(c.gap.delta, c.gap.unit, t, i18n.language)}
            {c.gap.flipsVerdict ? ` · ${t('report.gapFlip')}` : ''}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}

function RubricCard({ r }: { r: Rubric }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const scored = r.maxPoints != null && r.indicators.length > 0;
  const known = r.indicators.every((i) => i.points != null);
  const minTotal = r.indicators.reduce((s, i) => s + (i.points ?? i.minPoints), 0);
  const maxTotal = r.indicators.reduce((s, i) => s + (i.points ?? i.maxPointsPossible), 0);
  return (
    <Card
      data-testid={`rubric-${r.rubricId}`}
      title={<Space>{VERDICT[r.verdict].icon}<span>{en ? r.rubricNameEn : r.rubricName}</span></Space>}
      extra={<Tag color={VERDICT[r.verdict].color}>{t(`report.verdict.${r.verdict}`)}</Tag>}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph style={{ color: '#475569' }}>{humanizeText(en ? r.explanationEn : r.explanation, i18n.language)}</Typography.Paragraph>
      {r.sizeClass && (
        <Typography.Paragraph>
          {t('report.sizeClass')}：<Tag color="blue">{t(`report.size.${r.sizeClass}`)}</Tag>
        </Typography.Paragraph>
      )}
      {scored && (
        <div style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13 }}>
            <span>{known ? t('report.total', { total: r.totalPoints, max: r.maxPoints, pass: r.passPoints }) : t('report.totalUnknown', { min: minTotal, max: maxTotal })}</span>
          </div>
          <Progress
            percent={((r.totalPoints ?? minTotal) / (r.maxPoints || 100)) * 100}
            success={{ percent: 0 }}
            showInfo={false}
            strokeColor={r.verdict === 'pass' ? '#16a34a' : '#1d4ed8'}
          />
          {r.passPoints != null && r.maxPoints ? (
            <div style={{ position: 'relative', height: 14, fontSize: 11, color: '#8c8c8c' }}>
              <span style={{ position: 'absolute', left: `${(r.passPoints / r.maxPoints) * 100}%`, transform: 'translateX(-50%)' }}>▲ {r.passPoints}</span>
            </div>
          ) : null}
        </div>
      )}
      <Collapse
        size="small"
        ghost
        defaultActiveKey={r.indicators.length ? ['indicators'] : ['conditions']}
        items={[
          ...(r.indicators.length
            ? [{ key: 'indicators', label: `${t('report.indicators')}（${r.indicators.length}）`, children: r.indicators.map((i) => <DistanceToBand key={i.key} indicator={i} />) }]
            : []),
          ...(r.conditions.length
            ? [{ key: 'conditions', label: `${t('report.conditions')}（${r.conditions.length}）`, children: r.conditions.map((c) => <ConditionRow key={c.key} c={c} />) }]
            : []),
          ...(r.directQualification?.routes.length
            ? [{ key: 'direct', label: t('report.directRoutes'), children: r.directQualification.routes.map((c) => <ConditionRow key={c.key} c={c} />) }]
            : []),
        ]}
      />
      {r.missingInputs.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('report.missing')} description={<span style={{ fontSize: 12 }}>{humanizeList(r.missingInputs, i18n.language)}</span>} />
      )}
    </Card>
  );
}

export function QualificationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const startup = useMyStartup();
  const report = useQuery({
    queryKey: ['qualification', startup.data?.id],
    queryFn: () => call(api.GET('/api/v1/startups/{id}/qualification', { params: { path: { id: startup.data!.id } } })),
    enabled: !!startup.data,
  });
  if (startup.isPending) return <PageLoading />;
  if (startup.isError) return <ErrorState error={startup.error} onRetry={() => void startup.refetch()} />;
  if (!startup.data)
    return (
      <Card>
        <EmptyState title={t('report.empty')} hint={t('company.emptyHint')} action={<Button type="primary" onClick={() => navigate('/company')}>{t('company.create')}</Button>} />
      </Card>
    );
  if (report.isPending) return <PageLoading rows={10} />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const counts = { pass: 0, fail: 0, unknown: 0 };
  r.all.forEach((x) => (counts[x.verdict] += 1));
  return (
    <>
      <PageHeader title={t('report.title')} intro={t('report.intro')} />
      {r.all.some((x) => x.missingInputs.some((m) => m.startsWith('fiscalYears'))) && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.figuresTitle')} description={t('report.figuresHint')} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={12} md={6}><Statistic title={t('report.asOf')} value={r.asOf} /></Col>
          <Col xs={12} md={6}><Statistic title={t('report.fiscalYear')} value={r.fiscalYear} groupSeparator="" /></Col>
          <Col xs={8} md={4}><Statistic title={t('report.verdict.pass')} value={counts.pass} valueStyle={{ color: '#16a34a' }} /></Col>
          <Col xs={8} md={4}><Statistic title={t('report.verdict.fail')} value={counts.fail} valueStyle={{ color: '#dc2626' }} /></Col>
          <Col xs={8} md={4}><Statistic title={t('report.verdict.unknown')} value={counts.unknown} valueStyle={{ color: '#64748b' }} /></Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        {r.all.map((rubric) => (
          <Col xs={24} xl={12} key={rubric.rubricId}><RubricCard r={rubric} /></Col>
        ))}
      </Row>
    </>
  );
}
