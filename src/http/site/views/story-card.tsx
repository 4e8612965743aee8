import { h, type SafeHtml } from '../../jsx/jsx.js';
import { articlePath, type FrontStory } from '../../../domain/article/article.js';
import type { SnippetPart } from '../../../domain/search/search-snippet.js';
import { Picture } from './picture.js';

const CARD_SIZES = '(min-width: 72rem) 17rem, (min-width: 34rem) 45vw, calc(100vw - 2rem)';

/** The passage a search matched, its matched words marked (the runtime escapes the text). */
const Snippet = ({ parts }: { parts: SnippetPart[] }) => (
  <p class="snippet">{parts.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
);

/** One story in a list: photo, headline, standfirst (or the passage a search matched). */
export function StoryCard({
  story,
  headingLevel = 3,
  snippet,
  line,
}: {
  story: FrontStory;
  headingLevel?: 2 | 3;
  snippet?: SnippetPart[];
  /** Said under the headline: the story's section and time on lists of every section. */
  line?: SafeHtml;
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
      {line}
      {snippet ? <Snippet parts={snippet} /> : story.standfirst ? <p>{story.standfirst}</p> : null}
    </li>
  );
}
