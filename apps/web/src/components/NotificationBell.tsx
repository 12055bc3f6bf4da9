import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { formatDateTime } from '../lib/time';

type Notification = Schemas['NotificationView'];

/** An app link inside the product (`/events/…`), or null for anything else. */
export function internalLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, 'http://x');
    return url.pathname.startsWith('/api/') ? null : url.pathname + url.search;
  } catch {
    return null;
  }
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 30_000,
    staleTime: 5_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all'): Promise<void> => {
      if (id === 'all') await call(api.POST('/api/v1/notifications/read-all'));
      else await call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { i18n } = useTranslation();
  return (
    <List.Item onClick={() => onOpen(n)} style={{ cursor: 'pointer', paddingInline: 12, background: n.readAt ? undefined : '#eff6ff' }} data-testid="notification">
      <List.Item.Meta
        avatar={<Badge dot={!n.readAt} color="#1d4ed8"><BellOutlined style={{ fontSize: 16, color: '#64748b' }} /></Badge>}
        title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
        description={
          <>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{n.body}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt, 'Asia/Shanghai', i18n.language)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** The header bell: unread count, the newest few, mark read, a link to the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { limit: 6 } } })),
    enabled: open,
  });
  const mark = useMarkRead();
  const openOne = (n: Notification) => {
    if (!n.readAt) mark.mutate(n.id);
    const to = internalLink(n.link);
    setOpen(false);
    if (to) navigate(to);
  };
  const count = unread.data?.count ?? 0;
  // On a phone the inbox is a page of its own (a popover would not fit beside the header).
  const narrow = typeof window !== 'undefined' && window.innerWidth < 576;
  return (
    <Popover
      open={open && !narrow}
      onOpenChange={(v) => (narrow ? v && navigate('/notifications') : setOpen(v))}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('notif.title')}</span>
          <Button size="small" type="link" disabled={count === 0} onClick={() => mark.mutate('all')}>{t('notif.markAll')}</Button>
        </Space>
      }
      content={
        <div style={{ width: 360, maxWidth: '80vw' }}>
          <List
            loading={latest.isPending}
            dataSource={latest.data?.items ?? []}
            locale={{ emptyText: t('notif.empty') }}
            renderItem={(n) => <NotificationItem n={n} onOpen={openOne} />}
            style={{ maxHeight: 420, overflowY: 'auto' }}
          />
          <Button block type="link" onClick={() => { setOpen(false); navigate('/notifications'); }}>{t('notif.viewAll')}</Button>
        </div>
      }
    >
      <Badge count={count} size="small" offset={[-2, 2]} data-testid="unread-count">
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={t('notif.bell')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
