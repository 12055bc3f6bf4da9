import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { ExplanationDrawer, type MatchItem } from '../../components/ExplanationDrawer';
import { ScoreBar } from '../../components/ScoreBar';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { CRITERION_COLORS } from '../../components/WeightSliders';
import { formatWan, round } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { enumOptions, STAGES, useTracks } from '../../lib/reference';
import { useMandates } from './MandatesPage';
import { RegionCascader } from '../../components/RegionCascader';

type Query = NonNullable<import('../../api/schema').paths['/api/v1/mandates/{id}/deal-flow']['get']['parameters']['query']>;

/** Opens a deal on the project for this mandate and moves it to 已入围 (shortlisted). */
export async function shortlist(projectId: string, mandateId: string): Promise<Schemas['DealDetailView']> {
  const deal = await call(api.POST('/api/v1/deals', { body: { projectId, mandateId } }));
  if (deal.stage === 'new' && deal.allowedNext.includes('shortlisted')) {
    return call(api.POST('/api/v1/deals/{id}/transitions', { params: { path: { id: deal.id } }, body: { to: 'shortlisted', expectedStage: 'new' } }));
  }
  return deal;
}

function CriterionChips({ item }: { item: MatchItem }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Space size={[4, 4]} wrap>
      {item.breakdown
        .filter((c) => c.weight > 0)
        .map((c) => (
          <Tooltip key={c.key} title={en ? c.en : c.zh}>
            <Tag
              bordered={false}
              style={{ background: `${CRITERION_COLORS[c.key]}14`, color: CRITERION_COLORS[c.key], marginInlineEnd: 0 }}
              data-testid={`chip-${c.key}`}
            >
              {en ? c.labelEn : c.labelZh} {round(c.contribution, 1)}
            </Tag>
          </Tooltip>
        ))}
    </Space>
  );
}

