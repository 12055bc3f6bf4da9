import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { applyApiError, ErrorState, PageLoading } from '../../components/states';
import { DEFAULT_WEIGHTS, WeightSliders, type Weights } from '../../components/WeightSliders';
import { fenToWan, wanToFen } from '../../lib/format';
import { PageHeader } from '../../lib/page';
import { enumOptions, INSTRUMENTS, QUALIFICATION_KINDS, STAGES, useTracks } from '../../lib/reference';
import { RegionCascader } from '../../components/RegionCascader';

type Create = Schemas['CreateMandateDto'];

interface Values {
  name: string;
  status?: 'active' | 'paused';
  instruments: Create['instruments'];
  stages: NonNullable<Create['stages']>;
  tracks: NonNullable<Create['tracks']>;
  ticketMinWan: number;
  ticketMaxWan: number;
  regions: string[];
  preferredRegions: string[];
  requiredQualifications: NonNullable<Create['requiredQualifications']>;
  minTrl?: number | null;
  thesis?: string;
  thesisKeywords: string[];
  weights: Weights;
  discoverable: boolean;
  hideNameOnPass: boolean;
}

const REGION = /^\d{2}(\d{2}){0,2}$/;

function toBody(v: Values): Create {
  return {
    name: v.name.trim(),
    instruments: v.instruments,
    stages: v.stages ?? [],
    tracks: v.tracks ?? [],
    ticketMin: wanToFen(v.ticketMinWan)!,
    ticketMax: wanToFen(v.ticketMaxWan)!,
    regions: v.regions ?? [],
    preferredRegions: v.preferredRegions ?? [],
    requiredQualifications: v.requiredQualifications ?? [],
    minTrl: v.minTrl ?? null,
    thesis: v.thesis?.trim() ?? '',
    thesisKeywords: v.thesisKeywords ?? [],
    weights: v.weights,
    discoverable: !!v.discoverable,
    hideNameOnPass: !!v.hideNameOnPass,
  };
}

