import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { RegionCascader } from '../../components/RegionCascader';
import { TimeRange } from '../../components/TimeRange';
import { applyApiError } from '../../components/states';
import { PageHeader } from '../../lib/page';
import { DEFAULT_TZ, wallToIso } from '../../lib/time';

interface Values {
  title: string;
  description?: string;
  venue?: string;
  regionCode?: string;
  timeZone: string;
  date: Dayjs;
  hours: [Dayjs, Dayjs];
  deadline?: Dayjs;
  capacity?: number;
  visibility: 'public' | 'unlisted';
  questions?: { label: string; required?: boolean }[];
}

export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Europe/London', 'America/New_York'];

export function EventCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: Values) => {
      const tz = v.timeZone;
      const body: Schemas['CreateEventDto'] = {
        title: v.title,
        description: v.description || undefined,
        venue: v.venue || undefined,
        regionCode: v.regionCode || undefined,
        timeZone: tz,
        startsAt: wallToIso(v.date, v.hours[0], tz),
        endsAt: wallToIso(v.date, v.hours[1], tz),
        applicationDeadline: v.deadline ? wallToIso(v.deadline, v.deadline.hour(23).minute(59), tz) : undefined,
        capacity: v.capacity ?? undefined,
        visibility: v.visibility,
        questions: (v.questions ?? []).filter((q) => q?.label).map((q, i) => ({ id: `q${i + 1}`, label: q.label, required: !!q.required, maxLength: 1000 })),
      };
      return call(api.POST('/api/v1/events', { body }));
    },
    onSuccess: (e) => {
      message.success(t('rs.create.createdOk'));
      navigate(`/events/${e.id}`);
    },
    onError: (err) => setBanner(applyApiError(form, err, t, { startsAt: ['hours'], endsAt: ['hours'], applicationDeadline: ['deadline'] })),
  });

  return (
    <>
      <PageHeader title={t('rs.create.title')} intro={t('rs.create.intro')} />
      <Card>
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} closable onClose={() => setBanner(null)} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ timeZone: DEFAULT_TZ, visibility: 'public', questions: [] }}
          onFinish={(v) => { setBanner(null); create.mutate(v); }}
          style={{ maxWidth: 880 }}
        >
          <Form.Item name="title" label={t('rs.create.name')} rules={[{ required: true, message: t('rs.create.nameRequired') }, { max: 200 }]}>
            <Input placeholder={t('rs.create.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="description" label={t('rs.create.description')}>
            <Input.TextArea rows={3} placeholder={t('rs.create.descriptionPlaceholder')} maxLength={10000} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="date" label={t('rs.create.date')} rules={[{ required: true, message: t('rs.create.dateRequired') }]}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="hours" label={t('rs.create.hours')} rules={[{ required: true, message: t('rs.create.hoursRequired') }]}>
                <TimeRange />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="timeZone" label={t('rs.create.timeZone')}>
                <Select options={TIME_ZONES.map((z) => ({ value: z, label: t(`rs.tz.${z.replace('/', '_')}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={t('rs.create.region')} extra={t('rs.create.regionHint')}>
                <RegionCascader anyLevel data-testid="event-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="venue" label={t('rs.create.venue')}>
                <Input placeholder={t('rs.create.venuePlaceholder')} maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="deadline" label={t('rs.create.deadline')} extra={t('rs.create.deadlineHint')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="capacity" label={t('rs.create.capacity')} extra={t('rs.create.capacityHint')}>
                <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="visibility" label={t('rs.create.visibility')}>
            <Radio.Group
              options={[
                { value: 'public', label: t('rs.visibility.public') },
                { value: 'unlisted', label: t('rs.visibility.unlisted') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('rs.create.questions')} extra={t('rs.create.questionsHint')}>
            <Form.List name="questions">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ width: '100%' }} wrap>
                      <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: t('rs.create.questionRequired') }]} style={{ marginBottom: 0, minWidth: 420 }}>
                        <Input placeholder={t('rs.create.questionPlaceholder')} maxLength={300} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                        <Checkbox>{t('rs.create.questionMandatory')}</Checkbox>
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ label: '', required: false })} data-testid="add-question">{t('rs.create.addQuestion')}</Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('rs.create.submit')}</Button>
            <Button onClick={() => navigate('/events')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
