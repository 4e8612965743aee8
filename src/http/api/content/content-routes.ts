import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseArticleFields } from '../../../domain/content-api/article-fields.js';
import type { ContentApiDeps } from '../../../services/content-api/content-api-deps.js';
import {
  listContentArticles,
  readContentArticle,
} from '../../../services/content-api/read-content-articles.js';
import {
  listContentAuthors,
  listContentSections,
  listContentTags,
  readContentAuthor,
  readContentSection,
  readContentSettings,
  readContentTag,
} from '../../../services/content-api/read-content-directory.js';
import { searchContentArticles } from '../../../services/content-api/search-content-articles.js';
import { surrogateKeys } from '../../site/cache-headers.js';
import { originOf, type SiteOptions } from '../../site/page-response.js';
import { articleAnswerKeys, articleListKeys } from './content-answer-keys.js';
import {
  presentArticle,
  presentAuthor,
  presentBreaking,
  presentSection,
  presentTag,
} from './content-presenter.js';
import { presentSearchPage } from './content-search-presenter.js';
import { contentRoute } from './content-route.js';
import * as schema from './content-schema.js';

/** The Content API's reads: articles, sections, tags, authors and the publication. */
export function registerContentRoutes(
  api: FastifyInstance,
  prefix: string,
  deps: ContentApiDeps,
  options: SiteOptions,
) {
  const origin = (request: FastifyRequest) => originOf(request, options);
  registerArticleReads(api, prefix, deps, origin);
  registerSectionReads(api, prefix, deps, origin);
  registerTagReads(api, prefix, deps, origin);
  registerAuthorReads(api, prefix, deps, origin);
  contentRoute(api, prefix, {
    url: '/settings',
    summary: 'The publication: name, tagline, locale, time zone, masthead, breaking news',
    input: schema.noInput,
    output: schema.settingsOutput,
    handle: async (_input, request) => {
      const { breaking, ...settings } = await readContentSettings(deps);
      const home = `${origin(request)}/`;
      return {
        body: { settings: { ...settings, url: home, breaking: presentBreaking(breaking, home) } },
        keys: [surrogateKeys.site],
      };
    },
  });
}

type Origin = (request: FastifyRequest) => string;

function registerSectionReads(
  api: FastifyInstance,
  prefix: string,
  deps: ContentApiDeps,
  origin: Origin,
) {
  contentRoute(api, prefix, {
    url: '/sections',
    summary: 'Every section, in the paper’s order',
    input: schema.noInput,
    output: schema.sectionListOutput,
    handle: async (_input, request) => {
      const sections = await listContentSections(deps);
      return {
        body: { sections: sections.map((s) => presentSection(s, origin(request))) },
        keys: sections.map((s) => surrogateKeys.section(s.id)),
      };
    },
  });
  for (const by of ['id', 'slug'] as const) {
    contentRoute(api, prefix, {
      url: by === 'id' ? '/sections/:id' : '/sections/slug/:slug',
      summary: `One section by its ${by}`,
      input: by === 'id' ? schema.byIdInput : schema.bySlugInput,
      output: schema.sectionOneOutput,
      handle: async (input, request) => {
        const section = await readContentSection(deps, input);
        return {
          body: { section: presentSection(section, origin(request)) },
          keys: [surrogateKeys.section(section.id)],
        };
      },
    });
  }
}

