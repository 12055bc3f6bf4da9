import { Button, Card, Col, Row, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useSession } from '../auth/session';
import { PageLoading } from '../components/states';
import { useMandates } from './investor/MandatesPage';
import { useMyStartup } from './founder/useMyStartup';

function FounderHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const startup = useMyStartup();
  const projects = useQuery({ queryKey: ['projects', 'mine'], queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })) });
  if (startup.isPending || projects.isPending) return <PageLoading />;
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
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('home.founderIntro')}</Typography.Paragraph>
      <Steps current={current} items={steps.map((s) => ({ title: s.title }))} style={{ margin: '24px 0' }} onChange={(i) => navigate(steps[i].to)} />
      {current < 4 && <Button type="primary" onClick={() => navigate(steps[current].to)}>{t('home.start')}：{steps[current].title}</Button>}
    </Card>
  );
}

function InvestorHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mandates = useMandates();
  const deals = useQuery({ queryKey: ['deals', 'all'], queryFn: () => call(api.GET('/api/v1/deals', { params: { query: { limit: 100 } } })) });
  if (mandates.isPending || deals.isPending) return <PageLoading />;
  const hasMandate = (mandates.data?.items.length ?? 0) > 0;
  const hasDeal = (deals.data?.items.length ?? 0) > 0;
  const current = !hasMandate ? 0 : hasDeal ? 3 : 1;
  const steps = [
    { title: t('home.stepMandate'), to: '/mandates/new' },
    { title: t('home.stepDealFlow'), to: '/deal-flow' },
    { title: t('home.stepShortlist'), to: '/pipeline' },
  ];
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('home.investorIntro')}</Typography.Paragraph>
      <Steps current={current} items={steps.map((s) => ({ title: s.title }))} style={{ margin: '24px 0' }} onChange={(i) => navigate(steps[i].to)} />
      <Button type="primary" onClick={() => navigate(steps[Math.min(current, 2)].to)}>{t('home.start')}：{steps[Math.min(current, 2)].title}</Button>
    </Card>
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
        {persona === 'founder' ? <FounderHome /> : persona === 'investor' ? <InvestorHome /> : <Card><Typography.Paragraph type="secondary">{t('home.organizerIntro')}</Typography.Paragraph></Card>}
      </Col>
    </Row>
  );
}