export function MandateEditPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tracks = useTracks();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const mandate = useQuery({
    queryKey: ['mandate', id],
    queryFn: () => call(api.GET('/api/v1/mandates/{id}', { params: { path: { id: id! } } })),
    enabled: !isNew,
  });

  useEffect(() => {
    const m = mandate.data;
    if (!m) return;
    form.setFieldsValue({
      name: m.name, status: m.status, instruments: m.instruments as Values['instruments'], stages: m.stages as Values['stages'],
      tracks: m.tracks as Values['tracks'], ticketMinWan: fenToWan(m.ticketMin)!, ticketMaxWan: fenToWan(m.ticketMax)!, regions: m.regions,
      preferredRegions: m.preferredRegions, requiredQualifications: m.requiredQualifications as Values['requiredQualifications'],
      minTrl: m.minTrl, thesis: m.thesis, thesisKeywords: m.thesisKeywords,
      weights: {
        early: Math.round(m.weights.early * 100), small: Math.round(m.weights.small * 100), hardTech: Math.round(m.weights.hardTech * 100),
        innovation: Math.round(m.weights.innovation * 100), fit: Math.round(m.weights.fit * 100),
      },
      discoverable: m.discoverable, hideNameOnPass: m.hideNameOnPass,
    });
  }, [mandate.data, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (isNew) return call(api.POST('/api/v1/mandates', { body: toBody(v) }));
      return call(api.PATCH('/api/v1/mandates/{id}', {
        params: { path: { id: id! } },
        body: { ...toBody(v), version: mandate.data!.version, ...(v.status ? { status: v.status } : {}) },
      }));
    },
    onSuccess: (m) => {
      queryClient.setQueryData(['mandate', m.id], m);
      void queryClient.invalidateQueries({ queryKey: ['mandates'] });
      void queryClient.invalidateQueries({ queryKey: ['deal-flow', m.id] });
      setError(null);
      message.success(isNew ? t('mandate.createdOk') : t('mandate.savedOk'));
      navigate(isNew ? `/mandates/${m.id}/deal-flow` : `/mandates/${m.id}`, { replace: isNew });
    },
    onError: (err) => setError(applyApiError(form, err, t, { ticketMin: ['ticketMinWan'], ticketMax: ['ticketMaxWan'] })),
  });

  if (!isNew && mandate.isPending) return <PageLoading />;
  if (!isNew && mandate.isError) return <ErrorState error={mandate.error} onRetry={() => void mandate.refetch()} />;

  const regionRule = { validator: (_: unknown, v: string[] = []) => (v.every((c) => REGION.test(c)) ? Promise.resolve() : Promise.reject(new Error(t('mandate.regionsHint')))) };
  return (
    <>
      <PageHeader
        title={isNew ? t('mandate.new') : mandate.data?.name}
        extra={
          <Space>
            <Button onClick={() => navigate('/mandates')}>{t('common.back')}</Button>
            {!isNew && <Button onClick={() => navigate(`/mandates/${id}/deal-flow`)}>{t('mandate.openDealFlow')}</Button>}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={(v) => save.mutate(v)}
        initialValues={{ instruments: ['equity'], stages: [], tracks: [], regions: [], preferredRegions: [], requiredQualifications: [], thesisKeywords: [], weights: DEFAULT_WEIGHTS, discoverable: true, hideNameOnPass: false }}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card title={t('mandate.section.basics')} style={{ marginBottom: 16 }}>
              <Form.Item name="name" label={t('mandate.name')} rules={[{ required: true, max: 200 }]}>
                <Input placeholder={t('mandate.namePlaceholder')} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="instruments" label={t('mandate.instruments')} rules={[{ required: true, type: 'array', min: 1 }]}>
                    <Select mode="multiple" options={enumOptions(t, 'instrument', INSTRUMENTS)} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="stages" label={t('mandate.stages')} extra={t('common.anyHint')}>
                    <Select mode="multiple" options={enumOptions(t, 'stage', STAGES)} placeholder={t('common.any')} data-testid="mandate-stages" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="ticketMinWan" label={t('mandate.ticketMin')} rules={[{ required: true }]}>
                    <InputNumber min={0} style={{ width: '100%' }} suffix={t('common.unitWan')} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="ticketMaxWan" label={t('mandate.ticketMax')} dependencies={['ticketMinWan']}
                    rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v == null || v >= (getFieldValue('ticketMinWan') ?? 0) ? Promise.resolve() : Promise.reject(new Error(`≥ ${t('mandate.ticketMin')}`))) })]}>
                    <InputNumber min={0} style={{ width: '100%' }} suffix={t('common.unitWan')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="tracks" label={t('mandate.tracks')}>
                <Select mode="multiple" options={tracks.options} placeholder={t('common.any')} showSearch={{ optionFilterProp: 'label' }} data-testid="mandate-tracks" />
              </Form.Item>
              <Form.Item name="thesis" label={t('mandate.thesis')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
              </Form.Item>
              <Form.Item name="thesisKeywords" label={t('mandate.thesisKeywords')} extra={t('project.keywordsHint')}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Card>
            <Card title={t('mandate.section.constraints')} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="regions" label={t('mandate.regions')} extra={t('region.mandateHint')} rules={[regionRule]}>
                    <RegionCascader multiple data-testid="mandate-regions" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="preferredRegions" label={t('mandate.preferredRegions')} rules={[regionRule]}>
                    <RegionCascader multiple data-testid="mandate-preferred-regions" />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="requiredQualifications" label={t('mandate.requiredQualifications')}>
                    <Select mode="multiple" options={enumOptions(t, 'qualificationKind', QUALIFICATION_KINDS)} placeholder={t('common.none')} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="minTrl" label={t('mandate.minTrl')}>
                    <InputNumber min={1} max={9} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('mandate.weights')} style={{ marginBottom: 16 }}>
              <p style={{ color: '#64748b', marginTop: 0 }}>{t('mandate.weightsHint')}</p>
              <Form.Item name="weights" noStyle>
                <WeightSliders />
              </Form.Item>
            </Card>
            <Card style={{ marginBottom: 16 }}>
              {!isNew && (
                <Form.Item name="status" label={t('mandate.status')}>
                  <Select options={[{ value: 'active', label: t('mandate.statusValue.active') }, { value: 'paused', label: t('mandate.statusValue.paused') }]} />
                </Form.Item>
              )}
              <Form.Item name="discoverable" valuePropName="checked" label={t('mandate.discoverable')}>
                <Switch />
              </Form.Item>
              <Form.Item name="hideNameOnPass" valuePropName="checked" label={t('mandate.hideNameOnPass')}>
                <Switch />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>{isNew ? t('common.create') : t('common.save')}</Button>
      </Form>
    </>
  );
}
