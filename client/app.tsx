/**
 * Routes. Public pages (setup, invitation, password reset) render on their own; every other page sits in
 * the signed-in shell, which shows the sign-in form in place when nobody is signed in.
 */
import { Navigate, Route, Router } from '@solidjs/router'
import { createEffect, ErrorBoundary, lazy, Suspense, type ParentProps } from 'solid-js'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { Protected } from './layout/Protected.tsx'
import { SessionProvider } from './session/session.tsx'
import { ErrorNotice, Loading } from './ui/feedback.tsx'
import { notify, ToastRegion } from './ui/toasts.tsx'

const Home = lazy(() => import('./pages/Home.tsx'))
const Bodies = lazy(() => import('./pages/Bodies.tsx'))
const BodyPage = lazy(() => import('./pages/body/BodyPage.tsx'))
const DocumentPage = lazy(() => import('./pages/document/DocumentPage.tsx'))
const Profile = lazy(() => import('./pages/Profile.tsx'))
const Inbox = lazy(() => import('./pages/inbox/Inbox.tsx'))
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout.tsx'))
const Institutions = lazy(() => import('./pages/admin/Institutions.tsx'))
const People = lazy(() => import('./pages/admin/People.tsx'))
const AdminBodies = lazy(() => import('./pages/admin/AdminBodies.tsx'))
const Audit = lazy(() => import('./pages/admin/Audit.tsx'))
const Review = lazy(() => import('./pages/admin/Review.tsx'))
const Setup = lazy(() => import('./pages/auth/Setup.tsx'))
const Invite = lazy(() => import('./pages/auth/Invite.tsx'))
const ResetPassword = lazy(() => import('./pages/auth/ResetPassword.tsx'))
const NotFound = lazy(() => import('./pages/NotFound.tsx'))

function Root(props: ParentProps) {
  const { t } = useI18n()
  createEffect(() => notify.setCloseLabel(t('app.close')))
  return (
    <SessionProvider>
      <ErrorBoundary fallback={(err, reset) => <ErrorNotice error={err} onRetry={reset} title={t('errors.title')} />}>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </ErrorBoundary>
      <ToastRegion />
    </SessionProvider>
  )
}

export function App() {
  return (
    <I18nProvider>
      <Router root={Root}>
        <Route path="/setup/:token" component={Setup} />
        <Route path="/invite/:token" component={Invite} />
        <Route path="/reset/:token" component={ResetPassword} />
        <Route path="/" component={Protected}>
          <Route path="/" component={Home} />
          <Route path="/profile" component={Profile} />
          <Route path="/inbox" component={Inbox} />
          <Route path="/bodies" component={Bodies} />
          <Route path="/bodies/:slug" component={BodyPage} />
          <Route path="/documents/:id" component={DocumentPage} />
          <Route path="/admin" component={AdminLayout}>
            <Route path="/" component={() => <Navigate href="/admin/review" />} />
            <Route path="/institutions" component={Institutions} />
            <Route path="/people" component={People} />
            <Route path="/bodies" component={AdminBodies} />
            <Route path="/audit" component={Audit} />
            <Route path="/review" component={Review} />
          </Route>
          <Route path="*404" component={NotFound} />
        </Route>
      </Router>
    </I18nProvider>
  )
}
