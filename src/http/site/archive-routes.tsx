import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ArticleSummary } from '../../domain/article/article.js';
import {
  periodDescription,
  periodListKey,
  periodPath,
  periodTitle,
  type PaperPeriod,
} from '../../domain/publication/paper-days.js';
import { sectionPath } from '../../domain/section/section.js';
import {
  readDateArchive,
  type DateArchive,
  type NeighbouringPeriod,
} from '../../services/read-date-archive.js';
import { readLatestNews } from '../../services/read-latest-news.js';
import type { SiteContext } from '../../services/site-context.js';
import { Fragment, h, type SafeHtml } from '../jsx/jsx.js';
import { surrogateKeys } from './cache-headers.js';
import { sendListPage } from './list-routes.js';
import { originOf, pageNumber, type SiteOptions } from './page-response.js';
import { formatPublicationTime } from './publication-time.js';
import { breadcrumbList, collectionPageData } from './structured-data.js';
import { LATEST_PAGE } from './views/masthead.js';

/** A day's and a month's archive: four and two digits, so no section or story is shadowed. */
export const DAY_ROUTE = '/:year(^\\d{4}$)/:month(^\\d{2}$)/:day(^\\d{2}$)';
export const MONTH_ROUTE = '/:year(^\\d{4}$)/:month(^\\d{2}$)';

/** The parts of a date archive's address, as the route matched them. */
export interface DateParts {
  year: string;
  month: string;
  day?: string;
}

/** The line under a headline on a list of every section: where and when it was published. */
const placeAndTime = (timeZone: string) => (story: ArticleSummary) => (
  <p class="times">
    <a href={sectionPath(story.section)}>{story.section.name}</a>
    {' · '}
    <time datetime={story.publishedAt.toISOString()}>
      {formatPublicationTime(story.publishedAt, timeZone)}
    </time>
  </p>
);

/** Links to the nearest earlier and later days (or months) that have stories. */
function PeriodNav(props: { archive: DateArchive }) {
  const { previous, next, period } = props.archive;
  if (!previous && !next) return null;
  const link = (neighbour: NeighbouringPeriod | undefined, rel: 'prev' | 'next') =>
    neighbour ? (
      <a href={periodPath(neighbour.period)} rel={rel}>
        {rel === 'prev' ? '← ' : ''}
        {periodTitle(neighbour.period)}
        {rel === 'next' ? ' →' : ''}
      </a>
    ) : (
      <span />
    );
  return (
    <nav class="pagination" aria-label={period.day === undefined ? 'Months' : 'Days'}>
      {link(previous, 'prev')}
      {link(next, 'next')}
    </nav>
  );
}

function ArchiveHeader(props: { archive: DateArchive; title: string; path: string }) {
  const { archive } = props;
  const month =
    archive.period.day === undefined ? undefined : { ...archive.period, day: undefined };
  return (
    <header class="section-head">
      <h1>{props.title}</h1>
      <p>
        {month ? (
          <>
            <a href={periodPath(month)}>All of {periodTitle(month)}</a>
            {' · '}
          </>
        ) : null}
        <a href={`${props.path}rss.xml`}>Feed</a>
      </p>
      <PeriodNav archive={archive} />
    </header>
  );
}

/**
 * What a date archive's page is kept under: its period's list, and the stories its previous
 * and next links were found by (one taken down moves the link). The newest period with stories
 * has no next link until a later story appears, which any story's change may be (`latest`).
 */
const archiveKeys = (archive: DateArchive) => [
  periodListKey(archive.period),
  ...[archive.previous, archive.next].flatMap((n) =>
    n ? [surrogateKeys.article(n.story.id)] : [],
  ),
  ...(archive.next ? [] : [surrogateKeys.latest]),
];

function dateArchivePage(archive: DateArchive, request: FastifyRequest, options: SiteOptions) {
  const { period } = archive;
  const origin = originOf(request, options);
  const publisher = archive.publication.settings.name;
  const { timezone } = archive.publication.settings;
  const title = periodTitle(period);
  const path = periodPath(period);
  const month: PaperPeriod = { year: period.year, month: period.month };
  return {
    heading: title,
    intro: periodDescription(period, publisher),
    path,
    list: archive,
    ogType: 'website' as const,
    cacheKeys: archiveKeys(archive),
    feedPath: path.slice(0, -1),
    header: <ArchiveHeader archive={archive} title={title} path={path} />,
    cardLine: placeAndTime(timezone),
    noindex: archive.total === 0,
    structuredData: (url: string, description: string): SafeHtml => (
      <>
        {collectionPageData({ name: title, description, url, publisher, origin })}
        {breadcrumbList([
          { name: publisher, url: `${origin}/` },
          ...(period.day === undefined
            ? []
            : [{ name: periodTitle(month), url: `${origin}${periodPath(month)}` }]),
          { name: title, url: `${origin}${path}` },
        ])}
      </>
    ),
  };
}

/**
 * Date archives (`/2024/04/24/`, `/2024/04/`: the paper's local days and months) and the latest
 * news (`/latest`, every section newest first). Their feeds are in feed-routes.
 */
export function registerArchiveRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  const sendArchive = async (
    request: FastifyRequest<{ Params: DateParts }>,
    reply: Parameters<typeof sendListPage>[1],
  ) => {
    const archive = await readDateArchive(site, request.params, pageNumber(request.query));
    return sendListPage(request, reply, options, dateArchivePage(archive, request, options));
  };
  server.get<{ Params: DateParts }>(`${DAY_ROUTE}/`, sendArchive);
  server.get<{ Params: DateParts }>(`${MONTH_ROUTE}/`, sendArchive);

  server.get(`/${LATEST_PAGE}`, async (request, reply) => {
    const list = await readLatestNews(site, pageNumber(request.query));
    const origin = originOf(request, options);
    const publisher = list.publication.settings.name;
    return sendListPage(request, reply, options, {
      heading: 'Latest news',
      currentSection: LATEST_PAGE,
      intro: `Every story from ${publisher}, newest first.`,
      path: '/latest',
      list,
      ogType: 'website',
      cacheKeys: [surrogateKeys.latest],
      feedPath: '',
      cardLine: placeAndTime(list.publication.settings.timezone),
      structuredData: (url, description) =>
        collectionPageData({ name: 'Latest news', description, url, publisher, origin }),
    });
  });
}
