import { Fragment, h } from '../../jsx/jsx.js';
import { articlePath } from '../../../domain/article/article.js';
import type { FurtherReading, StoryLink } from '../../../domain/article/related-stories.js';
import { sectionPath, type Section } from '../../../domain/section/section.js';
import { formatPublicationDate } from '../publication-time.js';

function StoryLinks({ stories, timeZone }: { stories: StoryLink[]; timeZone: string }) {
  return (
    <ul>
      {stories.map((story) => (
        <li>
          <a href={articlePath(story)}>{story.headline}</a>{' '}
          <time datetime={story.publishedAt.toISOString()}>
            {formatPublicationDate(story.publishedAt, timeZone)}
          </time>
        </li>
      ))}
    </ul>
  );
}

/**
 * The foot of a story's page: its related stories, then the newest of its section, each a
 * short list of headlines with their dates (no photos: the page stays light). A list with no
 * story is left out.
 */
export function FurtherReadingView({
  reading,
  section,
  timeZone,
}: {
  reading: FurtherReading;
  section: Section;
  timeZone: string;
}) {
  return (
    <>
      {reading.related.length > 0 ? (
        <section class="read-on" aria-labelledby="related-heading">
          <h2 id="related-heading">Related stories</h2>
          <StoryLinks stories={reading.related} timeZone={timeZone} />
        </section>
      ) : null}
      {reading.moreInSection.length > 0 ? (
        <section class="read-on" aria-labelledby="section-stories-heading">
          <h2 id="section-stories-heading">
            More in <a href={sectionPath(section)}>{section.name}</a>
          </h2>
          <StoryLinks stories={reading.moreInSection} timeZone={timeZone} />
        </section>
      ) : null}
    </>
  );
}
