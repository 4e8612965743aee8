/**
 * A reader page as the UTF-8 bytes sent. Sent as a string, Fastify measures the page (a pass
 * over it) and the socket encodes it (another); pages holding a character beyond Latin-1 (an
 * em dash in a headline) are two-byte strings, which encode slowly. The site's stylesheet is a
 * third of an article page and never changes, so its bytes are made once and copied in, and
 * the rest is encoded in one pass. See docs/performance.md.
 */
import { SITE_STYLES } from './site-styles.js';

/** The <style> element every reader page carries in its head. */
export const STYLE_ELEMENT = `<style>${SITE_STYLES}</style>`;
const STYLE_BYTES = Buffer.from(STYLE_ELEMENT);

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

/** The page's bytes, exactly as `Buffer.from(html)` would make them. */
export function pageBytes(html: string): Buffer {
  const at = html.indexOf(STYLE_ELEMENT);
  const before = at < 0 ? html : html.slice(0, at);
  const after = at < 0 ? '' : html.slice(at + STYLE_ELEMENT.length);
  const worstCase =
    (before.length + after.length) * MAX_BYTES_PER_UNIT + (at < 0 ? 0 : STYLE_BYTES.length);
  if (slab.length - used < worstCase) {
    slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, worstCase));
    used = 0;
  }
  const start = used;
  let end = start + slab.write(before, start, 'utf8');
  if (at >= 0) end += STYLE_BYTES.copy(slab, end);
  end += slab.write(after, end, 'utf8');
  // The next page starts on an 8-byte boundary, as Node's own pool aligns.
  used = (end + 7) & ~7;
  return slab.subarray(start, end);
}
