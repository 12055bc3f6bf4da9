import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, List, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { internalLink, NotificationItem, useMarkRead, useUnreadCount } from '../../components/NotificationBell';
import { EmptyState, ErrorState, PageLoading } from '../../components/states';
import { PageHeader } from '../../lib/page';

export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const mark = useMarkRead();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'page', unreadOnly],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/notifications', { params: { query: { limit: 20, ...(unreadOnly ? { unread: true } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('notif.title')}
        intro={t('notif.unread', { count: unread.data?.count ?? 0 })}
        extra={<Button onClick={() => mark.mutate('all')} disabled={!unread.data?.count} loading={mark.isPending && mark.variables === 'all'}>{t('notif.markAll')}</Button>}
      />
      <Card>
        <Segmented value={unreadOnly ? 'unread' : 'all'} onChange={(v) => setUnreadOnly(v === 'unread')} options={[{ value: 'all', label: t('notif.all') }, { value: 'unread', label: t('notif.onlyUnread') }]} style={{ marginBottom: 12 }} />
        {list.isPending ? <PageLoading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyState title={t('notif.empty')} hint={t('notif.emptyHint')} />
        ) : (
          <>
            <List
              dataSource={items}
              renderItem={(n) => (
                <NotificationItem
                  n={n}
                  onOpen={(x) => {
                    if (!x.readAt) mark.mutate(x.id);
                    const to = internalLink(x.link);
                    if (to) navigate(to);
                  }}
                />
              )}
            />
            {list.hasNextPage && <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>{t('common.next')}</Button>}
          </>
        )}
      </Card>
    </>
  );
}