export function DealFlowPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tracks = useTracks();
  const mandates = useMandates();
  const mandateId = id ?? mandates.data?.items[0]?.id;
  const mandate = mandates.data?.items.find((m) => m.id === mandateId);
  const [filters, setFilters] = useState<{ track: Query['track']; stage: Query['stage']; region: string[]; q: string }>({ track: [], stage: [], region: [], q: '' });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<MatchItem | null>(null);

  useEffect(() => {
    const handle = setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim() })), 300);
    return () => clearTimeout(handle);
  }, [search]);

  const query: Query = useMemo(
    () => ({
      limit: 20,
      ...(filters.track?.length ? { track: filters.track } : {}),
      ...(filters.stage?.length ? { stage: filters.stage } : {}),
      ...(filters.region.length ? { region: filters.region } : {}),
      ...(filters.q ? { q: filters.q } : {}),
    }),
    [filters],
  );

  const flow = useInfiniteQuery({
    queryKey: ['deal-flow', mandateId, query],
    enabled: !!mandateId,
    initialPageParam: undefined as string | undefined,
    // The table opens each row's explanation in place, so it asks for the full view; the API answers
    // DealFlowPageView for view=full (the compact view is for lighter clients).
    queryFn: async ({ pageParam }) =>
      (await call(
        api.GET('/api/v1/mandates/{id}/deal-flow', {
          params: { path: { id: mandateId! }, query: { ...query, view: 'full', ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      )) as Schemas['DealFlowPageView'],
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const add = useMutation({
    mutationFn: (item: MatchItem) => shortlist(item.projectId, mandateId!),
    onSuccess: (deal, item) => {
      message.success(t('dealFlow.shortlistedOk'));
      const mark = (x: MatchItem) => (x.projectId === item.projectId ? { ...x, dealStage: deal.stage } : x);
      setSelected((s) => (s ? mark(s) : s));
      queryClient.setQueriesData<typeof flow.data>({ queryKey: ['deal-flow', mandateId] }, (old) =>
        old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map(mark) })) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
    onError: (err) => message.error(err.message),
  });

  if (mandates.isPending) return <PageLoading />;
  if (mandates.isError) return <ErrorState error={mandates.error} onRetry={() => void mandates.refetch()} />;
  if (!mandateId)
    return (
      <Card>
        <EmptyState title={t('dealFlow.noMandate')} hint={t('mandate.emptyHint')}
          action={<Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mandates/new')}>{t('mandate.new')}</Button>} />
      </Card>
    );

  const items = flow.data?.pages.flatMap((p) => p.items) ?? [];
  const total = flow.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('dealFlow.title')}
        intro={mandate ? t('dealFlow.intro', { name: mandate.name }) : undefined}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('dealFlow.chooseMandate')}</Typography.Text>
            <Select
              style={{ minWidth: 260 }}
              value={mandateId}
              options={mandates.data.items.map((m) => ({ value: m.id, label: m.name }))}
              onChange={(v) => navigate(`/mandates/${v}/deal-flow`)}
            />
            <Button onClick={() => navigate(`/mandates/${mandateId}`)}>{t('common.edit')}</Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Space wrap size={12}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('dealFlow.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 300 }}
            data-testid="deal-flow-search"
          />
          <Select mode="multiple" allowClear placeholder={t('dealFlow.filterTrack')} style={{ minWidth: 200 }} maxTagCount="responsive"
            options={tracks.options} value={filters.track} onChange={(v) => setFilters((f) => ({ ...f, track: v }))} showSearch={{ optionFilterProp: 'label' }} />
          <Select mode="multiple" allowClear placeholder={t('dealFlow.filterStage')} style={{ minWidth: 180 }} maxTagCount="responsive"
            options={enumOptions(t, 'stage', STAGES)} value={filters.stage} onChange={(v) => setFilters((f) => ({ ...f, stage: v as Query['stage'] }))} />
          <RegionCascader multiple placeholder={t('region.label')} style={{ minWidth: 200, width: 'auto' }}
            value={filters.region} onChange={(v) => setFilters((f) => ({ ...f, region: v }))} />
          {flow.data && <Typography.Text type="secondary">{t('common.total', { count: total })}</Typography.Text>}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {flow.isError ? (
          <ErrorState error={flow.error} onRetry={() => void flow.refetch()} />
        ) : (
          <Table<MatchItem>
            rowKey="projectId"
            loading={flow.isPending}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: flow.isPending ? ' ' : <EmptyState title={t('dealFlow.empty')} hint={t('dealFlow.emptyHint')} /> }}
            onRow={(item) => ({ onClick: () => setSelected(item), style: { cursor: 'pointer' } })}
            columns={[
              { title: '#', key: 'rank', width: 48, render: (_: unknown, __, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
              {
                title: t('dealFlow.project'), key: 'project',
                render: (_: unknown, item) => (
                  <div>
                    <Typography.Text strong>{item.title ?? '—'}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#64748b' }}>
                      {item.startupName ?? '—'}
                      {item.tracks.slice(0, 2).map((tr) => <Tag key={tr} style={{ marginLeft: 6, fontSize: 11 }}>{tracks.label(tr)}</Tag>)}
                    </div>
                  </div>
                ),
              },
              { title: t('dealFlow.score'), dataIndex: 'score', width: 170, render: (v: number | null, item) => (item.eligible ? <ScoreBar score={v} /> : <Tag color="red">{t('dealFlow.ineligible')}</Tag>) },
              { title: t('dealFlow.criteria'), key: 'criteria', width: 300, responsive: ['lg'], render: (_: unknown, item) => <CriterionChips item={item} /> },
              { title: t('dealFlow.stage'), dataIndex: 'stage', width: 100, render: (v: string) => t(`stage.${v}`) },
              { title: t('dealFlow.amount'), dataIndex: 'amountSought', width: 120, align: 'right', render: (v: number | null) => formatWan(v, i18n.language) },
              {
                title: '', key: 'action', width: 110,
                render: (_: unknown, item) =>
                  item.dealStage ? (
                    <Tag color="blue">{t(`dealStage.${item.dealStage}`)}</Tag>
                  ) : (
                    <Button size="small" onClick={(e) => { e.stopPropagation(); add.mutate(item); }} loading={add.isPending && add.variables?.projectId === item.projectId}>
                      {t('dealFlow.shortlist')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
        {flow.hasNextPage && (
          <div style={{ textAlign: 'center', padding: 12 }}>
            <Button onClick={() => void flow.fetchNextPage()} loading={flow.isFetchingNextPage}>{t('common.next')}</Button>
          </div>
        )}
      </Card>
      <ExplanationDrawer item={selected} open={!!selected} onClose={() => setSelected(null)} onShortlist={(item) => add.mutate(item)} shortlisting={add.isPending} />
    </>
  );
}
