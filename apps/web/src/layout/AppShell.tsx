import {
  AimOutlined, BarChartOutlined, KeyOutlined, ScheduleOutlined, TeamOutlined, TrophyOutlined,
  AppstoreOutlined, BankOutlined, PieChartOutlined, UploadOutlined, CalendarOutlined, CarryOutOutlined, SettingOutlined, FileSearchOutlined, FundOutlined, LogoutOutlined,
  NodeIndexOutlined, ProjectOutlined, SafetyCertificateOutlined, SwapOutlined, UserOutlined,
} from '@ant-design/icons';
import { App as AntApp, Avatar, Dropdown, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession, type Persona } from '../auth/session';
import { NotificationBell } from '../components/NotificationBell';
import { changeLanguage, type Language } from '../i18n';

const { Header, Sider, Content } = Layout;

type Items = NonNullable<MenuProps['items']>;

/** A heading over a run of items (antd `type: 'group'`); the items keep their route keys. */
function group(key: string, label: string, children: Items): Items[number] {
  return { key: `group:${key}`, type: 'group', label, children };
}

function menuFor(persona: Persona, t: (k: string) => string): Items {
  const home = { key: '/', icon: <AppstoreOutlined />, label: t('nav.home') };
  if (persona === 'founder')
    return [
      home,
      group('company', t('navGroup.company'), [
        { key: '/company', icon: <BankOutlined />, label: t('nav.company') },
        { key: '/company/figures', icon: <FundOutlined />, label: t('nav.figures') },
        { key: '/qualification', icon: <SafetyCertificateOutlined />, label: t('nav.qualification') },
      ]),
      group('financing', t('navGroup.financing'), [
        { key: '/projects', icon: <ProjectOutlined />, label: t('nav.projects') },
        { key: '/matches', icon: <AimOutlined />, label: t('pt.nav.matches') },
      ]),
      group('roadshows', t('navGroup.roadshows'), [
        { key: '/events', icon: <CalendarOutlined />, label: t('nav.roadshows') },
        { key: '/my-roadshows', icon: <TrophyOutlined />, label: t('pt.outcomes.title') },
        { key: '/meeting-requests', icon: <TeamOutlined />, label: t('pt.nav.meetingRequests') },
        { key: '/follow-ups', icon: <CarryOutOutlined />, label: t('nav.followUps') },
      ]),
      group('settings', t('navGroup.settings'), [
        { key: '/calendar', icon: <ScheduleOutlined />, label: t('pt.nav.calendar') },
        { key: '/access-grants', icon: <KeyOutlined />, label: t('pt.nav.accessGrants') },
      ]),
    ];
  if (persona === 'investor')
    return [
      home,
      group('investing', t('navGroup.investing'), [
        { key: '/mandates', icon: <FundOutlined />, label: t('nav.mandates') },
        { key: '/deal-flow', icon: <FileSearchOutlined />, label: t('nav.dealFlow') },
        { key: '/pipeline', icon: <NodeIndexOutlined />, label: t('nav.pipeline') },
      ]),
      group('reports', t('navGroup.reports'), [
        { key: '/fund-report', icon: <BarChartOutlined />, label: t('pt.nav.fundReport') },
        { key: '/portfolio', icon: <PieChartOutlined />, label: t('orgNav.portfolio') },
      ]),
      group('roadshows', t('navGroup.roadshows'), [
        { key: '/events', icon: <CalendarOutlined />, label: t('nav.roadshows') },
        { key: '/meeting-requests', icon: <TeamOutlined />, label: t('pt.nav.meetingRequests') },
        { key: '/follow-ups', icon: <CarryOutOutlined />, label: t('nav.followUps') },
      ]),
      group('settings', t('navGroup.settings'), [
        { key: '/calendar', icon: <ScheduleOutlined />, label: t('pt.nav.calendar') },
        { key: '/access-grants', icon: <KeyOutlined />, label: t('pt.nav.accessGrants') },
      ]),
    ];
  return [
    home,
    group('operations', t('navGroup.operations'), [
      { key: '/events', icon: <CalendarOutlined />, label: t('nav.events') },
      { key: '/follow-ups', icon: <CarryOutOutlined />, label: t('nav.followUps') },
    ]),
    group('data', t('navGroup.data'), [
      { key: '/reports/programme', icon: <BarChartOutlined />, label: t('orgNav.programme') },
      { key: '/imports', icon: <UploadOutlined />, label: t('orgNav.imports') },
    ]),
  ];
}

