import { AppleOutlined, CalendarOutlined, GoogleOutlined, LinkOutlined, WindowsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Input, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { feedUrls } from './feedUrls';

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => message.success(t('pt.cal.copied')), () => undefined);
          }}
        >
          {t('pt.cal.copy')}
        </Button>
      </Space.Compact>
    </div>
  );
}

/** Investors and founders: a private, revocable calendar feed of their roadshow sessions, pitches and 1:1 meetings. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<{ https: string; webcal: string } | null>(null);
  const feeds = useQuery({ queryKey: ['calendar-feeds'], queryFn: () => call(api.GET('/api/v1/calendar-feeds')) });
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/v1/calendar-feeds', {})),
    onSuccess: (f) => {
      if (f.url) setFresh(feedUrls(f.url, location.origin));
      message.success(t('pt.cal.created'));
      void queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
    onError: (err) => message.error(err.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/calendar-feeds/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('pt.cal.revokedOk'));
      void queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
    onError: (err) => message.error(err.message),
  });
  const list = (feeds.data ?? []).slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const hasActive = list.some((f) => !f.revokedAt);
  return (
    <>
      <PageHeader
        title={t('pt.cal.title')}
        intro={t('pt.cal.intro')}
        extra={<Button type="primary" icon={<LinkOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid="create-feed">{hasActive || fresh ? t('pt.cal.regenerate') : t('pt.cal.create')}</Button>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {fresh && (
              <Card title={<Space><CalendarOutlined />{t('pt.cal.created')}</Space>} data-testid="feed-urls">
                <Alert type="warning" showIcon title={t('pt.cal.onceOnly')} style={{ marginBottom: 16 }} />
                <CopyField label={t('pt.cal.webcal')} value={fresh.webcal} testId="feed-webcal" />
                <CopyField label={t('pt.cal.https')} value={fresh.https} testId="feed-https" />
                <Button type="primary" ghost icon={<CalendarOutlined />} href={fresh.webcal}>{t('pt.cal.open')}</Button>
              </Card>
            )}
            <Card title={t('pt.cal.feeds')}>
              {feeds.isPending ? <PageLoading rows={3} /> : feeds.isError ? <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} /> : list.length === 0 ? (
                <EmptyState title={t('pt.cal.empty')} hint={t('pt.cal.emptyHint')} />
              ) : (
                <List
                  dataSource={list}
                  data-testid="feed-list"
                  renderItem={(f) => (
                    <List.Item
                      actions={f.revokedAt ? [] : [
                        <Popconfirm key="r" title={t('pt.cal.revokeConfirm')} onConfirm={() => revoke.mutate(f.id)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                          <Button size="small" danger loading={revoke.isPending && revoke.variables === f.id}>{t('pt.cal.revoke')}</Button>
                        </Popconfirm>,
                      ]}
                    >
                      <Space>
                        <CalendarOutlined />
                        <span>{t('pt.cal.feedCreated', { date: formatDate(f.createdAt, i18n.language) })}</span>
                        {f.revokedAt ? <Tag>{t('pt.cal.revoked', { date: formatDate(f.revokedAt, i18n.language) })}</Tag> : <Tag color="green">{t('pt.cal.active')}</Tag>}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('pt.cal.howTitle')}>
            <List
              size="small"
              dataSource={[
                { icon: <AppleOutlined />, text: t('pt.cal.howApple') },
                { icon: <WindowsOutlined />, text: t('pt.cal.howOutlook') },
                { icon: <GoogleOutlined />, text: t('pt.cal.howGoogle') },
                { icon: <CalendarOutlined />, text: t('pt.cal.howOther') },
              ]}
              renderItem={(x) => <List.Item><Space align="start">{x.icon}<span>{x.text}</span></Space></List.Item>}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>{t('pt.cal.refresh')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
