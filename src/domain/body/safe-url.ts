/**
 * URL rules for links and images in an article body. They are allow-lists: anything not
 * recognisably safe is refused, so new spellings of `javascript:` cannot slip through.
 */

// C0 controls, DEL and whitespace: browsers strip tabs and newlines inside a URL
// (`java\tscript:` runs as `javascript:`) and trim leading spaces, so we refuse them outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_EDGE_SPACE = /[\u0000-\u001f\u007f]|^\s|\s$/;
const ALLOWED_LINK_SCHEME = /^(?:https?|mailto|tel):/i;
const WEB_SCHEME = /^https?:/i;

/** Whether `href` may be a link target: http(s), mailto, tel, site-relative `/…` or `#…`. */
export function isSafeHref(href: string): boolean {
  if (href === '' || CONTROL_OR_EDGE_SPACE.test(href)) return false;
  if (href.startsWith('#')) return true;
  if (href.startsWith('/')) return isSiteRelative(href);
  if (!ALLOWED_LINK_SCHEME.test(href)) return false;
  return WEB_SCHEME.test(href) ? isAbsoluteWebUrl(href) : true;
}

/** Whether `src` may be an image source: an http(s) URL or a path under `/media/`. */
export function isSafeImageSrc(src: string): boolean {
  if (src === '' || CONTROL_OR_EDGE_SPACE.test(src)) return false;
  if (src.startsWith('/')) return src.startsWith('/media/') && isSiteRelative(src);
  return WEB_SCHEME.test(src) && isAbsoluteWebUrl(src);
}

/** Whether an http(s) link leaves the site, so it should not get the site's `window.opener`. */
export function isExternalWebUrl(href: string): boolean {
  return WEB_SCHEME.test(href);
}

function isSiteRelative(path: string): boolean {
  // `//host` is protocol-relative and browsers read `/\host` the same way.
  const second = path.charAt(1);
  return second !== '/' && second !== '\\';
}

function isAbsoluteWebUrl(url: string): boolean {
  // `https:evil.example` (no slashes) is resolved relative to the page by browsers; require a host.
  if (!URL.canParse(url)) return false;
  return /^https?:\/\/[^/\\]/i.test(url);
}
