import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { ImportPanel } from '../../components/ImportPanel';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { fileUpload } from '../../lib/download';
import { formatDate, formatWan } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { useTracks } from '../../lib/reference';
import { useRegions } from '../../lib/regions';

type Investment = Schemas['PortfolioInvestmentView'];

export function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tracks = useTracks();
  const regions = useRegions();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['portfolio'], queryFn: () => call(api.GET('/api/v1/portfolio')) });
  return (
    <>
      <PageHeader title={t('portfolio.title')} intro={t('portfolio.intro')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ImportPanel
          testId="portfolio-import"
          maxMb={10}
          dryRun={(file) => call(api.POST('/api/v1/portfolio/import/dry-run', fileUpload(file)))}
          commit={async (file) => ({ count: (await call(api.POST('/api/v1/portfolio/import', fileUpload(file)))).imported })}
          doneMessage={(count) => t('imports.donePortfolio', { count })}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ['portfolio'] })}
        />
        <Card title={t('portfolio.listTitle')} styles={{ body: { padding: list.data?.items.length ? 0 : undefined } }}>
          {list.isPending ? (
            <PageLoading rows={4} />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <EmptyState title={t('portfolio.empty')} hint={t('portfolio.emptyHint')} />
          ) : (
            <Table<Investment>
              data-testid="portfolio-table"
              rowKey="id"
              dataSource={list.data.items}
              scroll={{ x: 820 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('portfolio.col.company'), dataIndex: 'companyName', fixed: 'left', width: 200 },
                { title: t('portfolio.col.investedOn'), dataIndex: 'investedOn', width: 120, render: (v: string | null) => formatDate(v, lang) },
                { title: t('portfolio.col.round'), dataIndex: 'round', width: 100, render: (v: string | null) => (v ? t(`stage.${v}`) : '—') },
                { title: t('portfolio.col.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number | null) => formatWan(v, lang) },
                { title: t('portfolio.col.tracks'), dataIndex: 'tracks', render: (v: string[]) => v.map((c) => <Tag key={c}>{tracks.label(c)}</Tag>) },
                { title: t('portfolio.col.region'), dataIndex: 'regionCode', width: 180, render: (v: string | null) => regions.label(v) },
                { title: t('portfolio.col.keywords'), dataIndex: 'keywords', render: (v: string[]) => v.join('、') || '—' },
              ]}
            />
          )}
        </Card>
      </Space>
    </>
  );
}
