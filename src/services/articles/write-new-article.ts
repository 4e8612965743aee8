import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { slugify, uniqueSlug } from '../../domain/article/slug.js';
import { invalid } from '../../domain/errors.js';
import type { Stores } from '../ports.js';
import { assertReferencesExist, columnsFor, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';

/** The stores filing a new article touches. */
export type NewArticleStores = Pick<
  Stores,
  'articles' | 'desk' | 'revisions' | 'tags' | 'sections' | 'authors' | 'media' | 'settings'
>;

/** Where a new article comes from, beyond its text. */
export interface ArticleOrigin {
  /** The person who started it; null for a story the command line brought in. */
  createdBy: number | null;
  /**
   * When it first went out, for a story published elsewhere before it came here (an import):
   * the publish transition keeps a published time it finds.
   */
  publishedAt?: Date | null;
}

/**
 * Files a new draft inside the caller's transaction: the row, its bylines, tags and photos,
 * and revision 1 with the text as given. The newsroom's createArticle and the import share it,
 * so every story starts the same way whoever brings it; each checks its caller first.
 */
export async function writeNewArticle(
  stores: NewArticleStores,
  draft: ArticleDraft,
  origin: ArticleOrigin,
  now: Date,
): Promise<{ id: number; slug: string; revision: number }> {
  await assertReferencesExist(stores, draft);
  await assertEmbedsAllowed(stores, draft.body);
  if (draft.slug && (await stores.articles.slugTaken(draft.slug))) {
    throw invalid(`slug: ${draft.slug} is already used by another article`, 'slug');
  }
  const slug =
    draft.slug ?? (await uniqueSlug(slugify(draft.headline), (s) => stores.articles.slugTaken(s)));
  const id = await stores.articles.create(
    {
      ...columnsFor(draft),
      slug,
      status: 'draft',
      publishedAt: origin.publishedAt ?? null,
      authorIds: [],
      tagIds: [],
    },
    now,
  );
  if (origin.createdBy !== null) await stores.desk.setCreatedBy(id, origin.createdBy);
  await writeLinks(stores, id, draft);
  await stores.desk.saveIfAt(id, 0, 1, {}, now);
  await stores.revisions.add(id, {
    number: 1,
    kind: 'save',
    basedOn: null,
    userId: origin.createdBy,
    createdAt: now,
    snapshot: { ...draft, slug },
  });
  return { id, slug, revision: 1 };
}
