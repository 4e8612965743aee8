/**
 * A reader page as the UTF-8 bytes sent. Sent as a string, Fastify measures the page (a pass
 * over it) and the socket encodes it (another); pages holding a character beyond Latin-1 (an
 * em dash in a headline) are two-byte strings, which encode slowly. The layout hands over the
 * page in parts (`PageParts`): the text rendered for this request, and the parts that never
 * change (the site's stylesheet, a third of an article page, and its scripts), whose bytes are
 * made once and copied in. So the page is never searched for them, and the text around them is
 * all that is flattened and encoded. See docs/performance.md.
 */
import { renderDocument, SafeHtml } from '../jsx/jsx.js';
import { SITE_STYLES } from './site-styles.js';

/** Markup every page carries unchanged, with its UTF-8 made once. */
export class FixedHtml extends SafeHtml {
  readonly bytes: Buffer;
  constructor(html: string) {
    super(html);
    this.bytes = Buffer.from(html);
  }
}

const joined = (parts: readonly SafeHtml[]) => {
  // Concatenated, not joined: V8 keeps a rope, and nothing reads it unless asked for the text.
  let html = '';
  for (const part of parts) html += part.html;
  return html;
};

/** A whole page's root element as its parts, in order: its text is theirs run together. */
export class PageParts extends SafeHtml {
  constructor(readonly parts: readonly SafeHtml[]) {
    super(joined(parts));
  }
}

/** The <style> element every reader page carries in its head. */
export const STYLE_ELEMENT = `<style>${SITE_STYLES}</style>`;
export const STYLE_TAG = new FixedHtml(STYLE_ELEMENT);
const DOCTYPE = new FixedHtml(renderDocument(new SafeHtml('')));

/** UTF-8 takes at most three bytes for each UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Pages are written one after another into a slab, as Node pools small buffers: an allocation
 * of the worst case (three bytes a character) for every page would make the garbage collector
 * run for memory the pages never use. A slab is freed once the last page in it is sent.
 */
const SLAB_BYTES = 1 << 20;
let slab = Buffer.allocUnsafeSlow(0);
let used = 0;

/** The parts' bytes, one after another, exactly as `Buffer.from` of their text would make them. */
function partsBytes(parts: readonly SafeHtml[]): Buffer {
  let worstCase = 0;
  for (const part of parts) {
    worstCase +=
      part instanceof FixedHtml ? part.bytes.length : part.html.length * MAX_BYTES_PER_UNIT;
  }
  if (slab.length - used < worstCase) {
    slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, worstCase));
    used = 0;
  }
  const start = used;
  let end = start;
  for (const part of parts) {
    end += part instanceof FixedHtml ? part.bytes.copy(slab, end) : slab.write(part.html, end);
  }
  // The next page starts on an 8-byte boundary, as Node's own pool aligns.
  used = (end + 7) & ~7;
  return slab.subarray(start, end);
}

/** The document of a page's root element (doctype first), as the bytes sent. */
export function documentBytes(root: SafeHtml): Buffer {
  if (root instanceof PageParts) return partsBytes([DOCTYPE, ...root.parts]);
  return pageBytes(renderDocument(root));
}

/**
 * A whole document's bytes, exactly as `Buffer.from(html)` would make them: its stylesheet,
 * when it carries the site's once, copied from the bytes made at start.
 */
export function pageBytes(html: string): Buffer {
  const at = html.indexOf(STYLE_ELEMENT);
  if (at < 0) return partsBytes([new SafeHtml(html)]);
  return partsBytes([
    new SafeHtml(html.slice(0, at)),
    STYLE_TAG,
    new SafeHtml(html.slice(at + STYLE_ELEMENT.length)),
  ]);
}
