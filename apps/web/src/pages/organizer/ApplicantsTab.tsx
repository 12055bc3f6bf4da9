import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Card, Form, Input, Modal, Progress, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApplicantRanking, type Decision, type RankedApplication } from '../../components/ApplicantRanking';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { useTracks } from '../../lib/reference';
import type { EventView } from './useEvent';

export function ApplicantsTab({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const tracks = useTracks();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [sessionId, setSessionId] = useState<string>('all');
  const [rejecting, setRejecting] = useState<RankedApplication | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const list = useQuery({
    queryKey: ['applicants', event.id, sessionId],
    queryFn: () => call(api.GET('/api/v1/events/{id}/applications', { params: { path: { id: event.id }, query: sessionId === 'all' ? {} : { sessionId } } })),
  });
  const decide = useMutation({
    mutationFn: (v: { app: RankedApplication; status: Decision; reason?: string }) =>
      call(api.POST('/api/v1/applications/{id}/decision', { params: { path: { id: v.app.id } }, body: { status: v.status, ...(v.reason ? { reason: v.reason } : {}) } })),
    onSuccess: (a) => {
      message.success(t('rs.applicants.decidedOk', { name: a.projectTitle ?? '', status: t(`rs.applicationStatus.${a.status}`) }));
      setRejecting(null);
      reasonForm.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['applicants', event.id] });
      void queryClient.invalidateQueries({ queryKey: ['agenda'] });
    },
    onError: (err) => message.error(err.message),
  });
  const sessions = new Map(event.sessions.map((s) => [s.id, s.title]));
  const data = list.data;
  return (
    <Card
      title={t('rs.applicants.title')}
      extra={
        data && (
          <Space>
            <Typography.Text type="secondary">{t('rs.applicants.accepted')}</Typography.Text>
            <Typography.Text strong data-testid="accepted-count">{data.capacity != null ? `${data.accepted} / ${data.capacity}` : data.accepted}</Typography.Text>
            {data.capacity != null && <Progress percent={Math.round((data.accepted / data.capacity) * 100)} showInfo={false} size="small" style={{ width: 96, margin: 0 }} />}
          </Space>
        )
      }
      styles={{ body: { padding: data?.items.length ? 0 : undefined } }}
    >
      {event.sessions.length > 1 && (
        <div style={{ padding: '12px 16px' }}>
          <Segmented value={sessionId} onChange={(v) => setSessionId(String(v))} options={[{ value: 'all', label: t('rs.applicants.allSessions') }, ...event.sessions.map((s) => ({ value: s.id, label: s.title }))]} />
        </div>
      )}
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : data!.items.length === 0 ? (
        <EmptyState title={t('rs.applicants.empty')} hint={t(event.status === 'draft' ? 'rs.applicants.emptyHintDraft' : 'rs.applicants.emptyHint')} />
      ) : (
        <>
          <Alert type="info" showIcon banner title={t('rs.applicants.rankHint')} />
          <ApplicantRanking
            items={data!.items}
            trackLabel={tracks.label}
            sessionLabel={(id) => (id ? sessions.get(id) ?? null : null)}
            busyId={decide.isPending ? decide.variables?.app.id : null}
            onDecide={(app, status) => (status === 'rejected' ? setRejecting(app) : decide.mutate({ app, status }))}
          />
        </>
      )}
      <Modal
        open={!!rejecting}
        title={t('rs.applicants.rejectTitle', { name: rejecting?.projectTitle ?? '' })}
        onCancel={() => setRejecting(null)}
        onOk={() => reasonForm.submit()}
        okText={t('rs.decision.rejected')}
        okButtonProps={{ danger: true }}
        confirmLoading={decide.isPending}
      >
        <Form form={reasonForm} layout="vertical" onFinish={(v) => rejecting && decide.mutate({ app: rejecting, status: 'rejected', reason: v.reason })}>
          <Form.Item name="reason" label={t('rs.applicants.reason')} extra={t('rs.applicants.reasonHint')} rules={[{ required: true, message: t('rs.applicants.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
