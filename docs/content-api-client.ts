/**
 * A small typed client for the Dateline Content API: copy it into your app (it needs nothing
 * but `fetch`, so it runs in browsers, Node 18+, Deno and workers). See docs/content-api.md.
 *
 *   const api = new ContentApiClient('https://news.example', process.env.DATELINE_KEY!);
 *   for await (const article of api.allArticles({ section: 'world' })) console.log(article.headline);
 */

/** One shape of a photo in every width, as `srcset` strings per format. */
export interface PhotoCrop {
  width: number;
  height: number;
  srcset: { avif: string; webp: string; jpeg: string };
}

export interface LeadPhoto {
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
  placeholderColor: string;
  /** A JPEG about 800 pixels wide, for clients that read no srcset. */
  src: string;
  crops: { original: PhotoCrop; '16x9': PhotoCrop; '4x3': PhotoCrop; '1x1': PhotoCrop };
  /** The 1200×628 card for shared links. */
  social: string;
}

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  url: string;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
  url: string;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  kind: 'staff' | 'guest' | 'agency';
  bio: string;
  url: string;
}

export interface Correction {
  kind: 'correction' | 'clarification';
  text: string;
  createdAt: string;
}

/** A published article with every field; `fields=` answers a Pick of it. */
export interface Article {
  id: number;
  slug: string;
  /** The canonical reader page: link to it, and name it as rel=canonical if you republish. */
  url: string;
  headline: string;
  standfirst: string;
  dateline: string;
  /** The body as HTML: embeds are plain links, images have absolute URLs. */
  bodyHtml: string;
  /** The body as its structured document (ProseMirror JSON). */
  body: { type: 'doc'; content: Record<string, unknown>[] };
  leadPhoto: LeadPhoto | null;
  section: Section;
  tags: Tag[];
  authors: Author[];
  /** ISO 8601 instants. */
  publishedAt: string;
  updatedAt: string;
  corrections: Correction[];
  signOff: string;
}

export type ArticleField = keyof Article;

export interface PublicationSettings {
  name: string;
  tagline: string;
  editorInChief: string;
  locale: string;
  timezone: string;
  country: string;
  url: string;
}

export interface ArticleQuery<F extends ArticleField = ArticleField> {
  section?: string;
  tag?: string;
  author?: string;
  /** Published at or after (an ISO 8601 instant or day). */
  since?: string;
  /** Published before. */
  until?: string;
  /** 1–100, 20 unless given. */
  limit?: number;
  cursor?: string;
  fields?: readonly F[];
}

export interface Page<T> {
  items: T[];
  /** Pass it as `cursor` for the next page; null on the last. */
  next: string | null;
}

/** A refusal of the API: `status` 400, 401, 404 or 429, and its `{ error, field? }`. */
export class ContentApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** Seconds to wait, on a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ContentApiError';
  }
}

export class ContentApiClient {
  /** Answers kept by URL with their ETag, so an unchanged answer costs a 304 and no body. */
  private readonly cache = new Map<string, { etag: string; body: unknown }>();

  constructor(
    private readonly origin: string,
    private readonly key: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /** One page of articles, newest first. */
  async articles<F extends ArticleField = ArticleField>(
    query: ArticleQuery<F> = {},
  ): Promise<Page<Pick<Article, F>>> {
    const { fields, ...rest } = query;
    const params = { ...rest, ...(fields && { fields: fields.join(',') }) };
    const body = await this.get<{ articles: Pick<Article, F>[]; next: string | null }>(
      '/articles',
      params,
    );
    return { items: body.articles, next: body.next };
  }

  /** Every article matching the query, page after page; stable while the paper publishes. */
  async *allArticles<F extends ArticleField = ArticleField>(
    query: Omit<ArticleQuery<F>, 'cursor'> = {},
  ): AsyncGenerator<Pick<Article, F>> {
    let cursor: string | undefined;
    do {
      const page = await this.articles({ ...query, cursor });
      yield* page.items;
      cursor = page.next ?? undefined;
    } while (cursor);
  }

  async article(id: number): Promise<Article> {
    return (await this.get<{ article: Article }>(`/articles/${id}`)).article;
  }

  async articleBySlug(slug: string): Promise<Article> {
    return (await this.get<{ article: Article }>(`/articles/slug/${encodeURIComponent(slug)}`))
      .article;
  }

  async sections(): Promise<Section[]> {
    return (await this.get<{ sections: Section[] }>('/sections')).sections;
  }

  async tags(query: { limit?: number; cursor?: string } = {}): Promise<Page<Tag>> {
    const body = await this.get<{ tags: Tag[]; next: string | null }>('/tags', query);
    return { items: body.tags, next: body.next };
  }

  async authors(): Promise<Author[]> {
    return (await this.get<{ authors: Author[] }>('/authors')).authors;
  }

  async settings(): Promise<PublicationSettings> {
    return (await this.get<{ settings: PublicationSettings }>('/settings')).settings;
  }

  private async get<T>(
    path: string,
    params: Record<string, string | number | undefined> = {},
  ): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) search.set(name, String(value));
    const query = search.toString();
    const url = `${this.origin}/api/content${path}${query ? `?${query}` : ''}`;
    const cached = this.cache.get(url);
    const response = await this.fetchFn(url, {
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(cached && { 'if-none-match': cached.etag }),
      },
    });
    if (response.status === 304 && cached) return cached.body as T;
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as {
        error?: string;
        field?: string;
      };
      const retryAfter = Number(response.headers.get('retry-after')) || undefined;
      throw new ContentApiError(
        response.status,
        problem.error ?? response.statusText,
        problem.field,
        retryAfter,
      );
    }
    const body = (await response.json()) as T;
    const etag = response.headers.get('etag');
    if (etag) this.cache.set(url, { etag, body });
    return body;
  }
}
