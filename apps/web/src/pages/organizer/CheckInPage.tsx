import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { ErrorState, PageLoading } from '../../components/states';
import { formatTime } from '../../lib/time';
import { useEvent } from './useEvent';

/** The check-in desk: type (or scan into) the attendee's 8-character code. Built for a phone held at the door. */
export function CheckInPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const event = useEvent(id);
  const [form] = Form.useForm<{ code: string }>();
  const [last, setLast] = useState<Schemas['EventInvitationView'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invitations = useQuery({ queryKey: ['invitations', id], queryFn: () => call(api.GET('/api/v1/events/{id}/invitations', { params: { path: { id: id! } } })), enabled: !!id });
  const checkIn = useMutation({
    mutationFn: (code: string) => call(api.POST('/api/v1/events/{id}/check-in', { params: { path: { id: id! } }, body: { code } })),
    onSuccess: (inv) => {
      setLast(inv);
      setError(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['invitations', id] });
    },
    onError: (err) => { setLast(null); setError(err.message); },
  });
  if (event.isPending) return <PageLoading />;
  if (event.isError) return <ErrorState error={event.error} />;
  const e = event.data;
  const items = invitations.data?.items ?? [];
  const arrived = items.filter((i) => i.checkedInAt).length;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} className="check-in-desk">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/events/${e.id}`)} style={{ paddingInline: 0, maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}>{e.title}</Button>
      <Typography.Title level={3} style={{ marginTop: 4 }}>{t('rs.checkIn.title')}</Typography.Title>
      <Card>
        <Form form={form} layout="vertical" onFinish={(v) => checkIn.mutate(v.code.trim().toUpperCase())}>
          <Form.Item name="code" label={t('rs.checkIn.code')} rules={[{ required: true, message: t('rs.checkIn.codeRequired') }]} style={{ marginBottom: 12 }}>
            <Input size="large" autoFocus autoComplete="off" maxLength={16} placeholder="ABCD2345" style={{ fontSize: 24, letterSpacing: 4, textAlign: 'center', fontFamily: 'ui-monospace, monospace' }} data-testid="check-in-code" />
          </Form.Item>
          <Button type="primary" size="large" block htmlType="submit" loading={checkIn.isPending} data-testid="check-in-submit">{t('rs.checkIn.submit')}</Button>
        </Form>
        {last && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            message={<Typography.Text strong style={{ fontSize: 16 }} data-testid="checked-in-name">{last.investorName}</Typography.Text>}
            description={t('rs.checkIn.welcome', { time: formatTime(last.checkedInAt, e.timeZone, i18n.language) })}
          />
        )}
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="check-in-error" />}
      </Card>
      <Card style={{ marginTop: 16 }} title={<Space>{t('rs.checkIn.arrivals')}<Tag>{arrived} / {items.length}</Tag></Space>}>
        {items.length > 0 && <Progress percent={Math.round((arrived / items.length) * 100)} style={{ marginBottom: 8 }} />}
        <List
          dataSource={items}
          locale={{ emptyText: t('rs.investors.noInvitations') }}
          renderItem={(inv) => (
            <List.Item extra={inv.checkedInAt ? <Tag color="success">{formatTime(inv.checkedInAt, e.timeZone, i18n.language)}</Tag> : <Tag>{t('rs.checkIn.notYet')}</Tag>}>
              <Typography.Text strong={!!inv.checkedInAt}>{inv.investorName}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
