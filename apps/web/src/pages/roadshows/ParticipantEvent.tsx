import { CalendarOutlined, CheckOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, List, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { APPLICATION_STATUS_COLORS } from '../../components/ApplicantRanking';
import { applyApiError } from '../../components/states';
import { useTracks } from '../../lib/reference';
import { formatDateTime, formatRange } from '../../lib/time';
import { FollowUpBoard } from '../organizer/FollowUpBoard';
import { RSVP_COLORS } from '../organizer/InvestorsTab';
import type { EventView } from '../organizer/useEvent';

function ApplyCard({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ projectId: string; sessionId?: string; shareConfidential: boolean; answers?: Record<string, string> }>();
  const [banner, setBanner] = useState<string | null>(null);
  const projects = useQuery({ queryKey: ['projects', 'mine'], queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { mine: 'true', limit: 100 } } })) });
  const published = (projects.data?.items ?? []).filter((p) => p.status === 'published');
  const apply = useMutation({
    mutationFn: (v: { projectId: string; sessionId?: string; shareConfidential: boolean; answers?: Record<string, string> }) =>
      call(api.POST('/api/v1/events/{id}/applications', {
        params: { path: { id: event.id } },
        body: { projectId: v.projectId, sessionId: v.sessionId || undefined, shareConfidential: !!v.shareConfidential, answers: Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, a]) => a)) },
      })),
    onSuccess: () => {
      message.success(t('rs.apply.submittedOk'));
      void queryClient.invalidateQueries({ queryKey: ['applications', 'mine'] });
    },
    onError: (err) => setBanner(applyApiError(form, err, t)),
  });
  if (event.status !== 'open') return <Alert type="info" showIcon title={t('rs.apply.closed')} />;
  return (
    <Card title={t('rs.apply.title')} extra={event.applicationDeadline && <Typography.Text type="secondary">{t('rs.apply.deadline', { date: formatDateTime(event.applicationDeadline, event.timeZone, i18n.language) })}</Typography.Text>}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      {published.length === 0 && !projects.isPending ? (
        <Alert type="warning" showIcon title={t('rs.apply.noProject')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ shareConfidential: false, projectId: published[0]?.id }} onFinish={(v) => { setBanner(null); apply.mutate(v); }}>
          <Form.Item name="projectId" label={t('rs.apply.project')} extra={t('rs.apply.projectHint')} rules={[{ required: true, message: t('rs.apply.project') }]}>
            <Select loading={projects.isPending} options={published.map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
          {event.sessions.length > 0 && (
            <Form.Item name="sessionId" label={t('rs.apply.session')}>
              <Radio.Group>
                <Space orientation="vertical">
                  <Radio value="">{t('rs.apply.sessionAny')}</Radio>
                  {event.sessions.map((s) => <Radio key={s.id} value={s.id}>{s.title} · {formatRange(s.startsAt, s.endsAt, event.timeZone, i18n.language)}</Radio>)}
                </Space>
              </Radio.Group>
            </Form.Item>
          )}
          {event.questions.map((q) => (
            <Form.Item key={q.id} name={['answers', q.id]} label={q.label} rules={q.required ? [{ required: true, message: q.label }] : []}>
              <Input.TextArea rows={2} maxLength={q.maxLength} />
            </Form.Item>
          ))}
          <Form.Item name="shareConfidential" valuePropName="checked" extra={t('rs.apply.shareHint')}>
            <Checkbox>{t('rs.apply.share')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={apply.isPending} data-testid="apply-submit">{t('rs.apply.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}

function Agenda({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const tracks = useTracks();
  const agendas = useQuery({
    queryKey: ['agendas', event.id],
    queryFn: () => Promise.all(event.sessions.map((s) => call(api.GET('/api/v1/sessions/{id}/agenda', { params: { path: { id: s.id } } })))),
  });
  return (
    <Card title={t('rs.mine.agenda')}>
      {event.sessions.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rs.session.empty')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {event.sessions.map((s, i) => {
            const a = agendas.data?.[i];
            return (
              <div key={s.id}>
                <Space wrap>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  {s.track && <Tag color="blue">{tracks.label(s.track)}</Tag>}
                  <Typography.Text type="secondary">{formatRange(s.startsAt, s.endsAt, event.timeZone, i18n.language)}{s.room ? ` · ${s.room}` : ''}</Typography.Text>
                </Space>
                {a?.publishedAt ? (
                  <List
                    size="small"
                    dataSource={a.slots}
                    renderItem={(p) => (
                      <List.Item>
                        <Space>
                          <Tag style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRange(p.startsAt, p.endsAt, event.timeZone, i18n.language)}</Tag>
                          <span>{p.projectTitle}</span>
                          <Typography.Text type="secondary">{p.startupName}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                ) : (
                  <div><Typography.Text type="secondary">{t('rs.agenda.draft')}</Typography.Text></div>
                )}
              </div>
            );
          })}
        </Space>
      )}
    </Card>
  );
}

function Meetings({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const myOrg = me?.actingOrganization.id;
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ toOrganizationId: string; message?: string; priority: 'must' | 'would_like' }>();
  const participants = useQuery({ queryKey: ['participants', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/participants', { params: { path: { id: event.id } } })) });
  const requests = useQuery({ queryKey: ['meeting-requests', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/meeting-requests', { params: { path: { id: event.id } } })) });
  const meetings = useQuery({ queryKey: ['meetings', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/meetings', { params: { path: { id: event.id } } })) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['meeting-requests', event.id] });
  const ask = useMutation({
    mutationFn: (v: { toOrganizationId: string; message?: string; priority: 'must' | 'would_like' }) => call(api.POST('/api/v1/events/{id}/meeting-requests', { params: { path: { id: event.id } }, body: v })),
    onSuccess: () => { message.success(t('rs.mine.sent')); setAsking(false); form.resetFields(); refresh(); },
    onError: (err) => message.error(err.message),
  });
  const answer = useMutation({
    mutationFn: (v: { id: string; accept: boolean }) =>
      v.accept ? call(api.POST('/api/v1/meeting-requests/{id}/accept', { params: { path: { id: v.id } } })) : call(api.POST('/api/v1/meeting-requests/{id}/decline', { params: { path: { id: v.id } }, body: {} })),
    onSuccess: (r) => { message.success(r.status === 'accepted' ? t('rs.mine.accepted') : t('rs.mine.declined')); refresh(); },
    onError: (err) => message.error(err.message),
  });
  const mine = (participants.data?.items ?? []).some((p) => p.organizationId === myOrg);
  if (participants.isSuccess && !mine) return null;
  const others = (participants.data?.items ?? []).filter((p) => p.organizationId !== myOrg);
  const reqs = requests.data?.items ?? [];
  const ms = meetings.data?.items ?? [];
  return (
    <>
      <Card title={t('rs.mine.meetings')} extra={<Button icon={<CalendarOutlined />} href={`/api/v1/events/${event.id}/calendar.ics`} target="_blank" size="small">{t('rs.mine.download')}</Button>}>
        {ms.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rs.mine.noMeetings')} /> : (
          <List
            dataSource={ms}
            data-testid="my-meetings"
            renderItem={(m) => (
              <List.Item>
                <Space wrap>
                  <Tag color="blue" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRange(m.startsAt, m.endsAt, event.timeZone, lang)}</Tag>
                  <Typography.Text strong>{m.fromOrganizationId === myOrg ? m.toName : m.fromName}</Typography.Text>
                  <Typography.Text type="secondary">{t('rs.grid.table', { table: m.table })}</Typography.Text>
                  {m.projectTitle && <Tag>{m.projectTitle}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('rs.mine.requests')} extra={<Button type="primary" size="small" onClick={() => setAsking(true)} disabled={others.length === 0} data-testid="request-meeting">{t('rs.mine.request')}</Button>} styles={{ body: { padding: reqs.length ? 0 : undefined } }}>
        {reqs.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rs.mine.noRequests')} /> : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={reqs}
            scroll={{ x: 560 }}
            columns={[
              { title: '', key: 'dir', width: 70, render: (_: unknown, r: Schemas['MeetingRequestView']) => <Tag>{r.toOrganizationId === myOrg ? t('rs.mine.incoming') : t('rs.mine.outgoing')}</Tag> },
              { title: t('rs.mine.with'), key: 'w', render: (_: unknown, r: Schemas['MeetingRequestView']) => <Typography.Text strong>{r.toOrganizationId === myOrg ? r.fromName : r.toName}</Typography.Text> },
              { title: t('rs.requests.priority'), dataIndex: 'priority', render: (p: string) => <Tag color={p === 'must' ? 'red' : 'default'}>{t(`rs.priority.${p}`)}</Tag> },
              { title: t('rs.requests.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`rs.requestStatus.${s}`)}</Tag> },
              {
                title: '', key: 'a', width: 170,
                render: (_: unknown, r: Schemas['MeetingRequestView']) => r.status === 'pending' && r.toOrganizationId === myOrg && (
                  <Space size={4}>
                    <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => answer.mutate({ id: r.id, accept: true })} data-testid="accept-request">{t('rs.mine.accept')}</Button>
                    <Button size="small" icon={<CloseOutlined />} onClick={() => answer.mutate({ id: r.id, accept: false })}>{t('rs.mine.decline')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal open={asking} title={t('rs.mine.requestTitle')} onCancel={() => setAsking(false)} onOk={() => form.submit()} confirmLoading={ask.isPending} okText={t('rs.mine.request')}>
        <Form form={form} layout="vertical" initialValues={{ priority: 'would_like' }} onFinish={(v) => ask.mutate(v)}>
          <Form.Item name="toOrganizationId" label={t('rs.mine.to')} rules={[{ required: true, message: t('rs.mine.to') }]}>
            <Select showSearch optionFilterProp="label" options={others.map((p) => ({ value: p.organizationId, label: `${p.name} · ${t(`rs.role.${p.role}`)}` }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('rs.mine.priority')}>
            <Radio.Group options={[{ value: 'must', label: t('rs.priority.must') }, { value: 'would_like', label: t('rs.priority.would_like') }]} />
          </Form.Item>
          <Form.Item name="message" label={t('rs.mine.message')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function MyInvitation({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: ['invitations', event.id], queryFn: () => call(api.GET('/api/v1/events/{id}/invitations', { params: { path: { id: event.id } } })) });
  const rsvp = useMutation({
    mutationFn: (v: { id: string; status: 'accepted' | 'declined' }) => call(api.POST('/api/v1/invitations/{id}/rsvp', { params: { path: { id: v.id } }, body: { status: v.status } })),
    onSuccess: () => { message.success(t('rs.mine.rsvpOk')); void queryClient.invalidateQueries({ queryKey: ['invitations', event.id] }); },
    onError: (err) => message.error(err.message),
  });
  const inv = invitations.data?.items[0];
  if (!inv) return null;
  return (
    <Card title={t('rs.investors.invitations')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('rs.investors.rsvp')}><Tag color={RSVP_COLORS[inv.status]}>{t(`rs.rsvp.${inv.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('rs.mine.myCode')}><Typography.Text code copyable style={{ fontSize: 18, letterSpacing: 2 }}>{inv.checkInCode}</Typography.Text></Descriptions.Item>
      </Descriptions>
      <Space>
        <Button type="primary" disabled={inv.status === 'accepted'} onClick={() => rsvp.mutate({ id: inv.id, status: 'accepted' })}>{t('rs.mine.rsvpAccept')}</Button>
        <Button disabled={inv.status === 'declined'} onClick={() => rsvp.mutate({ id: inv.id, status: 'declined' })}>{t('rs.mine.rsvpDecline')}</Button>
      </Space>
    </Card>
  );
}

/** The event as a founder or investor sees it: apply, the agenda, invitations, meeting requests and meetings, follow-ups. */
export function ParticipantEvent({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const { persona } = useSession();
  const mine = useQuery({ queryKey: ['applications', 'mine'], queryFn: () => call(api.GET('/api/v1/applications')), enabled: persona === 'founder' });
  const application = (mine.data?.items ?? []).find((a) => a.eventId === event.id && a.status !== 'withdrawn');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {event.description && <Card><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.description}</Typography.Paragraph></Card>}
          {persona === 'founder' && (application ? (
            <Card title={t('rs.mine.applications')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('rs.mine.project')}>{application.projectTitle}</Descriptions.Item>
                <Descriptions.Item label={t('rs.mine.status')}><Tag color={APPLICATION_STATUS_COLORS[application.status]} data-testid="my-application-status">{t(`rs.applicationStatus.${application.status}`)}</Tag></Descriptions.Item>
                {application.decisionReason && <Descriptions.Item label={t('rs.mine.reason')}>{application.decisionReason}</Descriptions.Item>}
              </Descriptions>
            </Card>
          ) : mine.isSuccess && <ApplyCard event={event} />)}
          {persona === 'investor' && <MyInvitation event={event} />}
          <Meetings event={event} />
        </Space>
      </Col>
      <Col xs={24} lg={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Agenda event={event} />
          <Card title={t('rs.followUps.title')} size="small"><FollowUpBoard eventId={event.id} compact /></Card>
        </Space>
      </Col>
    </Row>
  );
}
