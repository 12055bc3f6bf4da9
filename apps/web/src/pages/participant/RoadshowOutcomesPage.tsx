import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { APPLICATION_STATUS_COLORS } from '../../components/ApplicantRanking';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../lib/page';

type Application = Schemas['ApplicationView'];

/** Founders: every roadshow they applied to, the decision with its reason, and the 1:1 meetings scheduled there. */
export function RoadshowOutcomesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const applications = useQuery({ queryKey: ['applications', 'mine'], queryFn: () => call(api.GET('/api/v1/applications')) });
  const requests = useQuery({ queryKey: ['meeting-requests', 'mine', 'outcomes'], queryFn: () => call(api.GET('/api/v1/meeting-requests', { params: { query: { limit: 100, status: 'accepted' } } })) });
  const meetingsByEvent = new Map<string, number>();
  for (const r of requests.data?.items ?? []) if (r.meeting) meetingsByEvent.set(r.eventId, (meetingsByEvent.get(r.eventId) ?? 0) + 1);
  const items = (applications.data?.items ?? []).slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeader title={t('pt.outcomes.title')} intro={t('pt.outcomes.intro')} />
      <Card styles={{ body: { padding: items.length ? 0 : undefined } }}>
        {applications.isPending ? <PageLoading /> : applications.isError ? <ErrorState error={applications.error} onRetry={() => void applications.refetch()} /> : items.length === 0 ? (
          <EmptyState title={t('pt.outcomes.empty')} hint={t('pt.outcomes.emptyHint')} action={<Button type="primary" onClick={() => navigate('/events')}>{t('pt.outcomes.goEvents')}</Button>} />
        ) : (
          <Table<Application>
            rowKey="id"
            pagination={false}
            dataSource={items}
            scroll={{ x: 760 }}
            data-testid="roadshow-outcomes"
            columns={[
              { title: t('pt.outcomes.event'), key: 'event', render: (_, a) => <Link to={`/events/${a.eventId}`}>{a.eventTitle}</Link> },
              { title: t('pt.outcomes.project'), dataIndex: 'projectTitle', render: (v: string | null) => v ?? '—' },
              { title: t('pt.outcomes.status'), dataIndex: 'status', width: 110, render: (s: Application['status']) => <Tag color={APPLICATION_STATUS_COLORS[s]}>{t(`rs.applicationStatus.${s}`)}</Tag> },
              { title: t('pt.outcomes.reason'), dataIndex: 'decisionReason', render: (v: string | null) => (v ? <Typography.Text>{v}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>) },
              { title: t('pt.outcomes.appliedAt'), dataIndex: 'createdAt', width: 120, render: (v: string) => formatDate(v, lang) },
              {
                title: t('pt.outcomes.meetings'), key: 'm', width: 120,
                render: (_, a) => {
                  const n = meetingsByEvent.get(a.eventId) ?? 0;
                  return n ? <Link to="/meeting-requests"><Tag color="blue">{t('pt.outcomes.meetingsCount', { count: n })}</Tag></Link> : <Typography.Text type="secondary">—</Typography.Text>;
                },
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
