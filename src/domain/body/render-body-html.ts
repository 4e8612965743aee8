import type {
  Block,
  BodyDocument,
  ImageAttrs,
  Inline,
  List,
  ListItem,
  Mark,
  Paragraph,
} from './body-document.js';
import type { EmbedAllowance } from './body-embeds.js';
import { escapeHtml } from './escape-html.js';
import { sameMark, sortMarks } from './mark-order.js';
import { renderEmbed } from './render-embed-html.js';
import { isExternalWebUrl } from './safe-url.js';

/** Options for rendering a body. */
export interface RenderBodyOptions {
  /** The place the story was filed from, e.g. "Ankara"; printed in capitals before the text. */
  dateline?: string;
  /** The publication's allow-list; embeds of providers not on it print as links (all, if absent). */
  embeds?: EmbedAllowance;
  /** Markup for a photo from the library (say a <picture>), printed instead of the plain <img>. */
  pictureFor?: (image: LibraryImage) => string | undefined;
}

/** A body image that is an item of the photo library. */
export interface LibraryImage {
  mediaId: number;
  alt: string;
  caption?: string;
  credit?: string;
}

/** Renders a validated body document as HTML; all text and attribute values are escaped. */
export function renderBodyHtml(doc: BodyDocument, options: RenderBodyOptions = {}): string {
  const out: string[] = [];
  const dateline = datelineHtml(options.dateline);
  const datelineAt = dateline === '' ? -1 : doc.content.findIndex(hasText);
  if (dateline !== '' && datelineAt === -1) out.push('<p>', dateline, '</p>');
  for (let index = 0; index < doc.content.length; index++) {
    const block = doc.content[index]!;
    if (index === datelineAt && block.type === 'paragraph') {
      renderTextBlock(out, 'p', block.content, `${dateline} `);
    } else renderBlock(out, block, options);
  }
  return out.join('');
}

function datelineHtml(dateline: string | undefined): string {
  // Tolerate "Ankara:" as input; the colon is part of the house style, added once here.
  const place = dateline?.trim().replace(/:$/, '').trim().toUpperCase() ?? '';
  return place === '' ? '' : `<span class="dateline">${escapeHtml(place)}:</span>`;
}

function hasText(block: Block): block is Paragraph {
  return block.type === 'paragraph' && (block.content ?? []).some((n) => n.type === 'text');
}

function renderBlock(out: string[], block: Block | ListItem, options: RenderBodyOptions): void {
  switch (block.type) {
    case 'paragraph':
      return renderTextBlock(out, 'p', block.content);
    case 'heading':
      return renderTextBlock(out, `h${block.attrs.level}`, block.content);
    case 'blockquote':
      return renderContainer(out, '<blockquote>', block.content, '</blockquote>', options);
    case 'bulletList':
    case 'orderedList':
      return renderContainer(
        out,
        listOpenTag(block),
        block.content,
        block.type === 'bulletList' ? '</ul>' : '</ol>',
        options,
      );
    case 'listItem':
      return renderContainer(out, '<li>', block.content, '</li>', options);
    case 'horizontalRule':
      out.push('<hr>');
      return;
    case 'image':
      return renderImage(out, block.attrs, options.pictureFor);
    case 'embed':
      return renderEmbed(out, block.attrs, options.embeds);
  }
}

function listOpenTag(list: List): string {
  if (list.type === 'bulletList') return '<ul>';
  const start = list.attrs?.start;
  return start === undefined || start === 1 ? '<ol>' : `<ol start="${start}">`;
}

/** Renders children between the tags, and nothing at all when the children render empty. */
function renderContainer(
  out: string[],
  open: string,
  children: readonly (Block | ListItem)[],
  close: string,
  options: RenderBodyOptions,
): void {
  const mark = out.push(open);
  for (const child of children) renderBlock(out, child, options);
  if (out.length === mark) out.pop();
  else out.push(close);
}

function renderTextBlock(
  out: string[],
  tag: string,
  content: readonly Inline[] | undefined,
  prefix = '',
): void {
  // An empty paragraph is the editor's way of leaving space; the page sets its own spacing.
  if (prefix === '' && !(content ?? []).some((node) => node.type === 'text')) return;
  out.push('<', tag, '>', prefix);
  if (content !== undefined) renderInline(out, content);
  out.push('</', tag, '>');
}

/** Like ProseMirror's serializer: marks shared with the previous node stay open across it. */
function renderInline(out: string[], content: readonly Inline[]): void {
  const open: Mark[] = [];
  for (const node of content) {
    const marks = node.type === 'text' ? sortMarks(node.marks) : [];
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) {
      keep++;
    }
    closeMarks(out, open, keep);
    for (let i = keep; i < marks.length; i++) {
      const mark = marks[i]!;
      out.push(markOpenTag(mark));
      open.push(mark);
    }
    out.push(node.type === 'text' ? escapeHtml(node.text) : '<br>');
  }
  closeMarks(out, open, 0);
}

function closeMarks(out: string[], open: Mark[], keep: number): void {
  while (open.length > keep) out.push(markCloseTag(open.pop()!));
}

function markOpenTag(mark: Mark): string {
  if (mark.type === 'bold') return '<strong>';
  if (mark.type === 'italic') return '<em>';
  const href = mark.attrs.href;
  // An outside page opened from ours must not be able to navigate our tab (reverse tabnabbing).
  const rel = isExternalWebUrl(href) ? ' rel="noopener"' : '';
  return `<a href="${escapeHtml(href)}"${rel}>`;
}

function markCloseTag(mark: Mark): string {
  return mark.type === 'bold' ? '</strong>' : mark.type === 'italic' ? '</em>' : '</a>';
}

function renderImage(
  out: string[],
  attrs: ImageAttrs,
  pictureFor: RenderBodyOptions['pictureFor'],
): void {
  const picture =
    attrs.mediaId === undefined ? undefined : pictureFor?.(libraryImage(attrs, attrs.mediaId));
  out.push('<figure>');
  if (picture !== undefined) out.push(picture);
  else {
    out.push('<img src="', escapeHtml(attrs.src), '" alt="', escapeHtml(attrs.alt), '"');
    out.push(' loading="lazy" decoding="async"');
    // Intrinsic dimensions let the browser reserve the box before the image loads.
    if (attrs.width !== undefined) out.push(' width="', String(attrs.width), '"');
    if (attrs.height !== undefined) out.push(' height="', String(attrs.height), '"');
    out.push('>');
  }
  const caption = attrs.caption?.trim() ?? '';
  const credit = attrs.credit?.trim() ?? '';
  if (caption !== '' || credit !== '') {
    out.push('<figcaption>', escapeHtml(caption));
    if (credit !== '') {
      out.push(caption === '' ? '' : ' ', '<span class="credit">— ', escapeHtml(credit), '</span>');
    }
    out.push('</figcaption>');
  }
  out.push('</figure>');
}

function libraryImage(attrs: ImageAttrs, mediaId: number): LibraryImage {
  const image: LibraryImage = { mediaId, alt: attrs.alt };
  if (attrs.caption !== undefined) image.caption = attrs.caption;
  if (attrs.credit !== undefined) image.credit = attrs.credit;
  return image;
}
