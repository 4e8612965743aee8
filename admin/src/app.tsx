/** The newsroom app: who is signed in, and which page the address asks for. */
import { useEffect, useState } from 'preact/hooks';
import { rememberCsrfToken, whenUnauthenticated } from './api/client.js';
import { newsroom } from './api/newsroom.js';
import type { Session } from './api/types.js';
import { Shell } from './components/shell.js';
import { ArticleListPage } from './pages/article-list-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { EditorPage } from './pages/editor-page.js';
import { HistoryPage } from './pages/history-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { blockNavigation, navigate, useLocation, type Location } from './router.js';
import { SessionContext } from './session.js';

function signInPathFor(location: Location) {
  const here = location.path + (location.query.size ? `?${location.query.toString()}` : '');
  return here === '/' || location.path === '/sign-in'
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(here)}`;
}

function Page({ location }: { location: Location }) {
  const { path, query } = location;
  if (path === '/') return <DashboardPage />;
  if (path === '/articles') return <ArticleListPage query={query} />;
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

export function App() {
  const location = useLocation();
  // undefined while asking the server, null when nobody is signed in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    whenUnauthenticated(() => {
      rememberCsrfToken(null);
      setSession(null);
    });
    newsroom
      .session()
      .then((current) => {
        rememberCsrfToken(current.csrfToken);
        setSession(current);
      })
      .catch(() => setSession(null));
  }, []);

  useEffect(() => {
    if (session === null && location.path !== '/sign-in') {
      blockNavigation(null);
      navigate(signInPathFor(location), { replace: true });
    }
  }, [session, location]);

  if (session === undefined) return <p class="loading">Loading the newsroom…</p>;

  if (location.path === '/sign-in' || session === null) {
    const signedIn = (fresh: Session) => {
      rememberCsrfToken(fresh.csrfToken);
      setSession(fresh);
      const next = location.query.get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    };
    return <SignInPage onSignedIn={signedIn} />;
  }

  const signOut = async () => {
    await newsroom.signOut().catch(() => undefined);
    rememberCsrfToken(null);
    blockNavigation(null);
    setSession(null);
  };

  return (
    <SessionContext.Provider value={session.user}>
      <Shell user={session.user} path={location.path} onSignOut={() => void signOut()}>
        <Page location={location} />
      </Shell>
    </SessionContext.Provider>
  );
}
