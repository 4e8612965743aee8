import { h } from '../../jsx/jsx.js';
import { sectionPath } from '../../../domain/section/section.js';
import type { SectionFront } from '../../../services/read-section-front.js';
import { StoryCard } from './story-card.js';

/** The address of page n of a section front; page 1 has no query. */
export const sectionPagePath = (slug: string, page: number) =>
  page <= 1 ? sectionPath({ slug }) : `${sectionPath({ slug })}?page=${page}`;

/** A section front: its name, its stories newest first, and links to older pages. */
export function SectionFrontView({ front }: { front: SectionFront }) {
  const { section, page, pageCount } = front;
  return (
    <div>
      <header class="section-head">
        <h1>{section.name}</h1>
        {section.description ? <p>{section.description}</p> : null}
      </header>
      {front.stories.length === 0 ? <p>No stories in this section yet.</p> : null}
      <ul class="grid">
        {front.stories.map((story) => (
          <StoryCard story={story} headingLevel={2} />
        ))}
      </ul>
      {pageCount > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {page > 1 ? (
            <a href={sectionPagePath(section.slug, page - 1)} rel="prev">
              ← Newer stories
            </a>
          ) : (
            <span />
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <a href={sectionPagePath(section.slug, page + 1)} rel="next">
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
