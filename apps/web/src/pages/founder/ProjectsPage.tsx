import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
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
