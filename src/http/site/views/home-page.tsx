import { h } from '../../jsx/jsx.js';
import { sectionPath } from '../../../domain/section/section.js';
import type { HomePage } from '../../../services/read-home-page.js';
import { LeadStory } from './lead-story.js';
import { MostReadBox } from './most-read.js';
import { StoryCard } from './story-card.js';

/** The front page: the lead story large, the next top stories, then each section. */
export function HomePageView({ page }: { page: HomePage }) {
  const lead = page.lead;
  if (!lead) return <p>No stories have been published yet.</p>;
  return (
    <div>
      <LeadStory story={lead} />
      {page.top.length > 0 ? (
        <section aria-labelledby="top-stories">
          <h2 id="top-stories" class="visually-hidden">
            Top stories
          </h2>
          <ul class="grid">
            {page.top.map((story) => (
              <StoryCard story={story} />
            ))}
          </ul>
          <p class="more">
            <a href="/latest">More of the latest news →</a>
          </p>
        </section>
      ) : null}
      <MostReadBox list={page.mostRead} heading="Most read" />
      {page.sections.map(({ section, stories }) => (
        <section class="front-section" aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`}>
            <a href={sectionPath(section)}>{section.name}</a>
          </h2>
          <ul class="grid">
            {stories.map((story) => (
              <StoryCard story={story} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
