import { h } from '../../jsx/jsx.js';
import { articlePath, type FrontStory } from '../../../domain/article/article.js';
import { sectionPath } from '../../../domain/section/section.js';
import { Picture } from './picture.js';

/**
 * A front's lead: the story large, with its photo, standfirst and its section as the kicker
 * (left out on the section's own front, where it would only repeat the heading).
 */
export function LeadStory({ story, kicker = true }: { story: FrontStory; kicker?: boolean }) {
  return (
    <section class="lead-story" aria-labelledby="lead-headline">
      {story.leadImage ? (
        <figure class="lead-figure">
          <Picture
            media={story.leadImage.media}
            alt={story.leadImage.alt}
            sizes="(min-width: 72rem) 42rem, (min-width: 48rem) 58vw, calc(100vw - 2rem)"
            priority
          />
        </figure>
      ) : null}
      <div>
        {kicker ? (
          <p class="kicker">
            <a href={sectionPath(story.section)}>{story.section.name}</a>
          </p>
        ) : null}
        <h2 id="lead-headline">
          <a href={articlePath(story)}>{story.headline}</a>
        </h2>
        {story.standfirst ? <p class="standfirst">{story.standfirst}</p> : null}
      </div>
    </section>
  );
}
