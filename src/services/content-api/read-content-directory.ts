import type { Tag } from '../../domain/article/article.js';
import type { AuthorProfile } from '../../domain/author/author.js';
import { invalid, notFound } from '../../domain/errors.js';
import { shownBreakingNews } from '../../domain/publication/breaking-news.js';
import type { Section } from '../../domain/section/section.js';
import type { ContentApiDeps } from './content-api-deps.js';

type Deps = Pick<ContentApiDeps, 'stores' | 'publication' | 'clock'>;

/** Every section, in the paper's order. */
export async function listContentSections(deps: Deps): Promise<Section[]> {
  return (await deps.publication.current()).sections;
}

/** One section by id or slug; NotFound otherwise. */
export async function readContentSection(
  deps: Deps,
  by: { id: number } | { slug: string },
): Promise<Section> {
  // Hidden sections too: like their fronts, they are unlisted, not gone.
  const { sectionsBySlug } = await deps.publication.current();
  const section =
    'id' in by
      ? [...sectionsBySlug.values()].find((s) => s.id === by.id)
      : sectionsBySlug.get(by.slug);
  if (!section) throw notFound('No such section');
  return section;
}

const TAG_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** A page of tags by slug, and the cursor of the next (null on the last page). */
export async function listContentTags(
  deps: Deps,
  query: { cursor?: string; limit: number },
): Promise<{ tags: Tag[]; next: string | null }> {
  let afterSlug: string | undefined;
  if (query.cursor !== undefined) {
    if (!TAG_CURSOR.test(query.cursor))
      throw invalid('cursor: is not a cursor this API gave out', 'cursor');
    afterSlug = Buffer.from(query.cursor, 'base64url').toString('utf8');
  }
  const found = await deps.stores.contentReads.listTags({
    afterSlug,
    limit: query.limit + 1,
    asOf: deps.clock.now(),
  });
  const tags = found.slice(0, query.limit);
  const last = tags.at(-1);
  const next =
    found.length > query.limit && last
      ? Buffer.from(last.slug, 'utf8').toString('base64url')
      : null;
  return { tags, next };
}

/** One tag by id or slug, while a story readers may see carries it; NotFound otherwise. */
export async function readContentTag(deps: Deps, by: { id: number } | { slug: string }) {
  const asOf = deps.clock.now();
  const tag =
    'id' in by
      ? await deps.stores.contentReads.findTagById(by.id, asOf)
      : await deps.stores.tags.findListedBySlug(by.slug, asOf);
  if (!tag) throw notFound('No such tag');
  return tag;
}

/**
 * The byline profiles readers can meet, by name: those on at least one story readers may see,
 * like tags, so a profile made for an embargoed story (or a new colleague's) is not announced.
 */
export async function listContentAuthors(deps: Deps): Promise<AuthorProfile[]> {
  const [authors, listed] = await Promise.all([
    deps.stores.authors.list(),
    deps.stores.contentReads.listedAuthorIds(deps.clock.now()),
  ]);
  const bylined = new Set(listed);
  return authors.filter((author) => bylined.has(author.id));
}

/** One byline profile by id or slug; NotFound otherwise. */
export async function readContentAuthor(deps: Deps, by: { id: number } | { slug: string }) {
  const author =
    'id' in by
      ? (await deps.stores.authors.findByIds([by.id]))[0]
      : await deps.stores.authors.findBySlug(by.slug);
  if (!author) throw notFound('No such author');
  return author;
}

/** The publication as partners may show it: its name and masthead, nothing internal. */
export async function readContentSettings(deps: Deps) {
  const { settings, breaking } = await deps.publication.current();
  return {
    breaking: shownBreakingNews(breaking, deps.clock.now()),
    name: settings.name,
    tagline: settings.tagline,
    editorInChief: settings.editorInChief,
    locale: settings.locale,
    timezone: settings.timezone,
    country: settings.country,
  };
}
