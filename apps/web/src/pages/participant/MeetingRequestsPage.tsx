import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Modal, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { OutcomeDrawer } from '../../components/OutcomeDrawer';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { PageHeader } from '../../lib/page';
import { MeetingRequestsTable, type MyRequest, type RequestAction } from './MeetingRequestsTable';

type Direction = 'all' | 'received' | 'sent';
type Status = MyRequest['status'];
const STATUSES: Status[] = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'];

/** Investors and founders: every meeting request across roadshows, answered or withdrawn in place. */
export function MeetingRequestsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<Direction>('all');
  const [status, setStatus] = useState<Status | undefined>();
  const [declining, setDeclining] = useState<MyRequest | null>(null);
  const [reason, setReason] = useState('');
  const [outcomeOf, setOutcomeOf] = useState<MyRequest | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['meeting-requests', 'mine', direction, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/meeting-requests', {
        params: { query: { limit: 20, ...(direction !== 'all' ? { direction } : {}), ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
      })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const act = useMutation({
    mutationFn: ({ r, action, why }: { r: MyRequest; action: RequestAction; why?: string }) => {
      const path = { params: { path: { id: r.id } } };
      if (action === 'accept') return call(api.POST('/api/v1/meeting-requests/{id}/accept', path));
      if (action === 'decline') return call(api.POST('/api/v1/meeting-requests/{id}/decline', { ...path, body: why ? { reason: why } : {} }));
      return call(api.POST('/api/v1/meeting-requests/{id}/withdraw', path));
    },
    onSuccess: (_r, v) => {
      message.success(t(v.action === 'accept' ? 'pt.mr.accepted' : v.action === 'decline' ? 'pt.mr.declined' : 'pt.mr.withdrawn'));
      setDeclining(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['meeting-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onError: (err) => message.error(err.message),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = direction !== 'all' || !!status;
  return (
    <>
      <PageHeader title={t('pt.mr.title')} intro={t('pt.mr.intro')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<Direction>
            value={direction}
            onChange={setDirection}
            options={[{ value: 'all', label: t('pt.mr.all') }, { value: 'received', label: t('pt.mr.received') }, { value: 'sent', label: t('pt.mr.sent') }]}
            data-testid="direction-filter"
          />
          <Select<Status>
            allowClear
            style={{ width: 160 }}
            placeholder={t('pt.mr.statusAll')}
            value={status}
            onChange={(v) => setStatus(v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`rs.requestStatus.${s}`) }))}
          />
        </Space>
        {list.isPending ? <PageLoading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyState
            title={t('pt.mr.empty')}
            hint={filtered ? undefined : t('pt.mr.emptyHint')}
            action={filtered ? undefined : <Button type="primary" onClick={() => navigate('/events')}>{t('pt.mr.goEvents')}</Button>}
          />
        ) : (
          <>
            <MeetingRequestsTable
              items={items}
              busyId={act.isPending ? act.variables?.r.id : null}
              onAction={(r, action) => (action === 'decline' ? setDeclining(r) : act.mutate({ r, action }))}
              onOutcome={setOutcomeOf}
            />
            {list.hasNextPage && <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>{t('pt.mr.more')}</Button>}
          </>
        )}
      </Card>
      <OutcomeDrawer
        subject={outcomeOf ? { type: 'meeting', id: outcomeOf.id } : null}
        title={outcomeOf ? `${outcomeOf.counterpartName}${outcomeOf.projectTitle ? ` · ${outcomeOf.projectTitle}` : ''}` : undefined}
        onClose={() => setOutcomeOf(null)}
      />
      <Modal
        open={!!declining}
        title={t('pt.mr.declineTitle')}
        onCancel={() => setDeclining(null)}
        onOk={() => declining && act.mutate({ r: declining, action: 'decline', why: reason.trim() || undefined })}
        okText={t('pt.mr.decline')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'decline-confirm' } as Record<string, string>) }}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('pt.mr.declineReason')}>
            <Input.TextArea rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('pt.mr.declineReasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
