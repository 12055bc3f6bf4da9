import { App as AntApp, Button, Card, Dropdown, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { OutcomeDrawer } from '../../components/OutcomeDrawer';
import { ScoreBar } from '../../components/ScoreBar';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { DEAL_STAGES, enumOptions, PASS_REASONS } from '../../lib/reference';

type Deal = Schemas['DealListItemView'];
type Stage = Deal['stage'];
type PassCode = Schemas['PassReasonDto']['code'];

export const STAGE_COLORS: Record<Stage, string> = {
  new: 'default', shortlisted: 'blue', contacted: 'cyan', meeting: 'geekblue', due_diligence: 'purple', term_sheet: 'gold', signed: 'green', disbursed: 'success', passed: 'red',
};

export function PipelinePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage | 'all'>('all');
  const [passing, setPassing] = useState<Deal | null>(null);
  const [outcomeOf, setOutcomeOf] = useState<Deal | null>(null);
  const [passForm] = Form.useForm<{ code: PassCode; text?: string }>();
  const deals = useQuery({
    queryKey: ['deals', stage],
    queryFn: () => call(api.GET('/api/v1/deals', { params: { query: { limit: 100, ...(stage !== 'all' ? { stage } : {}) } } })),
  });

  const move = useMutation({
    mutationFn: (v: { deal: Deal; to: Stage; passReason?: { code: PassCode; text?: string } }) =>
      call(api.POST('/api/v1/deals/{id}/transitions', {
        params: { path: { id: v.deal.id } },
        body: { to: v.to, expectedStage: v.deal.stage, ...(v.passReason ? { passReason: v.passReason } : {}) },
      })),
    onSuccess: (d) => {
      message.success(d.stage === 'passed' ? t('deal.passedOk') : t('deal.moved', { stage: t(`dealStage.${d.stage}`) }));
      setPassing(null);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      void queryClient.invalidateQueries({ queryKey: ['deal-flow'] });
    },
    onError: (err) => {
      message.error(err.message);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });

  const items = deals.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('deal.title')} intro={t('deal.intro')} />
      <div style={{ marginBottom: 12, overflowX: 'auto' }}>
        <Segmented
          value={stage}
          onChange={(v) => setStage(v as Stage | 'all')}
          options={[{ value: 'all', label: t('deal.allStages') }, ...DEAL_STAGES.map((s) => ({ value: s, label: t(`dealStage.${s}`) }))]}
        />
      </div>
      <Card styles={{ body: { padding: items.length ? 0 : undefined } }}>
        {deals.isPending ? (
          <PageLoading />
        ) : deals.isError ? (
          <ErrorState error={deals.error} onRetry={() => void deals.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('deal.empty')} hint={t('deal.emptyHint')} action={<Button type="primary" onClick={() => navigate('/deal-flow')}>{t('nav.dealFlow')}</Button>} />
        ) : (
          <Table<Deal>
            rowKey="id"
            dataSource={items}
            pagination={false}
            columns={[
              {
                title: t('deal.project'), key: 'p',
                render: (_: unknown, d) => (
                  <div>
                    <Typography.Text strong>{d.projectTitle ?? '—'}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#64748b' }}>{d.startupName ?? '—'}</div>
                  </div>
                ),
              },
              { title: t('deal.stage'), dataIndex: 'stage', width: 120, render: (s: Stage) => <Tag color={STAGE_COLORS[s]}>{t(`dealStage.${s}`)}</Tag> },
              { title: t('deal.scoreAtOpen'), dataIndex: 'scoreAtOpen', width: 170, render: (v: number | null) => <ScoreBar score={v} /> },
              { title: t('deal.changedAt'), dataIndex: 'stageChangedAt', width: 120, render: (v: string) => formatDate(v, i18n.language) },
              {
                title: t('common.actions'), key: 'a', width: 300,
                render: (_: unknown, d) => {
                  const forward = d.allowedNext.filter((s) => s !== 'passed');
                  return (
                    <span style={{ display: 'inline-flex', gap: 8 }}>
                      {forward.length > 0 && (
                        <Dropdown
                          trigger={['click']}
                          menu={{ items: forward.map((s) => ({ key: s, label: t(`dealStage.${s}`) })), onClick: ({ key }) => move.mutate({ deal: d, to: key as Stage }) }}
                        >
                          <Button size="small" type="primary" ghost data-testid={`move-${d.id}`}>{t('deal.moveTo')}…</Button>
                        </Dropdown>
                      )}
                      {d.allowedNext.includes('passed') && (
                        <Button size="small" danger onClick={() => { passForm.resetFields(); setPassing(d); }}>{t('deal.pass')}</Button>
                      )}
                      <Button size="small" onClick={() => setOutcomeOf(d)} data-testid={`outcome-${d.id}`}>{t('pt.outcome.action')}</Button>
                    </span>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <OutcomeDrawer
        subject={outcomeOf ? { type: 'deal', id: outcomeOf.id } : null}
        title={outcomeOf?.projectTitle ?? undefined}
        onClose={() => setOutcomeOf(null)}
      />
      <Modal
        open={!!passing}
        title={`${t('deal.pass')} · ${passing?.projectTitle ?? ''}`}
        onCancel={() => setPassing(null)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: move.isPending }}
        onOk={async () => {
          const v = await passForm.validateFields();
          move.mutate({ deal: passing!, to: 'passed', passReason: { code: v.code, ...(v.text?.trim() ? { text: v.text.trim() } : {}) } });
        }}
      >
        <Form form={passForm} layout="vertical">
          <Form.Item name="code" label={t('deal.passReason')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'passReason', PASS_REASONS)} />
          </Form.Item>
          <Form.Item noStyle dependencies={['code']}>
            {({ getFieldValue }) => (
              <Form.Item name="text" label={t('deal.passText')} rules={[{ required: getFieldValue('code') === 'other' }]}>
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
