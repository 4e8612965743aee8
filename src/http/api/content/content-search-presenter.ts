import { articlePath } from '../../../domain/article/article.js';
import { snippetHtml } from '../../../domain/search/search-snippet.js';
import type { ContentSearchPage } from '../../../services/content-api/search-content-articles.js';
import { presentAuthor, presentSection } from './content-presenter.js';

/** A page of search results as the Content API answers it (see content-schema.ts). */
export const presentSearchPage = (page: ContentSearchPage, origin: string) => ({
  results: page.found.map(({ story, snippet }) => ({
    id: story.id,
    slug: story.slug,
    url: `${origin}${articlePath(story)}`,
    headline: story.headline,
    standfirst: story.standfirst,
    section: presentSection(story.section, origin),
    authors: story.bylines.map((author) => presentAuthor(author, origin)),
    publishedAt: story.publishedAt.toISOString(),
    snippetHtml: snippet ? snippetHtml(snippet) : null,
  })),
  total: page.total,
  more: page.more,
  page: page.page,
  pageCount: page.pageCount,
  corrections: page.corrections,
});
