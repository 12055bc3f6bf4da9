import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client';
import { applyApiError, EmptyState, ErrorState, PageLoading } from '../../components/states';
import { fenToWan, wanToFen } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { enumOptions, QUALIFICATION_KINDS } from '../../lib/reference';
import { useMyStartup } from './useMyStartup';

const COUNTS = ['headcount', 'techStaff', 'rdStaff'] as const;
const MONEY = ['revenue', 'mainBusinessRevenue', 'highTechRevenue', 'totalCosts', 'rdSpend', 'rdSpendInChina', 'totalAssets', 'liabilities', 'newEquityRaised'] as const;
const IP_TYPES = ['invention_patent', 'utility_model', 'design', 'software_copyright', 'new_plant_variety', 'ic_layout', 'national_new_drug', 'protected_tcm_1', 'trademark'] as const;
const THIS_YEAR = new Date().getFullYear();

function FiscalYears({ startupId }: { startupId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(THIS_YEAR - 1);
  const [form] = Form.useForm<Record<string, number | null>>();
  const [banner, setBanner] = useState<string | null>(null);
  const years = useQuery({ queryKey: ['fiscal-years', startupId], queryFn: () => call(api.GET('/api/v1/startups/{id}/fiscal-years', { params: { path: { id: startupId } } })) });
  const current = years.data?.find((y) => y.year === year);
  useEffect(() => {
    form.resetFields();
    if (current) form.setFieldsValue({ ...Object.fromEntries(COUNTS.map((k) => [k, current[k] ?? null])), ...Object.fromEntries(MONEY.map((k) => [k, fenToWan(current[k])])) });
  }, [current, form, year]);
  const save = useMutation({
    mutationFn: (v: Record<string, number | null>) =>
      call(api.PUT('/api/v1/startups/{id}/fiscal-years/{year}', {
        params: { path: { id: startupId, year } },
        body: { ...Object.fromEntries(COUNTS.map((k) => [k, v[k] ?? null])), ...Object.fromEntries(MONEY.map((k) => [k, v[k] == null ? null : wanToFen(v[k])])) },
      })),
    onSuccess: () => {
      message.success(t('figures.savedOk', { year }));
      setBanner(null);
      void queryClient.invalidateQueries({ queryKey: ['fiscal-years', startupId] });
      void queryClient.invalidateQueries({ queryKey: ['qualification'] });
    },
    onError: (err) => setBanner(applyApiError(form, err, t)),
  });
  if (years.isPending) return <PageLoading />;
  if (years.isError) return <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <span>{t('figures.year')}</span>
        <Select value={year} onChange={setYear} style={{ width: 120 }} options={[0, 1, 2, 3].map((d) => ({ value: THIS_YEAR - d, label: `${THIS_YEAR - d}` }))} />
        {years.data.map((y) => <Tag key={y.year} color={y.year === year ? 'blue' : 'default'}>{t('figures.filed', { year: y.year })}</Tag>)}
      </Space>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          {COUNTS.map((k) => (
            <Col key={k} xs={24} sm={12} md={8}>
              <Form.Item name={k} label={t(`figures.field.${k}`)}><InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter={t('figures.people')} /></Form.Item>
            </Col>
          ))}
          {MONEY.map((k) => (
            <Col key={k} xs={24} sm={12} md={8}>
              <Form.Item name={k} label={t(`figures.field.${k}`)}><InputNumber min={0} precision={2} style={{ width: '100%' }} addonAfter={t('common.unitWan')} /></Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
    </>
  );
}

function IpItems({ startupId }: { startupId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ type: (typeof IP_TYPES)[number]; number: string; title?: string; tiedToMainProduct: boolean; grantedOn?: Dayjs }>();
  const items = useQuery({ queryKey: ['ip-items', startupId], queryFn: () => call(api.GET('/api/v1/startups/{id}/ip-items', { params: { path: { id: startupId } } })) });
  const refresh = () => { void queryClient.invalidateQueries({ queryKey: ['ip-items', startupId] }); void queryClient.invalidateQueries({ queryKey: ['qualification'] }); };
  const add = useMutation({
    mutationFn: (v: { type: (typeof IP_TYPES)[number]; number: string; title?: string; tiedToMainProduct: boolean; grantedOn?: Dayjs }) =>
      call(api.POST('/api/v1/startups/{id}/ip-items', { params: { path: { id: startupId } }, body: { type: v.type, number: v.number, status: 'valid', title: v.title || null, tiedToMainProduct: v.tiedToMainProduct, grantedOn: v.grantedOn ? v.grantedOn.format('YYYY-MM-DD') : null } })),
    onSuccess: () => { message.success(t('figures.ipAdded')); form.resetFields(); refresh(); },
    onError: (err) => message.error(applyApiError(form, err, t)),
  });
  const remove = useMutation({
    mutationFn: (itemId: string) => call(api.DELETE('/api/v1/startups/{id}/ip-items/{itemId}', { params: { path: { id: startupId, itemId } } })),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  return (
    <>
      <Form form={form} layout="inline" initialValues={{ type: 'invention_patent', tiedToMainProduct: true }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="type"><Select style={{ width: 160 }} options={enumOptions(t, 'figures.ipType', IP_TYPES)} /></Form.Item>
        <Form.Item name="number" rules={[{ required: true, message: t('figures.ipNumber') }]}><Input placeholder={t('figures.ipNumber')} style={{ width: 190 }} /></Form.Item>
        <Form.Item name="title"><Input placeholder={t('figures.ipTitle')} style={{ width: 220 }} /></Form.Item>
        <Form.Item name="grantedOn"><DatePicker placeholder={t('figures.grantedOn')} /></Form.Item>
        <Form.Item name="tiedToMainProduct" valuePropName="checked"><Checkbox>{t('figures.tied')}</Checkbox></Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>{t('figures.add')}</Button>
      </Form>
      {items.isPending ? <PageLoading /> : items.isError ? <ErrorState error={items.error} /> : items.data.length === 0 ? <EmptyState title={t('figures.noIp')} /> : (
        <Table<Schemas['IpItemView']>
          rowKey="id" size="small" pagination={false} dataSource={items.data} scroll={{ x: 640 }}
          columns={[
            { title: t('figures.ipTypeLabel'), dataIndex: 'type', render: (v: string) => t(`figures.ipType.${v}`) },
            { title: t('figures.ipNumber'), dataIndex: 'number' },
            { title: t('figures.ipTitle'), dataIndex: 'title', render: (v?: string | null) => v ?? '—' },
            { title: t('figures.tied'), dataIndex: 'tiedToMainProduct', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
            { title: '', key: 'a', width: 60, render: (_: unknown, i) => <Popconfirm title={t('figures.removeConfirm')} onConfirm={() => remove.mutate(i.id)}><Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} /></Popconfirm> },
          ]}
        />
      )}
    </>
  );
}

function Qualifications({ startupId }: { startupId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind: (typeof QUALIFICATION_KINDS)[number]; certificateNumber?: string; validity?: [Dayjs, Dayjs] }>();
  const items = useQuery({ queryKey: ['qualifications', startupId], queryFn: () => call(api.GET('/api/v1/startups/{id}/qualifications', { params: { path: { id: startupId } } })) });
  const refresh = () => { void queryClient.invalidateQueries({ queryKey: ['qualifications', startupId] }); void queryClient.invalidateQueries({ queryKey: ['qualification'] }); };
  const add = useMutation({
    mutationFn: (v: { kind: (typeof QUALIFICATION_KINDS)[number]; certificateNumber?: string; validity?: [Dayjs, Dayjs] }) =>
      call(api.POST('/api/v1/startups/{id}/qualifications', { params: { path: { id: startupId } }, body: { kind: v.kind, certificateNumber: v.certificateNumber || null, validFrom: v.validity?.[0]?.format('YYYY-MM-DD') ?? null, validUntil: v.validity?.[1]?.format('YYYY-MM-DD') ?? null } })),
    onSuccess: () => { message.success(t('figures.qualificationAdded')); form.resetFields(); refresh(); },
    onError: (err) => message.error(applyApiError(form, err, t, { validFrom: ['validity'], validUntil: ['validity'] })),
  });
  const remove = useMutation({
    mutationFn: (qualificationId: string) => call(api.DELETE('/api/v1/startups/{id}/qualifications/{qualificationId}', { params: { path: { id: startupId, qualificationId } } })),
    onSuccess: refresh,
    onError: (err) => message.error(err.message),
  });
  return (
    <>
      <Form form={form} layout="inline" initialValues={{ kind: 'tech_sme' }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="kind"><Select style={{ width: 200 }} options={enumOptions(t, 'qualificationKind', QUALIFICATION_KINDS)} /></Form.Item>
        <Form.Item name="certificateNumber"><Input placeholder={t('figures.certificate')} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="validity"><DatePicker.RangePicker placeholder={[t('figures.validFrom'), t('figures.validUntil')]} /></Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>{t('figures.add')}</Button>
      </Form>
      {items.isPending ? <PageLoading /> : items.isError ? <ErrorState error={items.error} /> : items.data.length === 0 ? <EmptyState title={t('figures.noQualifications')} /> : (
        <Table<Schemas['QualificationHeldView']>
          rowKey="id" size="small" pagination={false} dataSource={items.data} scroll={{ x: 560 }}
          columns={[
            { title: t('figures.kind'), dataIndex: 'kind', render: (v: string) => <Tag color="gold">{t(`qualificationKind.${v}`)}</Tag> },
            { title: t('figures.certificate'), dataIndex: 'certificateNumber', render: (v?: string | null) => v ?? '—' },
            { title: t('figures.validity'), key: 'v', render: (_: unknown, q) => `${q.validFrom ?? '—'} ~ ${q.validUntil ?? '—'}` },
            { title: '', key: 'a', width: 60, render: (_: unknown, q) => <Popconfirm title={t('figures.removeConfirm')} onConfirm={() => remove.mutate(q.id)}><Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} /></Popconfirm> },
          ]}
        />
      )}
    </>
  );
}

/** The company wizard's second half: yearly figures, IP and qualifications — what the qualification report reads. */
export function CompanyFiguresPage() {
  const { t } = useTranslation();
  const startup = useMyStartup();
  if (startup.isPending) return <Card><PageLoading /></Card>;
  if (startup.isError) return <Card><ErrorState error={startup.error} /></Card>;
  if (!startup.data) return <Card><EmptyState title={t('company.empty')} hint={t('company.emptyHint')} /></Card>;
  const id = startup.data.id;
  return (
    <>
      <PageHeader title={t('figures.title')} intro={t('figures.intro')} />
      <Card>
        <Tabs
          items={[
            { key: 'years', label: t('figures.tabYears'), children: <FiscalYears startupId={id} /> },
            { key: 'ip', label: t('figures.tabIp'), children: <IpItems startupId={id} /> },
            { key: 'q', label: t('figures.tabQualifications'), children: <Qualifications startupId={id} /> },
          ]}
        />
      </Card>
    </>
  );
}
