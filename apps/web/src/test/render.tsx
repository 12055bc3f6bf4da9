import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import i18n from '../i18n';

export async function renderWithProviders(ui: ReactElement, lang: 'zh-CN' | 'en' = 'zh-CN') {
  await i18n.changeLanguage(lang);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Reference lists are static: seed them so widgets never fetch in tests.
  client.setQueryData(['reference', 'tracks'], [
    { code: 'intelligent_agri_machinery', zh: '智能农机装备', en: 'Intelligent farm machinery', nqp: true },
    { code: 'artificial_intelligence', zh: '人工智能', en: 'Artificial intelligence', nqp: true },
  ]);
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}
