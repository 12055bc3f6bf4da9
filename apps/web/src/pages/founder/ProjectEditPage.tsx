import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { applyApiError, ErrorState, PageLoading } from '../../components/states';
import { fenToWan, formatDate, wanToFen } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { enumOptions, INSTRUMENTS, PROJECT_KINDS, STAGES } from '../../lib/reference';
import { STATUS_COLORS } from './ProjectsPage';
import { useMyStartup } from './useMyStartup';

type Project = Schemas['ProjectView'];
type Stage = Schemas['ProjectInputDto']['stage'];
type Kind = NonNullable<Schemas['ProjectInputDto']['kind']>;
type Instrument = NonNullable<Schemas['ProjectInputDto']['instruments']>[number];
const PITCH = ['problem', 'product', 'technology', 'team', 'traction', 'market', 'competition'] as const;

interface Values {
  title: string;
  kind: Kind;
  stage: Stage;
  amountWan?: number;
  instruments: Instrument[];
  useOfFunds?: string;
  keywords: string[];
  trl?: number;
  pitch: Partial<Record<(typeof PITCH)[number], string>>;
}

function toBody(v: Values) {
  const pitch = Object.fromEntries(PITCH.map((k) => [k, v.pitch?.[k]?.trim() ?? '']).filter(([, x]) => x));
  return {
    title: v.title.trim(),
    kind: v.kind,
    stage: v.stage,
    instruments: v.instruments ?? [],
    keywords: v.keywords ?? [],
    pitch,
    ...(v.amountWan != null ? { amountSought: wanToFen(v.amountWan) } : {}),
    ...(v.useOfFunds?.trim() ? { useOfFunds: v.useOfFunds.trim() } : {}),
    ...(v.trl != null ? { trl: v.trl } : {}),
  };
}

export function ProjectEditPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const startup = useMyStartup();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const project = useQuery({
    queryKey: ['project', id],
    queryFn: () => call(api.GET('/api/v1/projects/{id}', { params: { path: { id: id! } } })),
    enabled: !isNew,
  });

  useEffect(() => {
    const p = project.data;
    if (p) {
      form.setFieldsValue({
        title: p.title, kind: p.kind, stage: p.stage, amountWan: fenToWan(p.amountSought) ?? undefined,
        instruments: p.instruments as Instrument[], useOfFunds: p.useOfFunds ?? undefined, keywords: p.keywords, trl: p.trl ?? undefined,
        pitch: p.pitch,
      });
    }
  }, [project.data, form]);

  const onSaved = (p: Project, text: string) => {
    queryClient.setQueryData(['project', p.id], p);
    void queryClient.invalidateQueries({ queryKey: ['projects'] });
    setError(null);
    message.success(text);
  };
  const fail = (err: unknown) => setError(applyApiError(form, err, t, { amountSought: ['amountWan'] }));

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (isNew) return call(api.POST('/api/v1/projects', { body: { ...toBody(v), startupId: startup.data!.id } }));
      return call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: id! } }, body: { ...toBody(v), version: project.data!.version } }));
    },
    onSuccess: (p) => {
      onSaved(p, isNew ? t('project.createdOk') : t('project.savedOk'));
      if (isNew) navigate(`/projects/${p.id}`, { replace: true });
    },
    onError: fail,
  });

  const publish = useMutation({
    mutationFn: async () => {
      // Save what is on screen first, so the published version is what the founder sees.
      const v = await form.validateFields();
      const saved = await call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: id! } }, body: { ...toBody(v), version: project.data!.version } }));
      queryClient.setQueryData(['project', saved.id], saved);
      return call(api.POST('/api/v1/projects/{id}/publish', { params: { path: { id: id! } } }));
    },
    onSuccess: (p) => onSaved(p, t('project.publishedOk')),
    onError: (err) => {
      void queryClient.invalidateQueries({ queryKey: ['project', id] });
      if (!(err && typeof err === 'object' && 'errorFields' in err)) fail(err);
    },
  });

  if (startup.isPending || (!isNew && project.isPending)) return <PageLoading />;
  if (!isNew && project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;

  return (
    <>
      <PageHeader
        title={
          <Space>
            {isNew ? t('project.createTitle') : p?.title}
            {p && <Tag color={STATUS_COLORS[p.status]}>{t(`projectStatus.${p.status}`)}</Tag>}
          </Space>
        }
        intro={p?.publishedAt ? `${t('project.publishedAt')} ${formatDate(p.publishedAt, i18n.language)}` : startup.data?.legalName}
        extra={
          <Space>
            <Button onClick={() => navigate('/projects')}>{t('common.back')}</Button>
            {p?.status === 'draft' && (
              <Popconfirm title={t('project.publishConfirm')} onConfirm={() => publish.mutate()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="publish">{t('project.publish')}</Button>
              </Popconfirm>
            )}
            {p?.status === 'published' && <Tag icon={<CheckCircleOutlined />} color="success" style={{ padding: '4px 10px' }}>{t('project.published')}</Tag>}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional"
        initialValues={{ kind: 'financing_round', stage: 'angel', instruments: ['equity'], keywords: [], pitch: {} }}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card title={t('company.basics')} style={{ marginBottom: 16 }}>
              <Form.Item name="title" label={t('project.name')} rules={[{ required: true, max: 200 }]}>
                <Input placeholder="北斗农机自动导航系统 A 轮" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="kind" label={t('project.kind')} rules={[{ required: true }]}>
                    <Select options={enumOptions(t, 'projectKind', PROJECT_KINDS)} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="stage" label={t('project.stage')} rules={[{ required: true }]}>
                    <Select options={enumOptions(t, 'stage', STAGES)} data-testid="project-stage" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="amountWan" label={t('project.amountSought')}>
                    <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} suffix={t('common.unitWan')} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="trl" label={t('project.trl')}>
                    <InputNumber min={1} max={9} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="instruments" label={t('project.instruments')}>
                <Select mode="multiple" options={enumOptions(t, 'instrument', INSTRUMENTS)} />
              </Form.Item>
              <Form.Item name="keywords" label={t('project.keywords')} extra={t('project.keywordsHint')}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} data-testid="project-keywords" />
              </Form.Item>
              <Form.Item name="useOfFunds" label={t('project.useOfFunds')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('project.pitch')} style={{ marginBottom: 16 }}>
              {PITCH.map((k) => (
                <Form.Item key={k} name={['pitch', k]} label={t(`project.${k}`)} required={k === 'problem' || k === 'product'}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
                </Form.Item>
              ))}
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} size="large">{isNew ? t('common.create') : t('common.save')}</Button>
      </Form>
    </>
  );
}
