import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, List, Popconfirm, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatRange } from '../../lib/time';
import type { EventView, SessionView } from './useEvent';

interface Item { applicationId: string; projectTitle: string | null; startupName: string | null }

/** Pitch n starts at session start + n × (pitch + Q&A): the same rule the API applies. */
export function pitchTimes(session: Pick<SessionView, 'startsAt' | 'pitchMinutes' | 'qaMinutes'>, n: number): { startsAt: string; endsAt: string } {
  const start = new Date(session.startsAt).getTime() + n * (session.pitchMinutes + session.qaMinutes) * 60_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + session.pitchMinutes * 60_000).toISOString() };
}

function SessionAgenda({ event, session }: { event: EventView; session: SessionView }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const agenda = useQuery({ queryKey: ['agenda', session.id], queryFn: () => call(api.GET('/api/v1/sessions/{id}/agenda', { params: { path: { id: session.id } } })) });
  const applicants = useQuery({ queryKey: ['applicants', event.id, 'all'], queryFn: () => call(api.GET('/api/v1/events/{id}/applications', { params: { path: { id: event.id }, query: {} } })) });
  // The order shown is the saved agenda until the organizer edits it; then their draft, until it is saved.
  // (Derived, not copied into state by an effect: a refetch of the saved agenda never drops a draft.)
  const [draft, setDraft] = useState<Item[] | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (ids: string[]) => call(api.PUT('/api/v1/sessions/{id}/agenda', { params: { path: { id: session.id } }, body: { applicationIds: ids } })),
    onSuccess: (a) => {
      queryClient.setQueryData(['agenda', session.id], a);
      setDraft(null);
      message.success(t('rs.agenda.savedOk'));
    },
    onError: (err) => message.error(err.message),
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/api/v1/sessions/{id}/agenda/publish', { params: { path: { id: session.id } } })),
    onSuccess: (a) => {
      queryClient.setQueryData(['agenda', session.id], a);
      message.success(t('rs.agenda.publishedOk'));
      void queryClient.invalidateQueries({ queryKey: ['event', event.id] });
    },
    onError: (err) => message.error(err.message),
  });
  if (agenda.isPending || applicants.isPending) return <PageLoading />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const saved: Item[] = agenda.data.slots.map((s) => ({ applicationId: s.applicationId, projectTitle: s.projectTitle, startupName: s.startupName }));
  const order = draft ?? saved;
  const frozen = !!agenda.data.publishedAt;
  const inOrder = new Set(order.map((o) => o.applicationId));
  const candidates = (applicants.data?.items ?? []).filter((a) => a.status === 'accepted' && (a.sessionId === null || a.sessionId === session.id) && !inOrder.has(a.id));
  const dirty = JSON.stringify(order.map((o) => o.applicationId)) !== JSON.stringify(saved.map((s) => s.applicationId));
  const moveItem = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [it] = next.splice(from, 1);
    next.splice(to, 0, it);
    setDraft(next);
  };
  const full = order.length >= session.maxPitches;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card
          title={<Space>{t('rs.agenda.order')}<Typography.Text type="secondary">{t('rs.agenda.ofMax', { n: order.length, max: session.maxPitches })}</Typography.Text></Space>}
          extra={
            frozen ? <Tag color="green">{t('rs.agenda.published')}</Tag> : (
              <Space>
                <Button onClick={() => save.mutate(order.map((o) => o.applicationId))} disabled={!dirty} loading={save.isPending} data-testid="agenda-save">{t('common.save')}</Button>
                <Popconfirm title={t('rs.agenda.publishConfirm')} onConfirm={() => publish.mutate()} disabled={dirty || order.length === 0}>
                  <Button type="primary" disabled={dirty || order.length === 0} loading={publish.isPending} data-testid="agenda-publish">{t('rs.agenda.publish')}</Button>
                </Popconfirm>
              </Space>
            )
          }
        >
          {frozen && <Alert type="success" showIcon title={t('rs.agenda.frozenHint')} style={{ marginBottom: 12 }} />}
          {order.length === 0 ? (
            <EmptyState title={t('rs.agenda.empty')} hint={t('rs.agenda.emptyHint')} />
          ) : (
            <List
              dataSource={order}
              data-testid="agenda-list"
              renderItem={(it, i) => {
                const time = pitchTimes(session, i);
                return (
                  <List.Item
                    draggable={!frozen}
                    onDragStart={() => setDragging(i)}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={() => { if (dragging != null) moveItem(dragging, i); setDragging(null); }}
                    style={{ background: dragging === i ? '#eff6ff' : undefined, cursor: frozen ? 'default' : 'grab', paddingInline: 8 }}
                    actions={frozen ? [] : [
                      <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => moveItem(i, i - 1)} aria-label={t('rs.agenda.up')} />,
                      <Button key="down" size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === order.length - 1} onClick={() => moveItem(i, i + 1)} aria-label={t('rs.agenda.down')} />,
                      <Button key="rm" size="small" type="text" icon={<DeleteOutlined />} onClick={() => setDraft(order.filter((_, j) => j !== i))} aria-label={t('rs.agenda.remove')} />,
                    ]}
                  >
                    <Space align="start">
                      {!frozen && <HolderOutlined style={{ color: '#94a3b8', marginTop: 4 }} />}
                      <Tag color="blue" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 92, textAlign: 'center' }}>{formatRange(time.startsAt, time.endsAt, event.timeZone, i18n.language)}</Tag>
                      <div>
                        <Typography.Text strong>{i + 1}. {it.projectTitle ?? '—'}</Typography.Text>
                        <div><Typography.Text type="secondary">{it.startupName}</Typography.Text></div>
                      </div>
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t('rs.agenda.candidates')}>
          {candidates.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('rs.agenda.noCandidates')}</Typography.Paragraph>
          ) : (
            <List
              dataSource={candidates}
              renderItem={(a) => (
                <List.Item actions={[<Button key="add" size="small" icon={<PlusOutlined />} disabled={frozen || full} onClick={() => setDraft([...order, { applicationId: a.id, projectTitle: a.projectTitle, startupName: a.startupName }])} data-testid="agenda-add">{t('rs.agenda.add')}</Button>]}>
                  <List.Item.Meta title={a.projectTitle} description={a.startupName} />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export function AgendaTab({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState(event.sessions[0]?.id);
  const session = event.sessions.find((s) => s.id === sessionId) ?? event.sessions[0];
  if (!session) return <Card><EmptyState title={t('rs.session.empty')} hint={t('rs.agenda.needSession')} /></Card>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {event.sessions.length > 1 && <Segmented value={session.id} onChange={(v) => setSessionId(String(v))} options={event.sessions.map((s) => ({ value: s.id, label: s.title }))} />}
      <SessionAgenda key={session.id} event={event} session={session} />
    </Space>
  );
}
