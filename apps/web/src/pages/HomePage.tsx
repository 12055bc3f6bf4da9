import { Button, Card, Col, Row, Space, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useSession } from '../auth/session';
import { ErrorState, PageLoading } from '../components/states';
import { FounderWorkbench, InvestorWorkbench, OrganizerWorkbench } from './home/Workbench';
import { useMandates } from './investor/MandatesPage';
import { useMyStartup } from './founder/useMyStartup';

function FounderHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const startup = useMyStartup();
  const projects = useQuery({ queryKey: ['projects', 'mine'], queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })) });
  if (startup.isPending || projects.isPending) return <Card><PageLoading /></Card>;
  const failed = [startup, projects].find((q) => q.isError);
  if (failed) return <Card><ErrorState error={failed.error} onRetry={() => void failed.refetch()} /></Card>;
  const hasCompany = !!startup.data;
  const list = projects.data?.items ?? [];
  const published = list.some((p) => p.status === 'published');
  const current = !hasCompany ? 0 : list.length === 0 ? 1 : published ? 4 : 2;
  const steps = [
    { title: t('home.stepCompany'), to: '/company' },
    { title: t('home.stepProject'), to: list[0] ? `/projects/${list[0].id}` : '/projects/new' },
    { title: t('home.stepReport'), to: '/qualification' },
    { title: t('home.stepPublish'), to: list[0] ? `/projects/${list[0].id}` : '/projects' },
  ];
  // The onboarding stays on top until the first project is published; the workbench follows.
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {current < 4 && (
        <Card>
          <Typography.Paragraph type="secondary">{t('home.founderIntro')}</Typography.Paragraph>
          <Steps current={current} items={steps.map((s) => ({ title: s.title }))} style={{ margin: '24px 0' }} onChange={(i) => navigate(steps[i].to)} />
          <Button type="primary" onClick={() => navigate(steps[current].to)}>{t('home.start')}：{steps[current].title}</Button>
        </Card>
      )}
      {hasCompany && <FounderWorkbench projects={projects} />}
    </Space>
  );
}

function InvestorHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mandates = useMandates();
  const deals = useQuery({ queryKey: ['deals', 'all'], queryFn: () => call(api.GET('/api/v1/deals', { params: { query: { limit: 100 } } })) });
  if (mandates.isPending || deals.isPending) return <Card><PageLoading /></Card>;
  const failed = [mandates, deals].find((q) => q.isError);
  if (failed) return <Card><ErrorState error={failed.error} onRetry={() => void failed.refetch()} /></Card>;
  const hasMandate = (mandates.data?.items.length ?? 0) > 0;
  const hasDeal = (deals.data?.items.length ?? 0) > 0;
  const current = !hasMandate ? 0 : hasDeal ? 3 : 1;
  const steps = [
    { title: t('home.stepMandate'), to: '/mandates/new' },
    { title: t('home.stepDealFlow'), to: '/deal-flow' },
    { title: t('home.stepShortlist'), to: '/pipeline' },
  ];
  // The onboarding stays on top until the first deal is in the pipeline; the workbench follows once a mandate exists.
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {current < 3 && (
        <Card>
          <Typography.Paragraph type="secondary">{t('home.investorIntro')}</Typography.Paragraph>
          <Steps current={current} items={steps.map((s) => ({ title: s.title }))} style={{ margin: '24px 0' }} onChange={(i) => navigate(steps[i].to)} />
          <Button type="primary" onClick={() => navigate(steps[current].to)}>{t('home.start')}：{steps[current].title}</Button>
        </Card>
      )}
      {hasMandate && <InvestorWorkbench mandates={mandates} deals={deals} />}
    </Space>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { me, persona } = useSession();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>{t('home.hello', { name: me?.displayName ?? '' })}</Typography.Title>
        <Typography.Text type="secondary">{me?.actingOrganization.name}</Typography.Text>
      </Col>
      <Col span={24}>
        {persona === 'founder' ? <FounderHome /> : persona === 'investor' ? <InvestorHome /> : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('home.organizerIntro')}</Typography.Paragraph>
            <OrganizerWorkbench />
          </Space>
        )}
      </Col>
    </Row>
  );
}
