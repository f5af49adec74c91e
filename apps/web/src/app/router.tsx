// Routes. Every page is its own lazily loaded chunk, so the first load carries only the shell.
import { createBrowserRouter, Outlet } from 'react-router';
import { PageSpinner } from '../shared/ui/PageSpinner.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { RequireSession } from './RequireSession.tsx';

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    HydrateFallback: PageSpinner,
    children: [
      { path: '/login', lazy: () => import('../features/auth/LoginPage.tsx').then((m) => ({ Component: m.LoginPage })) },
      { path: '/verify', lazy: () => import('../features/verify/VerifyPage.tsx').then((m) => ({ Component: m.VerifyPage })) },
      { path: '/fees', lazy: () => import('../features/fees/FeesPage.tsx').then((m) => ({ Component: m.FeesPage })) },
      { path: '/risk', lazy: () => import('../features/risk/RiskPage.tsx').then((m) => ({ Component: m.RiskPage })) },
      { path: '/library', lazy: () => import('../features/library/LibraryPage.tsx').then((m) => ({ Component: m.LibraryPage })) },
      { path: '/library/documents/:id', lazy: () => import('../features/library/LibraryDocumentPage.tsx').then((m) => ({ Component: m.LibraryDocumentPage })) },
      { path: '/library/documents/:id/articles/:label', lazy: () => import('../features/library/LibraryArticlePage.tsx').then((m) => ({ Component: m.LibraryArticlePage })) },
      { path: '/verify/certificate', lazy: () => import('../features/decisions/CertificateVerifyPage.tsx').then((m) => ({ Component: m.CertificateVerifyPage })) },
      { path: '/news', lazy: () => import('../features/news/NewsListPage.tsx').then((m) => ({ Component: m.NewsListPage })) },
      { path: '/news/:id', lazy: () => import('../features/news/NewsArticlePage.tsx').then((m) => ({ Component: m.NewsArticlePage })) },
      { path: '/library/causes/:cause', lazy: () => import('../features/library/LibraryCausePage.tsx').then((m) => ({ Component: m.LibraryCausePage })) },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, lazy: () => import('../features/home/HomePage.tsx').then((m) => ({ Component: m.HomePage })) },
          { path: 'matters', lazy: () => import('../features/matters/MattersPage.tsx').then((m) => ({ Component: m.MattersPage })) },
          { path: 'matters/:id', lazy: () => import('../features/matters/MatterPage.tsx').then((m) => ({ Component: m.MatterPage })) },
          { path: 'rooms/:roomId', lazy: () => import('../features/video/RoomPage.tsx').then((m) => ({ Component: m.RoomPage })) },
          { path: 'rooms/:roomId/recordings/:recordingId', lazy: () => import('../features/video/playback/PlaybackPage.tsx').then((m) => ({ Component: m.PlaybackPage })) },
          { path: 'agreements/:id', lazy: () => import('../features/agreements/AgreementPage.tsx').then((m) => ({ Component: m.AgreementPage })) },
          { path: 'matters/:matterId/agreements/new', lazy: () => import('../features/agreements/DraftAgreementPage.tsx').then((m) => ({ Component: m.DraftAgreementPage })) },
          { path: 'account', lazy: () => import('../features/account/AccountPage.tsx').then((m) => ({ Component: m.AccountPage })) },
          { path: 'news/manage', lazy: () => import('../features/news/NewsManagePage.tsx').then((m) => ({ Component: m.NewsManagePage })) },
          { path: 'mediation/triage', lazy: () => import('../features/mediation/TriageQueuePage.tsx').then((m) => ({ Component: m.TriageQueuePage })) },
          { path: 'mediation/triage/:matterId', lazy: () => import('../features/mediation/TriagePanelPage.tsx').then((m) => ({ Component: m.TriagePanelPage })) },
          { path: 'mediation/mediators', lazy: () => import('../features/mediation/MediatorPoolPage.tsx').then((m) => ({ Component: m.MediatorPoolPage })) },
          { path: 'mediation/rules', lazy: () => import('../features/mediation/RoutingRulesPage.tsx').then((m) => ({ Component: m.RoutingRulesPage })) },
          { path: 'mediation/mine', lazy: () => import('../features/mediation/MyMediationsPage.tsx').then((m) => ({ Component: m.MyMediationsPage })) },
          { path: 'admin/audit', lazy: () => import('../features/audit/AuditPage.tsx').then((m) => ({ Component: m.AuditPage })) },
          { path: 'filings', lazy: () => import('../features/filing/FilingsPage.tsx').then((m) => ({ Component: m.FilingsPage })) },
          { path: 'filings/new', lazy: () => import('../features/filing/FilingWizardPage.tsx').then((m) => ({ Component: m.FilingWizardPage })) },
          { path: 'filings/:id', lazy: () => import('../features/filing/FilingPage.tsx').then((m) => ({ Component: m.FilingPage })) },
          { path: 'filings/:id/correct', lazy: () => import('../features/filing/FilingWizardPage.tsx').then((m) => ({ Component: m.FilingWizardPage })) },
          { path: 'preservations', lazy: () => import('../features/filing/PreservationPage.tsx').then((m) => ({ Component: m.PreservationPage })) },
          { path: '*', lazy: () => import('../features/errors/NotFoundPage.tsx').then((m) => ({ Component: m.NotFoundPage })) },
        ],
      },
    ],
  },
]);
