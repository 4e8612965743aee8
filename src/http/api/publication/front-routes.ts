import type { FastifyInstance } from 'fastify';
import {
  checkCuration,
  curateFront,
  readFrontCuration,
  sectionOfFront,
  type FrontRef,
} from '../../../services/curate-front.js';
import { readHomePage } from '../../../services/read-home-page.js';
import { readSectionFront } from '../../../services/read-section-front.js';
import type { SiteContext } from '../../../services/site-context.js';
import { sectionFrontDocument } from '../../site/list-routes.js';
import { sendPreviewPage, type SiteOptions } from '../../site/page-response.js';
import { homePageDocument } from '../../site/site-routes.js';
import { defineEndpoint } from '../define-endpoint.js';
import { previewPageOutput } from '../desk/desk-schema.js';
import {
  curationOutput,
  homeCurationInput,
  nothing,
  proposalInput,
  sectionCurationInput,
  sectionParams,
  sectionProposalInput,
} from './publication-schema.js';

const HOME: FrontRef = { sectionId: null };

const proposed = (input: { lead?: number; top?: number[] }) => ({
  lead: input.lead ?? null,
  top: input.top ?? [],
});

/**
 * The running order of the fronts — the home page and each section's — for editors: read it,
 * set it, and see the front as readers would with an unsaved choice.
 */
export function registerFrontRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  registerHomeFrontRoutes(server, site, options);
  registerSectionFrontRoutes(server, site, options);
}

function registerHomeFrontRoutes(server: FastifyInstance, site: SiteContext, options: SiteOptions) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/homepage',
    input: nothing,
    output: curationOutput,
    permission: 'homepage.curate',
    handle: () => readFrontCuration(site.publication, HOME),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/homepage',
    input: homeCurationInput,
    output: curationOutput,
    permission: 'signed_in',
    handle: ({ input, actor }) => curateFront(site, actor, HOME, input),
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/homepage/preview',
    input: proposalInput,
    output: previewPageOutput,
    mediaType: 'text/html',
    permission: 'homepage.curate',
    handle: async ({ input, request, reply }) => {
      const curation = await checkCuration(site, HOME, proposed(input));
      const page = await readHomePage(site, curation);
      return sendPreviewPage(reply, homePageDocument(page, request, options));
    },
  });
}

function registerSectionFrontRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/sections/:id/front',
    input: sectionParams,
    output: curationOutput,
    permission: 'homepage.curate',
    handle: ({ input }) => readFrontCuration(site.publication, { sectionId: input.id }),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/sections/:id/front',
    input: sectionCurationInput,
    output: curationOutput,
    permission: 'homepage.curate',
    handle: ({ input: { id, ...curation }, actor }) =>
      curateFront(site, actor, { sectionId: id }, curation),
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/sections/:id/front/preview',
    input: sectionProposalInput,
    output: previewPageOutput,
    mediaType: 'text/html',
    permission: 'homepage.curate',
    handle: async ({ input, request, reply }) => {
      const front = { sectionId: input.id };
      const curation = await checkCuration(site, front, proposed(input));
      const section = await sectionOfFront(site.publication, front);
      const list = await readSectionFront(site, section?.slug ?? '', 1, curation);
      return sendPreviewPage(reply, sectionFrontDocument(list, request, options));
    },
  });
}
