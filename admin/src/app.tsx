/** The newsroom app: who is signed in, and which page the address asks for. */
import { useEffect, useState } from 'preact/hooks';
import { rememberCsrfToken, whenUnauthenticated } from './api/client.js';
import { newsroom } from './api/newsroom.js';
import type { Session, SessionUser } from './api/types.js';
import { PaperClockContext, type PaperClock } from './components/paper-clock.js';
import { Shell } from './components/shell.js';
import { ArticleListPage } from './pages/article-list-page.js';
import { AuditPage } from './pages/audit-page.js';
import { BreakingNewsPage } from './pages/breaking-news-page.js';
import { ContentKeysPage } from './pages/content-keys-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { EditorPage } from './pages/editor-page.js';
import { HistoryPage } from './pages/history-page.js';
import { HomepagePage } from './pages/homepage-page.js';
import { InvitationPage, PasswordResetPage } from './pages/invitation-page.js';
import { MediaLibraryPage } from './pages/media-library-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PeoplePage, ProfilePage } from './pages/people-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { TokensPage } from './pages/tokens-page.js';
import { UsersPage } from './pages/users-page.js';
import { SectionsPage } from './pages/sections-page.js';
import { WebhooksPage } from './pages/webhooks-page.js';
import { WirePage } from './pages/wire-page.js';
import { WireSourcesPage } from './pages/wire-sources-page.js';
import { ImportPage } from './pages/import-page.js';
import { blockNavigation, navigate, useLocation, type Location } from './router.js';
import { SessionContext, atLeast } from './session.js';

function signInPathFor(location: Location) {
  const here = location.path + (location.query.size ? `?${location.query.toString()}` : '');
  return here === '/' || location.path === '/sign-in'
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(here)}`;
}

/** Pages for people who are not signed in: the mailed links lead here. */
const PUBLIC_PATHS = new Set(['/sign-in', '/invitation', '/password-reset']);

function Page({ location, user }: { location: Location; user: SessionUser }) {
  const { path, query } = location;
  if (path === '/') return <DashboardPage />;
  if (path === '/settings' && atLeast(user.role, 'editor_in_chief')) return <SettingsPage />;
  if (path === '/users' && atLeast(user.role, 'editor_in_chief')) return <UsersPage />;
  if (path === '/content-keys' && atLeast(user.role, 'editor_in_chief')) return <ContentKeysPage />;
  if (path === '/webhooks' && atLeast(user.role, 'editor_in_chief')) return <WebhooksPage />;
  if (path === '/audit' && atLeast(user.role, 'editor_in_chief'))
    return <AuditPage query={query} />;
  if (path === '/homepage' && atLeast(user.role, 'editor')) return <HomepagePage />;
  if (path === '/breaking-news' && atLeast(user.role, 'editor')) return <BreakingNewsPage />;
  if (path === '/sections' && atLeast(user.role, 'editor')) return <SectionsPage />;
  if (path === '/people' && atLeast(user.role, 'editor')) return <PeoplePage />;
  if (path === '/profile') return <ProfilePage />;
  if (path === '/articles') return <ArticleListPage query={query} />;
  if (path === '/wire' && atLeast(user.role, 'writer')) return <WirePage query={query} />;
  if (path === '/wire/sources' && atLeast(user.role, 'editor')) return <WireSourcesPage />;
  if (path === '/import' && atLeast(user.role, 'editor')) return <ImportPage query={query} />;
  if (path === '/media') return <MediaLibraryPage query={query} />;
  if (path === '/tokens') return <TokensPage />;
  if (path === '/articles/new') return <EditorPage key="new" id={null} />;
  const article = /^\/articles\/(\d+)(\/history)?$/.exec(path);
  if (article) {
    const id = Number(article[1]);
    return article[2] ? (
      <HistoryPage key={`h${id}`} id={id} query={query} />
    ) : (
      <EditorPage key={id} id={id} />
    );
  }
  return <NotFoundPage />;
}

/**
 * What shows while the app asks the server who is signed in: a page in its own right, with a
 * main landmark and a heading, so a screen reader (or an audit run at that moment) finds one.
 */
const Loading = () => (
  <main id="main">
    <h1 class="visually-hidden">Dateline newsroom</h1>
    <p class="loading">Loading the newsroom…</p>
  </main>
);

export function App() {
  const location = useLocation();
  // undefined while asking the server, null when nobody is signed in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [paperClock, setPaperClock] = useState<PaperClock | undefined>(undefined);
  const signedIn = Boolean(session);

  const loadPaperClock = () => {
    // Without the paper's zone, times fall back to the browser's, still labelled with it.
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    newsroom
      .paperClock()
      .then(setPaperClock)
      .catch(() => setPaperClock({ name: '', timeZone: browserZone }));
  };
  useEffect(() => {
    if (signedIn) loadPaperClock();
  }, [signedIn]);

  useEffect(() => {
    whenUnauthenticated(() => {
      rememberCsrfToken(null);
      setSession(null);
    });
    newsroom
      .session()
      .then(({ user, csrfToken }) => {
        rememberCsrfToken(csrfToken);
        setSession(user && csrfToken ? { user, csrfToken } : null);
      })
      .catch(() => setSession(null));
  }, []);

  useEffect(() => {
    if (session === null && !PUBLIC_PATHS.has(location.path)) {
      blockNavigation(null);
      navigate(signInPathFor(location), { replace: true });
    }
  }, [session, location]);

  if (session === undefined) return <Loading />;

  const startSession = (fresh: Session, next: string | null) => {
    rememberCsrfToken(fresh.csrfToken);
    setSession(fresh);
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };
  const token = location.query.get('token') ?? '';

  if (location.path === '/invitation')
    return <InvitationPage token={token} onSignedIn={(fresh) => startSession(fresh, '/')} />;
  if (location.path === '/password-reset') return <PasswordResetPage token={token} />;

  if (location.path === '/sign-in' || session === null) {
    return <SignInPage onSignedIn={(fresh) => startSession(fresh, location.query.get('next'))} />;
  }

  const signOut = async () => {
    await newsroom.signOut().catch(() => undefined);
    rememberCsrfToken(null);
    blockNavigation(null);
    setSession(null);
  };

  if (!paperClock) return <Loading />;

  return (
    <SessionContext.Provider value={session.user}>
      <PaperClockContext.Provider value={{ ...paperClock, reload: loadPaperClock }}>
        <Shell user={session.user} path={location.path} onSignOut={() => void signOut()}>
          <Page location={location} user={session.user} />
        </Shell>
      </PaperClockContext.Provider>
    </SessionContext.Provider>
  );
}
