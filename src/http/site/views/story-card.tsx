import { h } from '../../jsx/jsx.js';
import { articlePath, type FrontStory } from '../../../domain/article/article.js';
import { Picture } from './picture.js';

const CARD_SIZES = '(min-width: 72rem) 17rem, (min-width: 34rem) 45vw, calc(100vw - 2rem)';

/** One story in a list: photo, headline, standfirst. */
export function StoryCard({
  story,
  headingLevel = 3,
}: {
  story: FrontStory;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card">
      {story.leadImage ? (
        <Picture
          media={story.leadImage.media}
          alt={story.leadImage.alt}
          sizes={CARD_SIZES}
          crop="16x9"
        />
      ) : null}
      <Heading>
        <a href={articlePath(story)}>{story.headline}</a>
      </Heading>
      {story.standfirst ? <p>{story.standfirst}</p> : null}
    </li>
  );
}
