import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiError, EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../lib/page';

type Grant = Schemas['AccessGrantViewDto'];

/** Organizations a founder can pick: its meeting counterparts and the investors matching any of its published projects, by name. */
function useGranteeCandidates(enabled: boolean) {
  const requests = useQuery({ queryKey: ['meeting-requests', 'mine', 'candidates'], enabled, queryFn: () => call(api.GET('/api/v1/meeting-requests', { params: { query: { limit: 100 } } })) });
  const projects = useQuery({ queryKey: ['projects', 'mine'], enabled, queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })) });
  // Every published project's matching investors, not only the first project's.
  const published = (projects.data?.items ?? []).filter((p) => p.status === 'published').map((p) => p.id);
  const matches = useQueries({
    queries: published.map((id) => ({
      queryKey: ['investor-matches', id],
      enabled,
      queryFn: () => call(api.GET('/api/v1/projects/{id}/investor-matches', { params: { path: { id }, query: { show: 'all' } } })),
    })),
  });
  const byId = new Map<string, string>();
  for (const r of requests.data?.items ?? []) {
    const other = r.direction === 'sent' ? r.toOrganizationId : r.fromOrganizationId;
    byId.set(other, r.counterpartName);
  }
  for (const q of matches) for (const m of q.data?.items ?? []) byId.set(m.organizationId, m.organizationName);
  return [...byId.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** Founders grant (and revoke) investors' access to their confidential data; investors and organizers see the grants they hold. */
export function AccessGrantsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const { persona } = useSession();
  const founder = persona === 'founder';
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<{ granteeOrganizationId: string; expiresAt?: Dayjs }>();
  const grants = useQuery({ queryKey: ['access-grants'], queryFn: () => call(api.GET('/api/v1/access-grants')) });
  const candidates = useGranteeCandidates(founder && open);
  const grant = useMutation({
    mutationFn: (v: { granteeOrganizationId: string; expiresAt?: Dayjs }) =>
      call(api.POST('/api/v1/access-grants', { body: { granteeOrganizationId: v.granteeOrganizationId, ...(v.expiresAt ? { expiresAt: v.expiresAt.endOf('day').toISOString() } : {}) } })),
    onSuccess: () => {
      message.success(t('pt.grants.grantedOk'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['access-grants'] });
    },
    onError: (err) => setBanner(applyApiError(form, err, t)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/access-grants/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('pt.grants.revokedOk'));
      void queryClient.invalidateQueries({ queryKey: ['access-grants'] });
    },
    onError: (err) => message.error(err.message),
  });
  const items = (grants.data ?? []).slice().sort((a, b) => Number(b.active) - Number(a.active) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeader
        title={t('pt.grants.title')}
        intro={founder ? t('pt.grants.intro') : t('pt.grants.introReceived')}
        extra={founder && <Button type="primary" icon={<PlusOutlined />} onClick={() => { setBanner(null); setOpen(true); }} data-testid="grant-access">{t('pt.grants.grant')}</Button>}
      />
      <Card styles={{ body: { padding: items.length ? 0 : undefined } }}>
        {grants.isPending ? <PageLoading /> : grants.isError ? <ErrorState error={grants.error} onRetry={() => void grants.refetch()} /> : items.length === 0 ? (
          <EmptyState title={founder ? t('pt.grants.empty') : t('pt.grants.emptyReceived')} hint={founder ? t('pt.grants.emptyHint') : t('pt.grants.emptyReceivedHint')} />
        ) : (
          <Table<Grant>
            rowKey="id"
            pagination={false}
            dataSource={items}
            scroll={{ x: 640 }}
            data-testid="access-grants"
            columns={[
              founder
                ? { title: t('pt.grants.grantee'), dataIndex: 'granteeOrganizationName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> }
                : { title: t('pt.grants.startup'), dataIndex: 'startupOrganizationName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('pt.grants.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDate(v, lang) },
              { title: t('pt.grants.expiresAt'), dataIndex: 'expiresAt', width: 140, render: (v: string | null) => (v ? formatDate(v, lang) : t('pt.grants.forever')) },
              { title: t('pt.mr.status'), dataIndex: 'active', width: 100, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('pt.grants.active') : t('pt.grants.inactive')}</Tag> },
              ...(founder
                ? [{
                    title: '', key: 'a', width: 100,
                    render: (_: unknown, g: Grant) => g.active && (
                      <Popconfirm title={t('pt.grants.revokeConfirm')} onConfirm={() => revoke.mutate(g.id)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                        <Button size="small" danger loading={revoke.isPending && revoke.variables === g.id}>{t('pt.grants.revoke')}</Button>
                      </Popconfirm>
                    ),
                  }]
                : []),
            ]}
          />
        )}
      </Card>
      <Modal open={open} title={t('pt.grants.grant')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={grant.isPending} okText={t('pt.grants.grant')} cancelText={t('common.cancel')} destroyOnHidden>
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => { setBanner(null); grant.mutate(v); }}>
          <Form.Item name="granteeOrganizationId" label={t('pt.grants.grantee')} extra={t('pt.grants.granteeHint')} rules={[{ required: true, message: t('pt.grants.grantee') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('pt.grants.pickFromRequests')}
              options={candidates}
              data-testid="grantee"
            />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('pt.grants.expiresAt')} extra={t('pt.grants.expiresHint')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(new Date(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
