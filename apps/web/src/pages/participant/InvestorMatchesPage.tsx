import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { PageHeader } from '../../lib/page';
import { failingReason, InvestorMatchCard } from './InvestorMatchCard';

type Show = 'all' | 'eligible' | 'excluded';

/** Founders: for each project, the investors that match it and the near misses with the criterion that failed. */
export function InvestorMatchesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [show, setShow] = useState<Show>('all');
  const projects = useQuery({ queryKey: ['projects', 'mine'], queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })) });
  const all = projects.data?.items ?? [];
  const projectId = params.get('project') ?? all.find((p) => p.status === 'published')?.id ?? all[0]?.id;
  const project = all.find((p) => p.id === projectId);
  const matches = useQuery({
    queryKey: ['investor-matches', projectId],
    enabled: !!projectId,
    queryFn: () => call(api.GET('/api/v1/projects/{id}/investor-matches', { params: { path: { id: projectId! }, query: { show: 'all' } } })),
  });
  const header = <PageHeader title={t('pt.matches.title')} intro={t('pt.matches.intro')} />;
  if (projects.isPending) return <>{header}<Card><PageLoading /></Card></>;
  if (projects.isError) return <>{header}<Card><ErrorState error={projects.error} onRetry={() => void projects.refetch()} /></Card></>;
  if (all.length === 0)
    return <>{header}<Card><EmptyState title={t('pt.matches.noProject')} hint={t('pt.matches.noProjectHint')} action={<Button type="primary" onClick={() => navigate('/projects')}>{t('pt.matches.goProjects')}</Button>} /></Card></>;
  const items = matches.data?.items ?? [];
  const eligible = items.filter((m) => m.eligible).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  // Near misses first: the fewest hard exclusions, then the fewest reasons.
  const hard = (m: (typeof items)[number]) => m.reasons.filter((r) => r.mode === 'hard').length;
  const excluded = items.filter((m) => !m.eligible).sort((a, b) => hard(a) - hard(b) || a.reasons.length - b.reasons.length || (failingReason(a)?.code ?? '').localeCompare(failingReason(b)?.code ?? ''));
  const shown = show === 'eligible' ? eligible : show === 'excluded' ? excluded : [...eligible, ...excluded];
  return (
    <>
      {header}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={12}>
            <Select
              style={{ width: '100%' }}
              value={projectId}
              onChange={(id) => setParams({ project: id })}
              options={all.map((p) => ({ value: p.id, label: `${p.title}${p.status === 'published' ? '' : ` · ${t(`projectStatus.${p.status}`)}`}` }))}
              data-testid="match-project"
              aria-label={t('pt.matches.pick')}
            />
          </Col>
          <Col xs={12} md={6}><Statistic title={t('pt.matches.eligible')} value={matches.data?.eligibleCount ?? '—'} valueStyle={{ color: '#16a34a' }} /></Col>
          <Col xs={12} md={6}><Statistic title={t('pt.matches.excluded')} value={matches.data?.excludedCount ?? '—'} valueStyle={{ color: '#d97706' }} /></Col>
        </Row>
        <Segmented<Show>
          style={{ marginTop: 16 }}
          value={show}
          onChange={setShow}
          options={[{ value: 'all', label: t('pt.matches.all') }, { value: 'eligible', label: t('pt.matches.eligible') }, { value: 'excluded', label: t('pt.matches.excluded') }]}
        />
        {project && project.status !== 'published' && <Alert type="info" showIcon title={t('pt.matches.draft')} style={{ marginTop: 12 }} />}
      </Card>
      {matches.isPending ? <Card><PageLoading /></Card> : matches.isError ? <Card><ErrorState error={matches.error} onRetry={() => void matches.refetch()} /></Card> : shown.length === 0 ? (
        <Card><EmptyState title={t('pt.matches.empty')} hint={t('pt.matches.emptyHint')} /></Card>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="investor-matches">
          {shown.map((m) => <InvestorMatchCard key={m.mandateId} match={m} />)}
        </Space>
      )}
    </>
  );
}
