/**
 * History-based routing under /admin: app paths are written without the prefix
 * (`/articles/3`), links are real anchors (open in a new tab works), clicks stay in the app.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const BASE = '/admin';
const listeners = new Set<() => void>();

/** The app path of the current address (`/` for /admin itself), and its query. */
export function currentLocation() {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || '/' : pathname;
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(search) };
}

export type Location = ReturnType<typeof currentLocation>;

/** The full URL path of an app path. */
export const hrefOf = (path: string) => `${BASE}${path === '/' ? '/' : path}`;

let blocker: (() => boolean) | null = null;

/** While set, navigating away asks the blocker first (unsaved changes). */
export function blockNavigation(ask: (() => boolean) | null) {
  blocker = ask;
}

/** Goes to an app path; `replace` keeps the browser's back button where it was. */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  if (blocker && !blocker()) return;
  const url = hrefOf(path);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

/** The current location, re-rendering on every navigation. */
export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return location;
}

type AnchorProps = Omit<JSX.AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string;
  children?: ComponentChildren;
};

/** An anchor to an app path that navigates without reloading (plain clicks only). */
export function Link({ href, children, ...rest }: AnchorProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={hrefOf(href)} onClick={onClick}>
      {children}
    </a>
  );
}
