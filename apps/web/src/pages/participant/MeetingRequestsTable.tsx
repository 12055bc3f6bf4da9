import { CheckOutlined, CloseOutlined, FileDoneOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatDay, formatRange } from '../../lib/time';

export type MyRequest = Schemas['MyMeetingRequestView'];
export type RequestAction = 'accept' | 'decline' | 'withdraw';

export const REQUEST_STATUS_COLORS: Record<MyRequest['status'], string> = {
  pending: 'gold', accepted: 'green', declined: 'red', withdrawn: 'default', expired: 'default',
};

/** What the acting organization may do with a request: the recipient answers a pending one; the sender withdraws while it is open. */
export function requestActions(r: Pick<MyRequest, 'direction' | 'status'>): RequestAction[] {
  if (r.direction === 'received') return r.status === 'pending' ? ['accept', 'decline'] : [];
  return r.status === 'pending' || r.status === 'accepted' ? ['withdraw'] : [];
}

/** A scheduled meeting (an accepted request with a slot) has an outcome both sides record. */
export const hasOutcome = (r: Pick<MyRequest, 'status' | 'meeting'>): boolean => r.status === 'accepted' && !!r.meeting;

/** The acting organization's meeting requests across events, each with its counterpart, project, slot and the actions the API allows. */
export function MeetingRequestsTable({
  items,
  busyId,
  onAction,
  onOutcome,
  layout = 'auto',
}: {
  items: MyRequest[];
  busyId?: string | null;
  onAction: (r: MyRequest, action: RequestAction) => void;
  /** Record the outcome of a scheduled meeting (either side). */
  onOutcome?: (r: MyRequest) => void;
  /** `auto`: a table, or cards below the md breakpoint. */
  layout?: 'auto' | 'table' | 'cards';
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const screens = Grid.useBreakpoint();
  const renderActions = (r: MyRequest): ReactNode => {
    const actions = requestActions(r);
    const busy = busyId === r.id;
    return (
      <Space size={4} wrap>
        {onOutcome && hasOutcome(r) && (
          <Button size="small" icon={<FileDoneOutlined />} onClick={() => onOutcome(r)} data-testid={`outcome-${r.id}`}>{t('pt.outcome.action')}</Button>
        )}
        {actions.includes('accept') && (
          <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => onAction(r, 'accept')} data-testid={`accept-${r.id}`}>{t('pt.mr.accept')}</Button>
        )}
        {actions.includes('decline') && (
          <Button size="small" icon={<CloseOutlined />} disabled={busy} onClick={() => onAction(r, 'decline')} data-testid={`decline-${r.id}`}>{t('pt.mr.decline')}</Button>
        )}
        {actions.includes('withdraw') && (
          <Popconfirm
            title={t('pt.mr.withdrawConfirm')}
            description={r.meeting ? t('pt.mr.withdrawMeetingConfirm') : undefined}
            onConfirm={() => onAction(r, 'withdraw')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Tooltip title={r.meeting ? t('pt.mr.withdrawMeetingConfirm') : undefined}>
              <Button size="small" danger icon={<RollbackOutlined />} loading={busy} data-testid={`withdraw-${r.id}`}>{r.meeting ? t('pt.mr.cancelMeeting') : t('pt.mr.withdraw')}</Button>
            </Tooltip>
          </Popconfirm>
        )}
      </Space>
    );
  };
  const slot = (r: MyRequest) => r.meeting ? (
    <Space size={4}>
      <Tag color="blue" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRange(r.meeting.startsAt, r.meeting.endsAt, r.eventTimeZone, lang)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.mr.table', { table: r.meeting.table })}</Typography.Text>
    </Space>
  ) : null;
  // At phone width a table would squeeze every column: one card per request instead.
  if (layout === 'cards' || (layout === 'auto' && screens.md === false))
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="meeting-requests">
        {items.map((r) => (
          <Card key={r.id} size="small" data-testid={`request-card-${r.id}`}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{r.counterpartName}</Typography.Text>
              <Tag color={REQUEST_STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>{t(`rs.requestStatus.${r.status}`)}</Tag>
            </div>
            <div style={{ margin: '4px 0' }}>
              <Space size={[4, 4]} wrap>
                <Tag color={r.direction === 'received' ? 'blue' : 'default'}>{r.direction === 'received' ? t('pt.mr.incoming') : t('pt.mr.outgoing')}</Tag>
                <Tag color={r.priority === 'must' ? 'red' : 'default'}>{t(`rs.priority.${r.priority}`)}</Tag>
                {r.projectTitle && <Tag>{r.projectTitle}</Tag>}
              </Space>
            </div>
            <div><Link to={`/events/${r.eventId}`}>{r.eventTitle}</Link> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDay(r.eventStartsAt, r.eventTimeZone, lang)}</Typography.Text></div>
            {slot(r) && <div style={{ marginTop: 4 }}>{slot(r)}</div>}
            {r.status === 'declined' && r.declineReason && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.mr.reason', { reason: r.declineReason })}</Typography.Text></div>}
            {r.message && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }} ellipsis={{ rows: 2 }}>{r.message}</Typography.Paragraph>}
            {(requestActions(r).length > 0 || (onOutcome && hasOutcome(r))) && <div style={{ marginTop: 8 }}>{renderActions(r)}</div>}
          </Card>
        ))}
      </Space>
    );
  return (
    <Table<MyRequest>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={items}
      scroll={{ x: 900 }}
      data-testid="meeting-requests"
      columns={[
        {
          title: t('pt.mr.direction'), key: 'dir', width: 80,
          render: (_, r) => <Tag color={r.direction === 'received' ? 'blue' : 'default'}>{r.direction === 'received' ? t('pt.mr.incoming') : t('pt.mr.outgoing')}</Tag>,
        },
        {
          title: t('pt.mr.counterpart'), key: 'with',
          render: (_, r) => (
            <div>
              <Typography.Text strong>{r.counterpartName}</Typography.Text>
              {r.message && <div><Typography.Text type="secondary" ellipsis={{ tooltip: r.message }} style={{ maxWidth: 220, fontSize: 12 }}>{r.message}</Typography.Text></div>}
            </div>
          ),
        },
        {
          title: t('pt.mr.event'), key: 'event',
          render: (_, r) => (
            <div>
              <Link to={`/events/${r.eventId}`}>{r.eventTitle}</Link>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDay(r.eventStartsAt, r.eventTimeZone, lang)}</Typography.Text></div>
            </div>
          ),
        },
        { title: t('pt.mr.project'), key: 'project', render: (_, r) => r.projectTitle ?? <Typography.Text type="secondary">—</Typography.Text> },
        {
          title: t('pt.mr.priority'), dataIndex: 'priority', width: 90,
          render: (p: string) => <Tag color={p === 'must' ? 'red' : 'default'}>{t(`rs.priority.${p}`)}</Tag>,
        },
        {
          title: t('pt.mr.status'), key: 'status', width: 150,
          render: (_, r) => (
            <div>
              <Tag color={REQUEST_STATUS_COLORS[r.status]} data-testid={`request-status-${r.id}`}>{t(`rs.requestStatus.${r.status}`)}</Tag>
              {r.status === 'declined' && r.declineReason && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.mr.reason', { reason: r.declineReason })}</Typography.Text></div>}
              {r.status === 'pending' && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.mr.expires', { date: formatDay(r.expiresAt, r.eventTimeZone, lang) })}</Typography.Text></div>}
            </div>
          ),
        },
        {
          title: t('pt.mr.slot'), key: 'slot', width: 150,
          render: (_, r) => r.meeting ? (
            <div>
              <Tag color="blue" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRange(r.meeting.startsAt, r.meeting.endsAt, r.eventTimeZone, lang)}</Tag>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pt.mr.table', { table: r.meeting.table })}</Typography.Text></div>
            </div>
          ) : r.status === 'accepted' ? <Typography.Text type="secondary">{t('pt.mr.unscheduled')}</Typography.Text> : '—',
        },
        {
          title: t('pt.mr.actions'), key: 'actions', width: onOutcome ? 230 : 190, fixed: 'right',
          render: (_, r) => renderActions(r),
        },
      ]}
    />
  );
}
