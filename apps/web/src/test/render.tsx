import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import i18n from '../i18n';

/** A slice of GET /reference/regions: 江苏 → 无锡 → 滨湖 / 新吴, 江苏 → 徐州 (no districts), 北京 → 北京 → 海淀. */
export const REGIONS = [
  { code: '11', zh: '北京市', en: 'Beijing', children: [
    { code: '1101', zh: '北京市', en: 'Beijing', children: [{ code: '110108', zh: '海淀区', en: 'Haidian', children: [] }] },
  ] },
  { code: '32', zh: '江苏省', en: 'Jiangsu', children: [
    { code: '3202', zh: '无锡市', en: 'Wuxi', children: [
      { code: '320211', zh: '滨湖区', en: 'Binhu', children: [] },
      { code: '320214', zh: '新吴区', en: 'Xinwu', children: [] },
    ] },
    { code: '3203', zh: '徐州市', en: 'Xuzhou', children: [] },
  ] },
];

export async function renderWithProviders(ui: ReactElement, lang: 'zh-CN' | 'en' = 'zh-CN') {
  await i18n.changeLanguage(lang);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Reference lists are static: seed them so widgets never fetch in tests.
  client.setQueryData(['reference', 'tracks'], [
    { code: 'intelligent_agri_machinery', zh: '智能农机装备', en: 'Intelligent farm machinery', nqp: true },
    { code: 'artificial_intelligence', zh: '人工智能', en: 'Artificial intelligence', nqp: true },
  ]);
  client.setQueryData(['reference', 'regions'], REGIONS);
  // The query client too: a test can refetch or invalidate as another screen would.
  return Object.assign(render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  ), { client });
}
