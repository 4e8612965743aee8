import { z } from 'zod';
import { EMBED_PROVIDER_IDS, type EmbedProviderId } from '../embed/embed-provider.js';
import { embedProviderName } from '../embed/embed-providers.js';
import { MAX_EMBED_URL_LENGTH, recogniseEmbedFor } from '../embed/recognise-embed.js';
import { invalid } from '../errors.js';
import { findShapeProblem, MAX_BLOCKS } from './body-shape.js';
import { isSafeHref, isSafeImageSrc } from './safe-url.js';

/**
 * An article body: a ProseMirror-style JSON document using Tiptap's node and mark names.
 * Bodies are stored as this document, never as HTML; HTML is rendered from it.
 */
export interface BodyDocument {
  type: 'doc';
  content: Block[];
}

/** A top-level block; quotes and list items accept only some of these (see their types). */
export type Block =
  Paragraph | Heading | Blockquote | List | HorizontalRule | ImageBlock | EmbedBlock;
/** A bulleted or numbered list. */
export type List = BulletList | OrderedList;
/** Content of a paragraph or heading. */
export type Inline = TextNode | HardBreak;
/** Formatting on a run of text. */
export type Mark = BoldMark | ItalicMark | LinkMark;
/** Section headings run from 2 to 4: level 1 is the article's headline. */
export type HeadingLevel = 2 | 3 | 4;

/** A paragraph; without content it is an empty line, which is not rendered. */
export interface Paragraph {
  type: 'paragraph';
  content?: Inline[];
}
/** A subheading inside the story. */
export interface Heading {
  type: 'heading';
  attrs: { level: HeadingLevel };
  content?: Inline[];
}
/** A quotation set apart: paragraphs only. */
export interface Blockquote {
  type: 'blockquote';
  content: Paragraph[];
}
/** An unnumbered list. */
export interface BulletList {
  type: 'bulletList';
  content: ListItem[];
}
/** A numbered list; Tiptap writes `start`, and a later start continues a numbering. */
export interface OrderedList {
  type: 'orderedList';
  attrs?: { start: number };
  content: ListItem[];
}
/** Tiptap's `paragraph block*`: a paragraph first, then paragraphs and nested lists. */
export interface ListItem {
  type: 'listItem';
  content: [Paragraph, ...(Paragraph | List)[]];
}
/** A section break. */
export interface HorizontalRule {
  type: 'horizontalRule';
}
/** A photo or graphic in the story, printed as a figure. */
export interface ImageBlock {
  type: 'image';
  attrs: ImageAttrs;
}
/** An image's source (http(s) or /media/), alt text, and optional caption, credit and size. */
export interface ImageAttrs {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
  /** The photo library's item, when the image is one: the page may then print its variants. */
  mediaId?: number;
}
/** Content from another site (a video, a post, a map), framed only if its provider is allowed. */
export interface EmbedBlock {
  type: 'embed';
  attrs: EmbedAttrs;
}
/** Which provider, the address as pasted (one of the provider's shapes), and a caption. */
export interface EmbedAttrs {
  provider: EmbedProviderId;
  url: string;
  caption?: string;
}
/** A run of text with the same marks. */
export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}
/** A line break inside a paragraph. */
export interface HardBreak {
  type: 'hardBreak';
}
/** Strong emphasis. */
export interface BoldMark {
  type: 'bold';
}
/** Emphasis. */
export interface ItalicMark {
  type: 'italic';
}
/** A link; its href is limited to safe schemes (see safe-url.ts). */
export interface LinkMark {
  type: 'link';
  attrs: { href: string };
}

const LINK_RULE = 'only http, https, mailto, tel and site-relative links are allowed';
const IMAGE_RULE = 'images must come from an http(s) URL or /media/';

const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }).strict(),
  z.object({ type: z.literal('italic') }).strict(),
  z
    .object({
      type: z.literal('link'),
      attrs: z.object({ href: z.string().max(2_048).refine(isSafeHref, LINK_RULE) }).strict(),
    })
    .strict(),
]);

const inlineSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('text'),
      text: z.string().min(1, 'text nodes must not be empty').max(100_000),
      marks: z
        .array(markSchema)
        .max(3)
        .refine(hasDistinctTypes, 'a mark may appear once')
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('hardBreak') }).strict(),
]);

const inlineContent = z.array(inlineSchema).max(10_000).optional();

const paragraphSchema = z.object({ type: z.literal('paragraph'), content: inlineContent }).strict();

const headingSchema = z
  .object({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
    content: inlineContent,
  })
  .strict();

const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z
    .object({
      type: z.literal('listItem'),
      content: z.tuple([paragraphSchema]).rest(listItemBlockSchema),
    })
    .strict()
    .refine((item) => item.content.length <= 100, 'a list item holds at most 100 blocks'),
);

const listItems = z.array(listItemSchema).min(1).max(1_000);

const bulletListSchema = z.object({ type: z.literal('bulletList'), content: listItems }).strict();

const orderedListSchema = z
  .object({
    type: z.literal('orderedList'),
    attrs: z
      .object({ start: z.number().int().min(0).max(100_000) })
      .strict()
      .optional(),
    content: listItems,
  })
  .strict();

const listItemBlockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  bulletListSchema,
  orderedListSchema,
]);

const imageSchema = z
  .object({
    type: z.literal('image'),
    attrs: z
      .object({
        src: z.string().max(2_048).refine(isSafeImageSrc, IMAGE_RULE),
        alt: z.string().max(1_000),
        caption: z.string().max(2_000).optional(),
        credit: z.string().max(300).optional(),
        width: z.number().int().positive().max(20_000).optional(),
        height: z.number().int().positive().max(20_000).optional(),
        mediaId: z.number().int().positive().max(2_147_483_647).optional(),
      })
      .strict(),
  })
  .strict();

const embedSchema = z
  .object({
    type: z.literal('embed'),
    attrs: z
      .object({
        provider: z.enum(EMBED_PROVIDER_IDS, {
          errorMap: () => ({ message: 'is not a provider Dateline can embed' }),
        }),
        url: z.string().max(MAX_EMBED_URL_LENGTH),
        caption: z.string().max(2_000).optional(),
      })
      .strict()
      .superRefine(({ provider, url }, context) => {
        if (recogniseEmbedFor(provider, url) !== null) return;
        const message = `is not an address of ${embedProviderName(provider)} that can be embedded`;
        context.addIssue({ code: 'custom', path: ['url'], message });
      }),
  })
  .strict();

const blockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  headingSchema,
  z
    .object({ type: z.literal('blockquote'), content: z.array(paragraphSchema).min(1).max(500) })
    .strict(),
  bulletListSchema,
  orderedListSchema,
  z.object({ type: z.literal('horizontalRule') }).strict(),
  imageSchema,
  embedSchema,
]);

/** The closed schema of a stored body: unknown node types, marks and keys are refused. */
export const bodyDocumentSchema: z.ZodType<BodyDocument> = z
  .object({ type: z.literal('doc'), content: z.array(blockSchema).max(MAX_BLOCKS) })
  .strict();

/** Validates untrusted JSON as a body; throws `invalid(…, 'body')` naming the offending path. */
export function parseBodyDocument(json: unknown): BodyDocument {
  // Checked before zod so a hostile, deeply nested document cannot exhaust the stack.
  const problem = findShapeProblem(json);
  if (problem !== null) throw invalid(problem, 'body');
  const result = bodyDocumentSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue ? `${formatPath(issue.path)}: ${issue.message}` : 'body: invalid document';
  throw invalid(message, 'body');
}

function hasDistinctTypes(marks: { type: string }[]): boolean {
  return new Set(marks.map((mark) => mark.type)).size === marks.length;
}

function formatPath(path: (string | number)[]): string {
  let out = 'body';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return out;
}
