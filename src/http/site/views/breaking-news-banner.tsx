import { h } from '../../jsx/jsx.js';
import type { ShownBreakingNews } from '../../../domain/publication/breaking-news.js';

/**
 * The breaking-news line under the masthead: a labelled region readers can find by landmark,
 * not an alert, so it never takes a screen reader's focus from the page they opened.
 */
export function BreakingNewsBanner({ banner }: { banner: ShownBreakingNews }) {
  return (
    <section class="breaking-news" aria-label="Breaking news">
      <div class="wrap">
        <p>
          <strong>Breaking</strong>{' '}
          {banner.href ? <a href={banner.href}>{banner.text}</a> : banner.text}
        </p>
      </div>
    </section>
  );
}
