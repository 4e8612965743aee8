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

/** The page's bytes, exactly as `Buffer.from(html)` would make them. */
export function pageBytes(html: string): Buffer {
  const at = html.indexOf(STYLE_ELEMENT);
  const before = at < 0 ? html : html.slice(0, at);
  const after = at < 0 ? '' : html.slice(at + STYLE_ELEMENT.length);
  const bytes = Buffer.allocUnsafe(
    (before.length + after.length) * MAX_BYTES_PER_UNIT + (at < 0 ? 0 : STYLE_BYTES.length),
  );
  let length = bytes.write(before, 0, 'utf8');
  if (at >= 0) length += STYLE_BYTES.copy(bytes, length);
  length += bytes.write(after, length, 'utf8');
  return bytes.subarray(0, length);
}
