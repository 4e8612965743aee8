import { articlePath } from '../../../domain/article/article.js';
import type { MostReadList } from '../../../services/readership/read-most-read.js';
import { h } from '../../jsx/jsx.js';

/** Fewer stories than this make no ranking worth a box (a new paper, a quiet section). */
export const MOST_READ_SHOWN_FROM = 3;

/** Whether a page shows the list at all. */
export const showsMostRead = (list: MostReadList | undefined): list is MostReadList =>
  (list?.stories.length ?? 0) >= MOST_READ_SHOWN_FROM;

/** The most-read stories of the last 24 hours, numbered, as headlines. */
export function MostReadBox({
  list,
  heading,
}: {
  list: MostReadList | undefined;
  heading: string;
}) {
  if (!showsMostRead(list)) return null;
  return (
    <section class="most-read" aria-labelledby="most-read">
      <h2 id="most-read">{heading}</h2>
      <ol>
        {list.stories.map((story) => (
          <li>
            <a href={articlePath(story)}>{story.headline}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
