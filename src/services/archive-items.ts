/**
 * An article as an item of the import format (`dateline import`), so an export can be read
 * back by the paper's own import: the same fields, the body as its document.
 */
import { lastChangeOf, type Article } from '../domain/article/article.js';
import type { BodyDocument } from '../domain/body/body-document.js';
import type { ImportedArticle } from './article-import-schema.js';

type Status = ImportedArticle['status'];

/**
 * The status an exported story is filed in again, or undefined when it is not exported: live
 * stories always, drafts and stories in review (scheduled ones as in review, since the format
 * has no schedule) only when asked; taken down and killed ones never, as readers lost them.
 */
export function exportedStatus(article: Article, drafts: boolean): Status | undefined {
  if (article.killedAt) return undefined;
  if (article.status === 'published') return 'published';
  if (!drafts) return undefined;
  if (article.status === 'draft') return 'draft';
  if (article.status === 'in_review' || article.status === 'scheduled') return 'in_review';
  return undefined;
}

/**
 * The body without library ids on its images: ids are this database's, and in another one
 * they would name another photo. The images keep their /media/ address.
 */
function portableBody(body: BodyDocument): BodyDocument {
  const json = JSON.stringify(body, (key, value: unknown) =>
    key === 'mediaId' ? undefined : value,
  );
  return JSON.parse(json) as BodyDocument;
}

/** The lead photo's entry, naming the exported file relative to the article file. */
type LeadFile = string | undefined;

/** The article as an import item whose lead photo is the file at `leadFile`. */
export function importItemOf(article: Article, status: Status, leadFile: LeadFile) {
  const lead = article.leadImage;
  // Readers' last change, so an imported story shows "Updated" exactly when the original did.
  const updatedAt = status === 'published' ? lastChangeOf(article) : article.updatedAt;
  return {
    headline: article.headline,
    slug: article.slug,
    section: {
      name: article.section.name,
      slug: article.section.slug,
      description: article.section.description,
      hidden: article.section.hidden,
      position: article.section.position,
    },
    standfirst: article.standfirst,
    dateline: article.dateline,
    ...(status === 'published' && article.publishedAt
      ? { publishedAt: article.publishedAt.toISOString() }
      : {}),
    updatedAt: updatedAt.toISOString(),
    status,
    source: article.signOff,
    bylines: article.bylines.map(({ name, kind, bio, links }) => ({ name, kind, bio, links })),
    tags: article.tags.map((tag) => tag.name),
    ...(lead && leadFile
      ? {
          leadImage: {
            file: leadFile,
            caption: lead.caption,
            credit: lead.credit,
            alt: lead.alt,
            focalPoint: lead.media.focalPoint,
          },
        }
      : {}),
    body: portableBody(article.body),
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    socialTitle: article.socialTitle,
    socialDescription: article.socialDescription,
    corrections: article.corrections.map((correction) => ({
      kind: correction.kind,
      text: correction.text,
      date: correction.createdAt.toISOString(),
    })),
  };
}
