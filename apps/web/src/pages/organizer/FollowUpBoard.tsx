import { CheckOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Badge, Button, Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate } from '../../lib/format';

type FollowUp = Schemas['FollowUpView'];
export type Lane = 'open' | 'overdue' | 'done';

/** Which lane a follow-up sits in: overdue when the API says so or its deadline has passed unanswered. */
export function laneOf(f: FollowUp, now: number): Lane {
  if (f.status === 'done') return 'done';
  if (f.status === 'overdue' || new Date(f.dueAt).getTime() < now) return 'overdue';
  return 'open';
}

const LANE_COLORS: Record<Lane, string> = { open: '#1d4ed8', overdue: '#dc2626', done: '#16a34a' };

/** Follow-ups after meetings: organizers see every task of the event; owners close theirs. */
export function FollowUpBoard({ eventId, compact = false }: { eventId?: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['follow-ups'], queryFn: () => call(api.GET('/api/v1/follow-ups')) });
  const participants = useQuery({
    queryKey: ['participants', eventId],
    queryFn: () => call(api.GET('/api/v1/events/{id}/participants', { params: { path: { id: eventId! } } })),
    enabled: !!eventId,
  });
  const done = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/follow-ups/{id}/done', { params: { path: { id } } })),
    onSuccess: () => { message.success(t('rs.followUps.doneOk')); void queryClient.invalidateQueries({ queryKey: ['follow-ups'] }); },
    onError: (err) => message.error(err.message),
  });
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <Card><ErrorState error={list.error} onRetry={() => void list.refetch()} /></Card>;
  const names = new Map((participants.data?.items ?? []).map((p) => [p.organizationId, p.name]));
  const items = list.data.items.filter((f) => !eventId || f.eventId === eventId);
  if (items.length === 0) return compact ? <EmptyState title={t('rs.followUps.empty')} /> : <Card><EmptyState title={t('rs.followUps.empty')} hint={t('rs.followUps.emptyHint')} /></Card>;
  // Lanes as of the API's answer (render stays pure): its `overdue` status is as of then too.
  const now = list.dataUpdatedAt;
  const lanes: Lane[] = ['overdue', 'open', 'done'];
  return (
    <Row gutter={[16, 16]} data-testid="follow-up-board">
      {lanes.map((lane) => {
        const cards = items.filter((f) => laneOf(f, now) === lane);
        if (compact && cards.length === 0) return null;
        return (
          <Col key={lane} xs={24} md={compact ? 24 : 8}>
            <Card
              size="small"
              title={<Space><Badge color={LANE_COLORS[lane]} />{t(`rs.followUps.lane.${lane}`)}<Tag>{cards.length}</Tag></Space>}
              styles={{ body: { background: lane === 'overdue' && cards.length ? '#fef2f2' : '#f8fafc', minHeight: 120 } }}
              data-testid={`lane-${lane}`}
            >
              <Space orientation="vertical" style={{ width: '100%' }}>
                {cards.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
                {cards.map((f) => (
                  <Card
                    key={f.id}
                    size="small"
                    data-testid={`follow-up-${f.id}`}
                    style={{ borderColor: lane === 'overdue' ? '#fca5a5' : undefined, borderLeft: `4px solid ${LANE_COLORS[lane]}` }}
                  >
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Typography.Text strong>{t(`rs.followUps.kind.${f.kind}`)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {f.mine ? t('rs.followUps.you') : names.get(f.ownerOrganizationId) ?? t('rs.followUps.other')} → {names.get(f.counterpartOrganizationId) ?? (f.mine ? t('rs.followUps.other') : t('rs.followUps.you'))}
                      </Typography.Text>
                      <Space size={4} wrap>
                        {lane === 'overdue' && <WarningFilled style={{ color: '#dc2626' }} />}
                        <Typography.Text style={{ color: lane === 'overdue' ? '#dc2626' : undefined }}>
                          {t('rs.followUps.due', { date: formatDate(f.dueOn + 'T12:00:00Z', lang), n: f.workingDays })}
                        </Typography.Text>
                        {f.provisional && <Tooltip title={t('rs.followUps.provisionalHint')}><Tag color="orange">{t('rs.followUps.provisional')}</Tag></Tooltip>}
                      </Space>
                      {f.mine && f.status !== 'done' && (
                        <Button size="small" icon={<CheckOutlined />} loading={done.isPending && done.variables === f.id} onClick={() => done.mutate(f.id)} style={{ alignSelf: 'flex-start', marginTop: 4 }}>
                          {t('rs.followUps.markDone')}
                        </Button>
                      )}
                    </Space>
                  </Card>
                ))}
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
