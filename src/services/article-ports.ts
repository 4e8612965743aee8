/**
 * The article as the storage layer records it: the shapes both the article store and the desk's
 * ports take, in a file of their own so neither port file imports the other.
 */
import type { ArticleStatus } from '../domain/article/article.js';
import type { BodyDocument } from '../domain/body/body-document.js';

/** What a new article is made of, as the storage layer records it. */
export interface NewArticle {
  slug: string;
  sectionId: number;
  headline: string;
  standfirst: string;
  dateline: string;
  body: BodyDocument;
  lead: { mediaId: number; caption: string; credit: string; alt: string } | null;
  signOff: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  seoTitle: string;
  seoDescription: string;
  socialTitle?: string;
  socialDescription?: string;
  socialImageId?: number | null;
  /** When what readers see last changed after the story went live. */
  liveChangedAt?: Date | null;
  authorIds: number[];
  tagIds: number[];
  /** When an imported story was last changed at its source; defaults to now. */
  updatedAt?: Date;
}

/** The fields of an article that may change after it is created. */
export type ArticleChanges = Partial<Omit<NewArticle, 'authorIds' | 'tagIds' | 'updatedAt'>>;
