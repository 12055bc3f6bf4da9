import { BankOutlined, CalendarOutlined, FundOutlined, RocketOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiError } from '../../components/states';
import { changeLanguage, type Language } from '../../i18n';
import { AuthLayout } from './AuthLayout';
import { RegionCascader } from '../../components/RegionCascader';

type Kind = 'startup' | 'fund' | 'bank' | 'organizer';

const ROLES: { kind: Kind; icon: ReactNode; title: string; desc: string }[] = [
  { kind: 'startup', icon: <RocketOutlined />, title: 'auth.roleFounder', desc: 'auth.roleFounderDesc' },
  { kind: 'fund', icon: <FundOutlined />, title: 'auth.roleInvestor', desc: 'auth.roleInvestorDesc' },
  { kind: 'bank', icon: <BankOutlined />, title: 'auth.roleBank', desc: 'auth.roleBankDesc' },
  { kind: 'organizer', icon: <CalendarOutlined />, title: 'auth.roleOrganizer', desc: 'auth.roleOrganizerDesc' },
];

function RolePicker({ value, onChange }: { value?: Kind; onChange?: (k: Kind) => void }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} role="radiogroup">
      {ROLES.map((r) => {
        const on = value === r.kind;
        return (
          <Col span={12} key={r.kind}>
            <div
              role="radio"
              aria-checked={on}
              tabIndex={0}
              data-testid={`role-${r.kind}`}
              onClick={() => onChange?.(r.kind)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onChange?.(r.kind)}
              style={{
                cursor: 'pointer', borderRadius: 10, padding: '12px 14px', minHeight: 84, boxSizing: 'border-box',
                border: `1.5px solid ${on ? '#1d4ed8' : '#e5e7eb'}`, background: on ? '#eff6ff' : '#fff', transition: 'all .15s',
              }}
            >
              <div style={{ fontWeight: 600, color: on ? '#1d4ed8' : '#111827' }}>
                <span style={{ marginRight: 8 }}>{r.icon}</span>{t(r.title)}
              </div>
              <div style={{ fontSize: 12, color: '#6b7280', marginTop: 4, lineHeight: 1.6 }}>{t(r.desc)}</div>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}

interface Values {
  kind: Kind;
  organizerType?: 'government_agency' | 'park' | 'incubator' | 'alliance';
  orgName: string;
  creditCode?: string;
  regionCode: string;
  displayName: string;
  email: string;
  password: string;
}

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { register } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'startup';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: Schemas['RegisterDto'] = {
      email: v.email.trim(),
      password: v.password,
      displayName: v.displayName.trim(),
      locale: i18n.language === 'en' ? 'en' : 'zh-CN',
      organization: {
        kind: v.kind,
        name: v.orgName.trim(),
        regionCode: v.regionCode.trim(),
        ...(v.creditCode?.trim() ? { creditCode: v.creditCode.trim().toUpperCase() } : {}),
        ...(v.kind === 'organizer' && v.organizerType ? { organizerType: v.organizerType } : {}),
      },
    };
    try {
      await register(body);
      await changeLanguage(i18n.language as Language);
      navigate('/');
    } catch (err) {
      setError(
        applyApiError(form, err, t, {
          'organization.name': ['orgName'], 'organization.creditCode': ['creditCode'], 'organization.regionCode': ['regionCode'],
          creditCode: ['creditCode'], regionCode: ['regionCode'], name: ['orgName'],
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.registerTitle')} hint={t('auth.registerHint')} wide>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'startup' }} requiredMark="optional">
        <Form.Item name="kind" label={t('auth.step1')} rules={[{ required: true }]}>
          <RolePicker />
        </Form.Item>
        <Divider titlePlacement="start" plain>{t('auth.step2')}</Divider>
        <Form.Item name="orgName" label={kind === 'startup' ? t('auth.orgNameFounder') : t('auth.orgName')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="creditCode" label={t('auth.creditCode')} extra={t('company.creditCodeHint')} rules={[{ len: 18, message: t('company.creditCodeHint') }]}>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('region.seat')} extra={t('region.seatHint')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.regionHint') }]}>
              <RegionCascader data-testid="register-region" />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'organizer' && (
          <Form.Item name="organizerType" label={t('auth.organizerType')} rules={[{ required: true }]}>
            <Select options={(['government_agency', 'park', 'incubator', 'alliance'] as const).map((v) => ({ value: v, label: t(`organizerType.${v}`) }))} />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>{t('auth.step3')}</Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, max: 100 }]}>
              <Input autoComplete="name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
              <Input autoComplete="email" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordHint')} rules={[{ required: true, min: 10 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('auth.register')}</Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.goLogin')}</Link>
      </div>
    </AuthLayout>
  );
}
