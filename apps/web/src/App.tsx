import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/client';
import { SessionProvider, useSession, type Persona } from './auth/session';
import { AppShell } from './layout/AppShell';
import { LoginPage } from './pages/auth/LoginPage';
import { RegisterPage } from './pages/auth/RegisterPage';

const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const CompanyPage = lazy(() => import('./pages/founder/CompanyPage').then((m) => ({ default: m.CompanyPage })));
const ProjectsPage = lazy(() => import('./pages/founder/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const ProjectEditPage = lazy(() => import('./pages/founder/ProjectEditPage').then((m) => ({ default: m.ProjectEditPage })));
const QualificationPage = lazy(() => import('./pages/founder/QualificationPage').then((m) => ({ default: m.QualificationPage })));
const MandatesPage = lazy(() => import('./pages/investor/MandatesPage').then((m) => ({ default: m.MandatesPage })));
const MandateEditPage = lazy(() => import('./pages/investor/MandateEditPage').then((m) => ({ default: m.MandateEditPage })));
const DealFlowPage = lazy(() => import('./pages/investor/DealFlowPage').then((m) => ({ default: m.DealFlowPage })));
const PipelinePage = lazy(() => import('./pages/investor/PipelinePage').then((m) => ({ default: m.PipelinePage })));
const EventsPage = lazy(() => import('./pages/organizer/EventsPage').then((m) => ({ default: m.EventsPage })));
const EventCreatePage = lazy(() => import('./pages/organizer/EventCreatePage').then((m) => ({ default: m.EventCreatePage })));
const EventPage = lazy(() => import('./pages/organizer/EventPage').then((m) => ({ default: m.EventPage })));
const CheckInPage = lazy(() => import('./pages/organizer/CheckInPage').then((m) => ({ default: m.CheckInPage })));
const NotificationsPage = lazy(() => import('./pages/common/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const ProfilePage = lazy(() => import('./pages/common/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const CompanyFiguresPage = lazy(() => import('./pages/founder/CompanyFiguresPage').then((m) => ({ default: m.CompanyFiguresPage })));
const MeetingRequestsPage = lazy(() => import('./pages/participant/MeetingRequestsPage').then((m) => ({ default: m.MeetingRequestsPage })));
const CalendarPage = lazy(() => import('./pages/participant/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const FundReportPage = lazy(() => import('./pages/participant/FundReportPage').then((m) => ({ default: m.FundReportPage })));
const InvestorMatchesPage = lazy(() => import('./pages/participant/InvestorMatchesPage').then((m) => ({ default: m.InvestorMatchesPage })));
const AccessGrantsPage = lazy(() => import('./pages/participant/AccessGrantsPage').then((m) => ({ default: m.AccessGrantsPage })));
const RoadshowOutcomesPage = lazy(() => import('./pages/participant/RoadshowOutcomesPage').then((m) => ({ default: m.RoadshowOutcomesPage })));
const ProgrammeReportPage = lazy(() => import('./pages/organizer/ProgrammeReportPage').then((m) => ({ default: m.ProgrammeReportPage })));
const StartupImportPage = lazy(() => import('./pages/organizer/StartupImportPage').then((m) => ({ default: m.StartupImportPage })));
const PortfolioPage = lazy(() => import('./pages/investor/PortfolioPage').then((m) => ({ default: m.PortfolioPage })));
const FollowUpsPage = lazy(() => import('./pages/common/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { headerHeight: 64 } },
};

function Fallback() {
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { tokens, loading, me } = useSession();
  const location = useLocation();
  if (!tokens) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (loading || !me) return <Fallback />;
  return <>{children}</>;
}

function OnlyFor({ persona, children }: { persona: Persona | Persona[]; children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (!(Array.isArray(persona) ? persona : [persona]).includes(session.persona)) return <Result status="403" title="403" subTitle={t('errors.notFoundHint')} />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFound')} subTitle={t('errors.notFoundHint')} />;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { tokens } = useSession();
  return tokens ? <Navigate to="/" replace /> : <>{children}</>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Fallback />}>
      <Routes>
        <Route path="/login" element={<PublicOnly><LoginPage /></PublicOnly>} />
        <Route path="/register" element={<PublicOnly><RegisterPage /></PublicOnly>} />
        <Route element={<RequireAuth><AppShell /></RequireAuth>}>
          <Route index element={<HomePage />} />
          <Route path="company" element={<OnlyFor persona="founder"><CompanyPage /></OnlyFor>} />
          <Route path="company/figures" element={<OnlyFor persona="founder"><CompanyFiguresPage /></OnlyFor>} />
          <Route path="projects" element={<OnlyFor persona="founder"><ProjectsPage /></OnlyFor>} />
          <Route path="projects/:id" element={<OnlyFor persona="founder"><ProjectEditPage /></OnlyFor>} />
          <Route path="qualification" element={<OnlyFor persona="founder"><QualificationPage /></OnlyFor>} />
          <Route path="mandates" element={<OnlyFor persona="investor"><MandatesPage /></OnlyFor>} />
          <Route path="mandates/:id" element={<OnlyFor persona="investor"><MandateEditPage /></OnlyFor>} />
          <Route path="mandates/:id/deal-flow" element={<OnlyFor persona="investor"><DealFlowPage /></OnlyFor>} />
          <Route path="deal-flow" element={<OnlyFor persona="investor"><DealFlowPage /></OnlyFor>} />
          <Route path="pipeline" element={<OnlyFor persona="investor"><PipelinePage /></OnlyFor>} />
          <Route path="events" element={<EventsPage />} />
          <Route path="events/new" element={<OnlyFor persona="organizer"><EventCreatePage /></OnlyFor>} />
          <Route path="events/:id" element={<EventPage />} />
          <Route path="events/:id/check-in" element={<OnlyFor persona="organizer"><CheckInPage /></OnlyFor>} />
          <Route path="reports/programme" element={<OnlyFor persona="organizer"><ProgrammeReportPage /></OnlyFor>} />
          <Route path="imports" element={<OnlyFor persona="organizer"><StartupImportPage /></OnlyFor>} />
          <Route path="portfolio" element={<OnlyFor persona="investor"><PortfolioPage /></OnlyFor>} />
          <Route path="follow-ups" element={<FollowUpsPage />} />
          <Route path="meeting-requests" element={<OnlyFor persona={['founder', 'investor']}><MeetingRequestsPage /></OnlyFor>} />
          <Route path="calendar" element={<OnlyFor persona={['founder', 'investor']}><CalendarPage /></OnlyFor>} />
          <Route path="access-grants" element={<OnlyFor persona={['founder', 'investor']}><AccessGrantsPage /></OnlyFor>} />
          <Route path="fund-report" element={<OnlyFor persona="investor"><FundReportPage /></OnlyFor>} />
          <Route path="matches" element={<OnlyFor persona="founder"><InvestorMatchesPage /></OnlyFor>} />
          <Route path="my-roadshows" element={<OnlyFor persona="founder"><RoadshowOutcomesPage /></OnlyFor>} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <Providers>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
