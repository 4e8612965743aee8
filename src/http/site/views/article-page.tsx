import { h, trustedHtml } from '../../jsx/jsx.js';
import { authorPath } from '../../../domain/author/author.js';
import { tagPath, type Article } from '../../../domain/article/article.js';
import { signOffSource } from '../../../domain/article/sign-off.js';
import {
  NO_FURTHER_READING,
  type FurtherReading,
} from '../../../domain/article/related-stories.js';
import type { AuthorProfile } from '../../../domain/author/author.js';
import type { EmbedAllowance } from '../../../domain/body/body-embeds.js';
import { renderBodyHtml, type LibraryImage } from '../../../domain/body/render-body-html.js';
import { sectionPath } from '../../../domain/section/section.js';
import { dayArchivePath, formatPublicationTime } from '../publication-time.js';
import { FurtherReadingView } from './further-reading.js';
import { ArrowUpIcon, HomeIcon } from './icons.js';
import { Picture } from './picture.js';
import { ShareLinks } from './share-links.js';

/** Library photos in the body as <picture>, like the lead photo but lazy. */
const inlinePictures = (article: Article) => {
  const photos = new Map(article.inlinePhotos.map((photo) => [photo.id, photo]));
  return (image: LibraryImage) => {
    const media = photos.get(image.mediaId);
    return (
      media && (
        <Picture
          media={media}
          alt={image.alt}
          sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"
        />
      )
    )?.html;
  };
};

/** A change this soon after publication is part of publishing, not an update readers need. */
const UPDATE_THRESHOLD_MS = 5 * 60_000;

function Bylines({ authors }: { authors: AuthorProfile[] }) {
  if (authors.length === 0) return null;
  return (
    <p class="byline">
      By{' '}
      {authors.map((author, i) => [
        i === 0 ? '' : i === authors.length - 1 ? ' and ' : ', ',
        <a href={authorPath(author)}>{author.name}</a>,
      ])}
    </p>
  );
}

function Times({ article, timeZone }: { article: Article; timeZone: string }) {
  const published = article.publishedAt;
  if (!published) return null;
  // Only a change readers saw counts: waiting saves never set liveChangedAt.
  const changed = article.liveChangedAt;
  const updated =
    changed && changed.getTime() - published.getTime() > UPDATE_THRESHOLD_MS ? changed : null;
  return (
    <p class="times">
      Published{' '}
      <a href={dayArchivePath(published, timeZone)}>
        <time datetime={published.toISOString()}>{formatPublicationTime(published, timeZone)}</time>
      </a>
      {updated ? (
        <span>
          {' · '}Updated{' '}
          <time datetime={updated.toISOString()}>{formatPublicationTime(updated, timeZone)}</time>
        </span>
      ) : null}
    </p>
  );
}

function Corrections({ article, timeZone }: { article: Article; timeZone: string }) {
  if (article.corrections.length === 0) return null;
  return (
    <aside class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and clarifications</h2>
      <ul>
        {article.corrections.map((correction) => (
          <li>
            <strong>{correction.kind === 'correction' ? 'Correction' : 'Clarification'}</strong>
            {' ('}
            <time datetime={correction.createdAt.toISOString()}>
              {formatPublicationTime(correction.createdAt, timeZone)}
            </time>
            {'): '}
            {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function TextSizeControls() {
  return (
    <div class="text-size" role="group" aria-label="Text size">
      <button type="button" data-text-size="-">
        A−<span class="visually-hidden"> Decrease text size</span>
      </button>
      <button type="button" data-text-size="+">
        A+<span class="visually-hidden"> Increase text size</span>
      </button>
      <span class="visually-hidden" id="text-size-status" role="status"></span>
    </div>
  );
}

// The parts of the page that never change, rendered once when the module loads.
const TOOLS = (
  <div class="tools">
    <TextSizeControls />
  </div>
);
const PAGE_END = (
  <nav class="page-end" aria-label="Page">
    <a href="#top">
      <ArrowUpIcon />
      Back to top
    </a>
    <a href="/">
      <HomeIcon />
      Home
    </a>
  </nav>
);

/** The article as readers see it, in the order of the reference page. */
export function ArticlePageView({
  article,
  url,
  timeZone,
  embeds,
  countsViews = false,
  furtherReading = NO_FURTHER_READING,
}: {
  article: Article;
  url: string;
  timeZone: string;
  /** The publication's allow-list: embeds of other providers print as links. */
  embeds: EmbedAllowance;
  /** The page's script reports a reader's view (the reader site; never a preview). */
  countsViews?: boolean;
  /** What the foot lists to read next; a preview lists nothing. */
  furtherReading?: FurtherReading;
}) {
  const lead = article.leadImage;
  return (
    <article class="story" data-view={countsViews ? article.id : undefined}>
      <header>
        <p class="kicker">
          <a href={sectionPath(article.section)}>{article.section.name}</a>
        </p>
        <h1>{article.headline}</h1>
        {article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
        <Bylines authors={article.bylines} />
        <Times article={article} timeZone={timeZone} />
      </header>
      {lead ? (
        <figure class="lead-figure">
          <Picture
            media={lead.media}
            alt={lead.alt}
            sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"
            priority
          />
          {lead.caption || lead.credit ? (
            <figcaption>
              {lead.caption}
              {lead.credit ? <span class="credit"> — {lead.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {TOOLS}
      <div class="story-body">
        {trustedHtml(
          renderBodyHtml(article.body, {
            dateline: article.dateline,
            embeds,
            pictureFor: inlinePictures(article),
          }),
        )}
      </div>
      {article.signOff ? <p class="sign-off">— {signOffSource(article.signOff)}</p> : null}
      <Corrections article={article} timeZone={timeZone} />
      {article.tags.length > 0 ? (
        <ul class="tags" aria-label="Topics">
          {article.tags.map((tag) => (
            <li>
              <a href={tagPath(tag)}>{tag.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <ShareLinks url={url} title={article.headline} />
      <FurtherReadingView reading={furtherReading} section={article.section} timeZone={timeZone} />
      {PAGE_END}
    </article>
  );
}
