import type { FastifyReply, FastifyRequest } from 'fastify';
import { readMasthead } from '../../services/read-masthead.js';
import { movedSectionLocation } from '../../services/read-section-front.js';
import { importedStoryLocation } from '../../services/read-old-address.js';
import type { SiteContext } from '../../services/site-context.js';
import { h } from '../jsx/jsx.js';
import { ErrorPageView, errorWording } from './views/error-page.js';
import { Layout } from './views/layout.js';
import { sendPage } from './page-response.js';

/** The last resort when even the masthead cannot be read (the database is down). */
const BARE_ERROR_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Something went wrong</title></head><body><main><h1>Something went wrong on our side</h1><p>Please try again in a moment.</p><p><a href="/">Go to the front page</a></p></main></body></html>';

/** A reader-facing error page with the masthead and navigation, so nobody is stranded. */
export async function sendErrorPage(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail?: string,
) {
  try {
    // A renamed section's old addresses are sent on, wherever under it they pointed, and an
    // imported story's address on its old site leads to it.
    const moved =
      status === 404
        ? ((await movedSectionLocation(site, request.url)) ??
          (await importedStoryLocation(site, request.url)))
        : undefined;
    if (moved !== undefined && (request.method === 'GET' || request.method === 'HEAD'))
      return await reply.redirect(moved, 301);
    const publication = await site.publication.current();
    const masthead = readMasthead(publication, site.clock.now(), site.weather);
    const { title } = errorWording(status);
    const meta = {
      title: `${title} — ${publication.settings.name}`,
      description: title,
      lang: publication.settings.locale,
      siteName: publication.settings.name,
      noindex: true,
    };
    return await sendPage(
      reply,
      <Layout meta={meta} masthead={masthead} sections={publication.sections}>
        <ErrorPageView status={status} detail={detail} />
      </Layout>,
      { status },
    );
  } catch {
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(BARE_ERROR_PAGE);
  }
}
