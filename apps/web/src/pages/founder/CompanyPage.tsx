import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiError, ErrorState, PageLoading } from '../../components/states';
import { PageHeader } from '../../lib/page';
import { useIndustries, useTracks } from '../../lib/reference';
import { useMyStartup } from './useMyStartup';
import { RegionCascader } from '../../components/RegionCascader';

interface Values {
  legalName: string;
  creditCode?: string;
  foundedOn?: Dayjs;
  regionCode: string;
  industry?: string;
  tracks: string[];
  universitySpinOut: boolean;
  fromPocCenter: boolean;
  priorRounds?: number;
  yearsInNiche?: number;
  website?: string;
  oneLiner?: string;
}

export function CompanyPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const startup = useMyStartup();
  const tracks = useTracks();
  const industries = useIndustries();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const s = startup.data;
    if (s) {
      form.setFieldsValue({
        legalName: s.legalName, creditCode: s.creditCode ?? undefined, foundedOn: s.foundedOn ? dayjs(s.foundedOn) : undefined,
        regionCode: s.regionCode, industry: s.industry ?? undefined, tracks: s.tracks, universitySpinOut: s.universitySpinOut,
        fromPocCenter: s.fromPocCenter, priorRounds: s.priorRounds ?? undefined, yearsInNiche: s.yearsInNiche ?? undefined,
        website: s.website ?? undefined, oneLiner: s.oneLiner ?? undefined,
      });
    } else if (startup.data === null && me) {
      form.setFieldsValue({
        legalName: me.actingOrganization.name, creditCode: me.actingOrganization.creditCode ?? undefined,
        regionCode: me.actingOrganization.regionCode, tracks: [], universitySpinOut: false, fromPocCenter: false,
      });
    }
  }, [startup.data, me, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body: Schemas['StartupInputDto'] = {
        legalName: v.legalName.trim(),
        regionCode: v.regionCode,
        tracks: v.tracks ?? [],
        universitySpinOut: !!v.universitySpinOut,
        fromPocCenter: !!v.fromPocCenter,
        ...(v.creditCode?.trim() ? { creditCode: v.creditCode.trim().toUpperCase() } : {}),
        ...(v.foundedOn ? { foundedOn: v.foundedOn.format('YYYY-MM-DD') } : {}),
        ...(v.industry ? { industry: v.industry } : {}),
        ...(v.priorRounds != null ? { priorRounds: v.priorRounds } : {}),
        ...(v.yearsInNiche != null ? { yearsInNiche: v.yearsInNiche } : {}),
        ...(v.website?.trim() ? { website: v.website.trim() } : {}),
        ...(v.oneLiner?.trim() ? { oneLiner: v.oneLiner.trim() } : {}),
      };
      const current = startup.data;
      if (current) {
        return call(api.PATCH('/api/v1/startups/{id}', { params: { path: { id: current.id } }, body: { ...body, version: current.version } }));
      }
      return call(api.POST('/api/v1/startups', { body }));
    },
    onSuccess: (s) => {
      queryClient.setQueryData(['startups', 'mine'], s);
      void queryClient.invalidateQueries({ queryKey: ['qualification'] });
      setError(null);
      message.success(t('company.savedOk'));
    },
    onError: (err) => setError(applyApiError(form, err, t)),
  });

  if (startup.isPending) return <PageLoading />;
  if (startup.isError) return <ErrorState error={startup.error} onRetry={() => void startup.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('company.title')}
        intro={t('company.intro')}
        extra={startup.data && <Button onClick={() => navigate('/qualification')}>{t('nav.qualification')}</Button>}
      />
      {!startup.data && <Alert type="info" showIcon title={t('company.empty')} description={t('company.emptyHint')} style={{ marginBottom: 16 }} />}
      <Card title={t('company.basics')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional" onValuesChange={() => setError(null)}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="legalName" label={t('company.legalName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="creditCode" label={t('company.creditCode')} extra={t('company.creditCodeHint')}
                rules={[{ len: 18, message: t('company.creditCodeHint') }]} validateTrigger="onBlur">
                <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} placeholder="91320211MA2B00005K" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="foundedOn" label={t('company.foundedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={t('region.seat')} extra={t('region.seatHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.regionHint') }]}>
                <RegionCascader data-testid="company-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="industry" label={t('company.industry')}>
                <Select options={industries} allowClear showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="tracks" label={t('company.tracks')}>
                <Select mode="multiple" options={tracks.options} loading={tracks.loading} showSearch={{ optionFilterProp: 'label' }} data-testid="company-tracks" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="oneLiner" label={t('company.oneLiner')}>
                <Input placeholder={t('company.oneLinerPlaceholder')} maxLength={200} showCount />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="priorRounds" label={t('company.priorRounds')}>
                <InputNumber min={0} max={30} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="yearsInNiche" label={t('company.yearsInNiche')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="website" label={t('company.website')}>
                <Input placeholder="https://" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="universitySpinOut" valuePropName="checked" style={{ display: 'inline-block', marginRight: 24 }}>
                <Checkbox>{t('company.universitySpinOut')}</Checkbox>
              </Form.Item>
              <Form.Item name="fromPocCenter" valuePropName="checked" style={{ display: 'inline-block' }}>
                <Checkbox>{t('company.fromPocCenter')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{startup.data ? t('common.save') : t('company.create')}</Button>
        </Form>
      </Card>
    </>
  );
}
