import { articlePath, type Article } from '../../domain/article/article.js';
import type { ArticleEvent, Reads, Stores } from '../ports.js';
import type { WebhookDeps } from './webhook-deps.js';

/** What a subscriber is told of the article; a killed story only by id and address. */
function articleData(id: number | null, article: Article | undefined, origin: string) {
  if (!article) return { id };
  const url = `${origin}${articlePath(article)}`;
  // A killed story was pulled (often for legal reasons): say which, not what it said.
  if (article.killedAt) return { id: article.id, url, killedAt: article.killedAt.toISOString() };
  return {
    id: article.id,
    url,
    headline: article.headline,
    standfirst: article.standfirst,
    section: { slug: article.section.slug, name: article.section.name },
    bylines: article.bylines.map((author) => author.name),
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
  };
}

/**
 * The JSON body sent for an event, made once when the event is heard: every attempt sends
 * the same bytes, and the receiver sees the article as it was then.
 */
export async function webhookBody(
  deps: Pick<WebhookDeps, 'publicUrl'> & { storage: Reads<Pick<Stores, 'articles'>> },
  event: ArticleEvent,
): Promise<string> {
  const article =
    event.articleId === null
      ? undefined
      : await deps.storage.stores.articles.findById(event.articleId);
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data: { article: articleData(event.articleId, article, deps.publicUrl) },
  });
}
