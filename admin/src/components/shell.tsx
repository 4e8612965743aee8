import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { SessionUser } from '../api/types.js';
import { Link } from '../router.js';
import { PaperClockContext } from './paper-clock.js';
import { atLeast, roleLabel } from '../session.js';

interface ShellProps {
  user: SessionUser;
  path: string;
  onSignOut: () => void;
  children: ComponentChildren;
}

const current = (active: boolean) => (active ? ('page' as const) : undefined);

/** After moving to another page, focus goes to its content, so screen readers start there. */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [path]);
}

/** One's own byline profile and API tokens, beside one's name. */
const AccountLinks = ({ path }: { path: string }) => (
  <>
    <Link href="/profile" aria-current={current(path === '/profile')}>
      Your profile
    </Link>
    <Link href="/tokens" aria-current={current(path === '/tokens')}>
      API tokens
    </Link>
  </>
);

/** The desk's pages (editors and above): the fronts, the banner, sections, everyone's bylines. */
const EDITOR_LINKS = [
  ['/homepage', 'Front pages'],
  ['/breaking-news', 'Breaking news'],
  ['/wire/sources', 'Wire sources'],
  ['/import', 'Import'],
  ['/sections', 'Sections'],
  ['/people', 'Bylines'],
] as const;

/** The editor-in-chief's own pages, in the order the navigation lists them. */
const CHIEF_LINKS = [
  ['/users', 'Users'],
  ['/webhooks', 'Webhooks'],
  ['/content-keys', 'Content API keys'],
  ['/settings', 'Settings'],
  ['/audit', 'Audit trail'],
] as const;

/** The frame of every signed-in page: the newsroom's navigation and who is signed in. */
export function Shell({ user, path, onSignOut, children }: ShellProps) {
  useFocusOnNavigation(path);
  // The paper's own name, so a newsroom running two papers knows which one it is in.
  const paper = useContext(PaperClockContext).name || 'Dateline';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <p class="brand">
          <Link href="/">{paper} newsroom</Link>
        </p>
        <nav aria-label="Newsroom">
          <ul>
            <li>
              <Link href="/" aria-current={current(path === '/')}>
                Dashboard
              </Link>
            </li>
            <li>
              <Link href="/articles" aria-current={current(path === '/articles')}>
                Articles
              </Link>
            </li>
            {atLeast(user.role, 'contributor') && (
              <li>
                <Link href="/articles/new" aria-current={current(path === '/articles/new')}>
                  New article
                </Link>
              </li>
            )}
            {atLeast(user.role, 'writer') && (
              <li>
                <Link href="/wire" aria-current={current(path === '/wire')}>
                  Wire
                </Link>
              </li>
            )}
            {atLeast(user.role, 'contributor') && (
              <li>
                <Link href="/media" aria-current={current(path === '/media')}>
                  Photos
                </Link>
              </li>
            )}
            {atLeast(user.role, 'editor') &&
              EDITOR_LINKS.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} aria-current={current(path === href)}>
                    {label}
                  </Link>
                </li>
              ))}
            {atLeast(user.role, 'editor_in_chief') &&
              CHIEF_LINKS.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} aria-current={current(path === href)}>
                    {label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {user.name} <span class="role">({roleLabel(user.role)})</span>
          </span>
          <AccountLinks path={path} />
          <button type="button" class="quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
