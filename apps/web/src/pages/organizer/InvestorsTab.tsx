import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { ScoreBar } from '../../components/ScoreBar';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import type { EventView } from './useEvent';

export const RSVP_COLORS: Record<Schemas['EventInvitationView']['status'], string> = { invited: 'processing', accepted: 'success', declined: 'default' };

export function InvestorsTab({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const suggestions = useQuery({ queryKey: ['suggestions', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/investor-suggestions', { params: { path: { id: event.id } } })) });
  const invitations = useQuery({ queryKey: ['invitations', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/invitations', { params: { path: { id: event.id } } })) });
  const invite = useMutation({
    mutationFn: (orgId: string) => call(api.POST('/api/v1/events/{id}/invitations', { params: { path: { id: event.id } }, body: { investorOrganizationId: orgId } })),
    onSuccess: (inv) => {
      message.success(t('rs.investors.invitedOk', { name: inv.investorName }));
      void queryClient.invalidateQueries({ queryKey: ['suggestions', event.id] });
      void queryClient.invalidateQueries({ queryKey: ['invitations', event.id] });
    },
    onError: (err) => message.error(err.message),
  });
  const sItems = suggestions.data?.items ?? [];
  const iItems = invitations.data?.items ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Card title={t('rs.investors.suggestions')} styles={{ body: { padding: sItems.length ? 0 : undefined } }}>
          {suggestions.isPending ? <PageLoading /> : suggestions.isError ? <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} /> : sItems.length === 0 ? (
            <EmptyState title={t('rs.investors.noSuggestions')} hint={t('rs.investors.noSuggestionsHint')} />
          ) : (
            <Table
              rowKey="organizationId"
              dataSource={sItems}
              pagination={false}
              scroll={{ x: 560 }}
              data-testid="investor-suggestions"
              columns={[
                { title: t('rs.investors.name'), dataIndex: 'name', render: (v: string, s) => <div><Typography.Text strong>{v}</Typography.Text><div><Tag>{t(`orgKind.${s.kind}`)}</Tag></div></div> },
                { title: t('rs.investors.matching'), dataIndex: 'matchingProjects', width: 120, render: (n: number) => t('rs.investors.projectsN', { count: n }) },
                { title: t('rs.investors.bestScore'), dataIndex: 'bestScore', width: 160, render: (v: number | null) => <ScoreBar score={v} /> },
                {
                  title: '', key: 'a', width: 120,
                  render: (_: unknown, s) => s.invited
                    ? <Tag icon={<CheckCircleOutlined />} color="success">{t('rs.investors.invited')}</Tag>
                    : <Button size="small" type="primary" icon={<SendOutlined />} loading={invite.isPending && invite.variables === s.organizationId} onClick={() => invite.mutate(s.organizationId)} data-testid="invite">{t('rs.investors.invite')}</Button>,
                },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <Card title={t('rs.investors.invitations')} styles={{ body: { padding: iItems.length ? 0 : undefined } }}>
          {invitations.isPending ? <PageLoading /> : invitations.isError ? <ErrorState error={invitations.error} /> : iItems.length === 0 ? (
            <EmptyState title={t('rs.investors.noInvitations')} />
          ) : (
            <Table
              rowKey="id"
              dataSource={iItems}
              pagination={false}
              scroll={{ x: 480 }}
              columns={[
                { title: t('rs.investors.name'), dataIndex: 'investorName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                { title: t('rs.investors.rsvp'), dataIndex: 'status', width: 100, render: (s: Schemas['EventInvitationView']['status']) => <Tag color={RSVP_COLORS[s]}>{t(`rs.rsvp.${s}`)}</Tag> },
                { title: t('rs.investors.code'), dataIndex: 'checkInCode', width: 110, render: (c?: string) => <Typography.Text code copyable={!!c}>{c ?? '—'}</Typography.Text> },
                { title: t('rs.investors.checkedIn'), dataIndex: 'checkedInAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v, event.timeZone, i18n.language) : '—') },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
