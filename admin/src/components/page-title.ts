import { useEffect } from 'preact/hooks';

/** Sets the window's title: what the page is, then the app's name. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Dateline newsroom`;
  }, [title]);
}