function registerTagReads(
  api: FastifyInstance,
  prefix: string,
  deps: ContentApiDeps,
  origin: Origin,
) {
  contentRoute(api, prefix, {
    url: '/tags',
    summary: 'Tags by slug, a page at a time',
    input: schema.tagListInput,
    output: schema.tagListOutput,
    handle: async (input, request) => {
      const page = await listContentTags(deps, input);
      return {
        body: { tags: page.tags.map((t) => presentTag(t, origin(request))), next: page.next },
        keys: [surrogateKeys.latest],
      };
    },
  });
  for (const by of ['id', 'slug'] as const) {
    contentRoute(api, prefix, {
      url: by === 'id' ? '/tags/:id' : '/tags/slug/:slug',
      summary: `One tag by its ${by}`,
      input: by === 'id' ? schema.byIdInput : schema.bySlugInput,
      output: schema.tagOneOutput,
      handle: async (input, request) => {
        const tag = await readContentTag(deps, input);
        return {
          body: { tag: presentTag(tag, origin(request)) },
          // It is there while a story readers may see carries it: its list says when that ends.
          keys: [surrogateKeys.tag(tag.id), surrogateKeys.tagList(tag.id)],
        };
      },
    });
  }
}

function registerAuthorReads(
  api: FastifyInstance,
  prefix: string,
  deps: ContentApiDeps,
  origin: Origin,
) {
  contentRoute(api, prefix, {
    url: '/authors',
    summary: 'The byline profiles on stories readers may see, by name',
    input: schema.noInput,
    output: schema.authorListOutput,
    handle: async (_input, request) => {
      const authors = await listContentAuthors(deps);
      return {
        body: { authors: authors.map((a) => presentAuthor(a, origin(request))) },
        // Any story may byline someone new; each profile shown changes with its own key.
        keys: [surrogateKeys.latest, ...authors.map((a) => surrogateKeys.author(a.id))],
      };
    },
  });
  for (const by of ['id', 'slug'] as const) {
    contentRoute(api, prefix, {
      url: by === 'id' ? '/authors/:id' : '/authors/slug/:slug',
      summary: `One byline profile by its ${by}`,
      input: by === 'id' ? schema.byIdInput : schema.bySlugInput,
      output: schema.authorOneOutput,
      handle: async (input, request) => {
        const author = await readContentAuthor(deps, input);
        return {
          body: { author: presentAuthor(author, origin(request)) },
          keys: [surrogateKeys.author(author.id)],
        };
      },
    });
  }
}

function registerArticleReads(
  api: FastifyInstance,
  prefix: string,
  deps: ContentApiDeps,
  origin: Origin,
) {
  contentRoute(api, prefix, {
    url: '/articles',
    summary: 'Published articles, newest first, a page at a time (keyset cursor)',
    input: schema.articleListInput,
    output: schema.articleListOutput,
    handle: async (input, request) => {
      const fields = parseArticleFields(input.fields);
      const page = await listContentArticles(deps, input);
      return {
        body: {
          articles: page.articles.map((a) => presentArticle(a, fields, origin(request))),
          next: page.next,
        },
        keys: articleListKeys(page.articles, fields, page.filters),
      };
    },
  });
  contentRoute(api, prefix, {
    url: '/search',
    summary: 'Published articles matching words, best match (or newest) first, with snippets',
    input: schema.searchInput,
    output: schema.searchOutput,
    handle: async (input, request) => {
      const page = await searchContentArticles(deps, input);
      return {
        body: presentSearchPage(page, origin(request)),
        keys: [surrogateKeys.latest, ...page.found.map((f) => surrogateKeys.article(f.story.id))],
      };
    },
  });
  for (const by of ['id', 'slug'] as const) {
    contentRoute(api, prefix, {
      url: by === 'id' ? '/articles/:id' : '/articles/slug/:slug',
      summary: `One published article by its ${by}${by === 'slug' ? ' (a former slug finds it too)' : ''}`,
      input: by === 'id' ? schema.articleByIdInput : schema.articleBySlugInput,
      output: schema.articleOneOutput,
      handle: async (input, request) => {
        const fields = parseArticleFields(input.fields);
        const article = await readContentArticle(
          deps,
          'id' in input ? { id: input.id } : { slug: input.slug },
        );
        return {
          body: { article: presentArticle(article, fields, origin(request)) },
          keys: articleAnswerKeys(article, fields),
        };
      },
    });
  }
}
