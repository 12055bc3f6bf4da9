import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate, formatWan } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { useTracks } from '../../lib/reference';

export function useMandates() {
  return useQuery({ queryKey: ['mandates'], queryFn: () => call(api.GET('/api/v1/mandates', { params: { query: { limit: 100 } } })) });
}

export function MandatesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const tracks = useTracks();
  const mandates = useMandates();
  if (mandates.isPending) return <PageLoading />;
  if (mandates.isError) return <ErrorState error={mandates.error} onRetry={() => void mandates.refetch()} />;
  const items = mandates.data.items;
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mandates/new')}>{t('mandate.new')}</Button>;
  return (
    <>
      <PageHeader title={t('mandate.title')} extra={items.length > 0 && newButton} />
      <Card styles={{ body: { padding: items.length ? 0 : undefined } }}>
        {items.length === 0 ? (
          <EmptyState title={t('mandate.empty')} hint={t('mandate.emptyHint')} action={newButton} />
        ) : (
          <Table<Schemas['MandateView']>
            rowKey="id"
            dataSource={items}
            pagination={false}
            columns={[
              { title: t('mandate.name'), dataIndex: 'name', render: (v: string, m) => <Link to={`/mandates/${m.id}`}>{v}</Link> },
              { title: t('mandate.stages'), dataIndex: 'stages', render: (v: string[]) => (v.length ? v.map((s) => t(`stage.${s}`)).join('、') : t('common.any')) },
              { title: t('mandate.tracks'), dataIndex: 'tracks', render: (v: string[]) => (v.length ? <Space size={[4, 4]} wrap>{v.slice(0, 3).map((x) => <Tag key={x}>{tracks.label(x)}</Tag>)}{v.length > 3 && <Tag>+{v.length - 3}</Tag>}</Space> : t('common.any')) },
              { title: t('mandate.ticket'), key: 'ticket', render: (_: unknown, m) => t('mandate.ticketRange', { min: formatWan(m.ticketMin, i18n.language), max: formatWan(m.ticketMax, i18n.language) }) },
              { title: t('mandate.status'), dataIndex: 'status', width: 90, render: (v: 'active' | 'paused') => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`mandate.statusValue.${v}`)}</Tag> },
              { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 120, render: (v: string) => formatDate(v, i18n.language) },
              { title: t('common.actions'), key: 'a', width: 120, render: (_: unknown, m) => <Link to={`/mandates/${m.id}/deal-flow`}>{t('mandate.openDealFlow')}</Link> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
