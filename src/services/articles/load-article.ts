import type { Article } from '../../domain/article/article.js';
import { notFound } from '../../domain/errors.js';
import type { ArticleAccess } from '../../domain/roles/permissions.js';
import type { Stores } from '../ports.js';

/** The article, or NotFound naming the id. */
export async function loadArticle(stores: Pick<Stores, 'articles'>, id: number): Promise<Article> {
  const article = await stores.articles.findById(id);
  if (!article) throw notFound(`There is no article ${id}`);
  return article;
}

/** What permission decisions need to know about an article. */
export const accessOf = (article: Article): ArticleAccess => ({
  createdBy: article.createdBy,
  status: article.status,
  killed: article.killedAt !== null,
});
