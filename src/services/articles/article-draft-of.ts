import type { Article } from '../../domain/article/article.js';
import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { invalid } from '../../domain/errors.js';
import type { NewArticle, Stores } from '../ports.js';

type DraftColumns = Pick<
  NewArticle,
  | 'headline'
  | 'standfirst'
  | 'dateline'
  | 'body'
  | 'sectionId'
  | 'lead'
  | 'signOff'
  | 'seoTitle'
  | 'seoDescription'
  | 'socialTitle'
  | 'socialDescription'
  | 'socialImageId'
>;

/** The editable content of an article, as a revision records it. */
export function draftOf(article: Article): ArticleDraft {
  const lead = article.leadImage;
  return {
    headline: article.headline,
    slug: article.slug,
    standfirst: article.standfirst,
    dateline: article.dateline,
    body: article.body,
    sectionId: article.section.id,
    tags: article.tags.map((t) => t.name),
    bylines: article.bylines.map((a) => a.id),
    lead: lead && {
      mediaId: lead.media.id,
      caption: lead.caption,
      credit: lead.credit,
      alt: lead.alt,
    },
    signOff: article.signOff,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    socialTitle: article.socialTitle,
    socialDescription: article.socialDescription,
    socialImageId: article.socialImage?.id ?? null,
  };
}

/** The article's columns for a draft (slug handled by the caller). */
export const columnsFor = (draft: ArticleDraft): DraftColumns => ({
  headline: draft.headline,
  standfirst: draft.standfirst,
  dateline: draft.dateline,
  body: draft.body,
  sectionId: draft.sectionId,
  lead: draft.lead,
  signOff: draft.signOff,
  seoTitle: draft.seoTitle,
  seoDescription: draft.seoDescription,
  socialTitle: draft.socialTitle,
  socialDescription: draft.socialDescription,
  socialImageId: draft.socialImageId,
});

/** Refuses a draft naming a section, byline or photo that does not exist. */
export async function assertReferencesExist(
  stores: Pick<Stores, 'sections' | 'authors' | 'media'>,
  draft: ArticleDraft,
): Promise<void> {
  const sections = await stores.sections.list();
  if (!sections.some((s) => s.id === draft.sectionId)) {
    throw invalid(`sectionId: there is no section ${draft.sectionId}`, 'sectionId');
  }
  const authors = await stores.authors.findByIds(draft.bylines);
  const missing = draft.bylines.find((id) => !authors.some((a) => a.id === id));
  if (missing !== undefined) throw invalid(`bylines: there is no author ${missing}`, 'bylines');
  if (draft.lead && !(await stores.media.findById(draft.lead.mediaId))) {
    throw invalid(`lead.mediaId: there is no photo ${draft.lead.mediaId}`, 'lead.mediaId');
  }
  if (draft.socialImageId !== null && !(await stores.media.findById(draft.socialImageId))) {
    throw invalid(
      `socialImageId: there is no photo ${draft.socialImageId} in the library`,
      'socialImageId',
    );
  }
}

/** Writes a draft's bylines and tags. */
export async function writeLinks(
  stores: Pick<Stores, 'desk' | 'tags'>,
  articleId: number,
  draft: ArticleDraft,
) {
  await stores.desk.setBylines(articleId, draft.bylines);
  const tags = await stores.tags.findOrCreate(draft.tags);
  await stores.desk.setTags(
    articleId,
    tags.map((t) => t.id),
  );
}
