import { h, type SafeHtml } from '../../jsx/jsx.js';
import type { StoryList } from '../../../services/read-story-list.js';
import type { ArticleSummary } from '../../../domain/article/article.js';
import { LeadStory } from './lead-story.js';
import { StoryCard } from './story-card.js';

/** The address of page n of a list; page 1 has no query. */
export const listPagePath = (path: string, page: number) =>
  page <= 1 ? path : `${path}?page=${page}`;

/**
 * A list of stories under a heading — a section front, an author's or a topic's page — newest
 * first (after a section editor's lead and top stories), with links to older pages.
 */
export function StoryListView(props: {
  heading: string;
  intro: string;
  path: string;
  list: StoryList;
  /** A header of the page's own, instead of the heading and intro. */
  header?: SafeHtml;
  lead?: ArticleSummary;
  /** Shown after the stories, before the pages: a section's most-read stories. */
  aside?: SafeHtml | null;
  /** A line under each story's headline. */
  cardLine?: (story: ArticleSummary) => SafeHtml;
}) {
  const { page, pageCount, stories, total } = props.list;
  const { lead } = props;
  return (
    <div>
      {props.header ?? (
        <header class="section-head">
          <h1>{props.heading}</h1>
          {props.intro ? <p>{props.intro}</p> : null}
        </header>
      )}
      {lead ? <LeadStory story={lead} kicker={false} /> : null}
      {stories.length === 0 && !lead ? <p>No stories here yet.</p> : null}
      <ul class="grid">
        {stories.map((story) => (
          <StoryCard story={story} headingLevel={2} line={props.cardLine?.(story)} />
        ))}
      </ul>
      {props.aside ?? null}
      {pageCount > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {page > 1 ? (
            <a href={listPagePath(props.path, page - 1)} rel="prev">
              ← Newer stories
            </a>
          ) : (
            <span />
          )}
          <span>{total === undefined ? `Page ${page}` : `Page ${page} of ${pageCount}`}</span>
          {page < pageCount ? (
            <a href={listPagePath(props.path, page + 1)} rel="next">
              Older stories →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
