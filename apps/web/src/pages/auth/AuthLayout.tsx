import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand, LanguageSwitch } from '../../layout/AppShell';

export function AuthLayout({ title, hint, children, wide = false }: { title: string; hint?: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 7fr)', background: '#f5f7fa' }} className="auth-grid">
      <div className="auth-aside" style={{ background: 'linear-gradient(150deg, #0b2a6f 0%, #1d4ed8 60%, #3b82f6 100%)', color: '#fff', padding: '48px 56px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}>
        <Brand dark />
        <div>
          <div style={{ fontSize: 30, fontWeight: 700, lineHeight: 1.4, marginBottom: 16 }}>{t('app.tagline')}</div>
          <div style={{ fontSize: 15, opacity: 0.85, lineHeight: 1.8, maxWidth: 420 }}>
            {t('app.pitch')}
          </div>
        </div>
        <div style={{ fontSize: 12, opacity: 0.7 }}>{t('app.footer')}</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '24px 32px' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Card style={{ width: '100%', maxWidth: wide ? 640 : 420 }} variant="borderless">
            <Typography.Title level={3} style={{ marginTop: 0 }}>{title}</Typography.Title>
            {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
            {children}
          </Card>
        </div>
      </div>
    </div>
  );
}
