import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate, formatWan } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { useMyStartup } from './useMyStartup';

export const STATUS_COLORS = { draft: 'default', published: 'green', archived: 'orange' } as const;

export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const startup = useMyStartup();
  // At phone width a six-column table squeezes titles to one character a line: one card per project instead.
  const phone = Grid.useBreakpoint().md === false;
  const projects = useQuery({
    queryKey: ['projects', 'mine'],
    queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })),
  });

  if (projects.isPending || startup.isPending) return <PageLoading />;
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />;

  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(startup.data ? '/projects/new' : '/company')}>
      {startup.data ? t('project.new') : t('company.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('project.title')} extra={projects.data.items.length > 0 && newButton} />
      <Card styles={{ body: { padding: projects.data.items.length ? 0 : undefined } }}>
        {projects.data.items.length === 0 ? (
          <EmptyState title={t('project.empty')} hint={startup.data ? t('project.emptyHint') : t('company.emptyHint')} action={newButton} />
        ) : phone ? (
          <List<Schemas['ProjectView']>
            data-testid="projects-cards"
            dataSource={projects.data.items}
            renderItem={(p) => (
              <List.Item style={{ padding: '12px 16px', cursor: 'pointer' }} onClick={() => navigate(`/projects/${p.id}`)}>
                <div style={{ width: '100%' }}>
                  <Link to={`/projects/${p.id}`} style={{ fontWeight: 500 }}>{p.title}</Link>
                  <Space size={[4, 4]} wrap style={{ marginTop: 6, display: 'flex' }}>
                    <Tag color={STATUS_COLORS[p.status as keyof typeof STATUS_COLORS]}>{t(`projectStatus.${p.status}`)}</Tag>
                    <Tag>{t(`projectKind.${p.kind}`)}</Tag>
                    <Tag>{t(`stage.${p.stage}`)}</Tag>
                  </Space>
                  <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 6 }}>
                    <Typography.Text strong>{formatWan(p.amountSought, i18n.language)}</Typography.Text>
                    <Typography.Text type="secondary">{t('common.updatedAt')} {formatDate(p.updatedAt, i18n.language)}</Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Schemas['ProjectView']>
            rowKey="id"
            dataSource={projects.data.items}
            pagination={false}
            onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('project.name'), dataIndex: 'title', render: (v: string, p) => <Link to={`/projects/${p.id}`}>{v}</Link> },
              { title: t('project.kind'), dataIndex: 'kind', width: 120, render: (v: string) => t(`projectKind.${v}`) },
              { title: t('project.stage'), dataIndex: 'stage', width: 110, render: (v: string) => t(`stage.${v}`) },
              { title: t('project.amountSought'), dataIndex: 'amountSought', width: 140, align: 'right', render: (v: number | null) => formatWan(v, i18n.language) },
              { title: t('project.status'), dataIndex: 'status', width: 100, render: (v: keyof typeof STATUS_COLORS) => <Tag color={STATUS_COLORS[v]}>{t(`projectStatus.${v}`)}</Tag> },
              { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 130, render: (v: string) => formatDate(v, i18n.language) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
