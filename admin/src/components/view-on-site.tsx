/**
 * A link to a story as readers see it, in a tab of its own so the editor (and anything unsaved
 * in it) stays open. `about` names the story when several links share a page.
 */
export function ViewOnSite({ url, about }: { url: string | null | undefined; about?: string }) {
  if (!url) return null;
  return (
    <a class="view-on-site" href={url} target="_blank" rel="noopener">
      View on site
      <span class="visually-hidden">{about && `: ${about}`} (opens in a new tab)</span>
    </a>
  );
}
