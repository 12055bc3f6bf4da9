import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { applyApiError } from '../../components/states';
import { AuthLayout } from './AuthLayout';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.email.trim(), v.password);
      navigate('/');
    } catch (err) {
      setError(applyApiError(form, err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.welcome')} hint={t('auth.welcomeHint')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('auth.login')}</Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        {t('auth.noAccount')} <Link to="/register">{t('auth.goRegister')}</Link>
      </div>
    </AuthLayout>
  );
}