/** The route keys of a menu, groups flattened (a group's own key is no route). */
export function routeKeys(items: Items): string[] {
  return items.flatMap((i) => {
    if (!i) return [];
    if (i.type === 'group') return routeKeys(i.children ?? []);
    return i.type === 'divider' || i.key == null ? [] : [String(i.key)];
  });
}

/** The menu key for a path: the longest route key it starts with ('/' only for the home page itself). */
export function selectedKey(keys: string[], pathname: string): string | undefined {
  if (pathname.endsWith('/deal-flow') && keys.includes('/deal-flow')) return '/deal-flow';
  return keys
    .filter((k) => (k === '/' ? pathname === '/' : pathname === k || pathname.startsWith(`${k}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      value={i18n.language}
      onChange={(v) => {
        void changeLanguage(v as Language);
        // Signed in, the choice is the profile's language too: e-mails and notifications follow it.
        if (signedIn) void api.PATCH('/api/v1/me', { body: { locale: v as Language } }).catch(() => undefined);
      }}
      options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'EN' }]}
      data-testid="lang-switch"
    />
  );
}

export function Brand({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={10} align="center">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span style={{ fontSize: 18, fontWeight: 700, letterSpacing: 1, color: dark ? '#fff' : '#0f172a' }}>{t('app.name')}</span>
    </Space>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const { me, persona, logout, switchOrganization } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const items = menuFor(persona, t);
  const selected = selectedKey(routeKeys(items), location.pathname);
  const org = me?.actingOrganization;
  const others = (me?.memberships ?? []).filter((m) => m.organizationId !== org?.id);

  const userMenu: MenuProps = {
    items: [
      { key: 'org', type: 'group', label: t('auth.currentOrg'), children: [{ key: 'current', label: org?.name, disabled: true }] },
      ...(others.length
        ? [{
            key: 'switch', type: 'group' as const, label: t('auth.switchOrg'),
            children: others.map((m) => ({ key: `org:${m.organizationId}`, icon: <SwapOutlined />, label: `${m.organizationName} · ${t(`orgKind.${m.organizationKind}`)}` })),
          }]
        : []),
      { type: 'divider' },
      { key: 'profile', icon: <SettingOutlined />, label: t('nav.profile') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
    ],
    onClick: async ({ key }) => {
      if (key === 'profile') {
        navigate('/profile');
      } else if (key === 'logout') {
        await logout();
        navigate('/login');
      } else if (key.startsWith('org:')) {
        const id = key.slice(4);
        await switchOrganization(id);
        message.success(t('auth.switched', { name: others.find((m) => m.organizationId === id)?.organizationName }));
        navigate('/');
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={216} theme="light" zeroWidthTriggerStyle={{ top: 12, zIndex: 20 }} style={{ borderRight: '1px solid #eef0f3' }}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
          <Brand />
        </div>
        <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={({ key }) => navigate(key)} style={{ borderInlineEnd: 0 }} />
      </Sider>
      <Layout>
        <Header className="app-header" style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, borderBottom: '1px solid #eef0f3' }}>
          <LanguageSwitch signedIn />
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4ed8' }} />
              <span className="app-header-user">
                <Typography.Text strong>{me?.displayName}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{org?.name}</Typography.Text>
              </span>
              {org && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t(`orgKind.${org.kind}`)}</Tag>}
            </Space>
          </Dropdown>
        </Header>
        <Content className="app-content" style={{ background: '#f5f7fa' }}>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Outlet />
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}
