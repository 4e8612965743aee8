/**
 * An embed as HTML: a sandboxed, lazily loaded frame whose address is built from the ids the
 * registry found (never the stored text), or a plain link when its provider is not allowed.
 */
import { embedProviderName } from '../embed/embed-providers.js';
import { recogniseEmbedFor } from '../embed/recognise-embed.js';
import type { EmbedAttrs } from './body-document.js';
import type { EmbedAllowance } from './body-embeds.js';
import { escapeHtml } from './escape-html.js';
import { isExternalWebUrl, isSafeHref } from './safe-url.js';

/** Appends the embed's HTML; a revoked provider's embed becomes a link to what it showed. */
export function renderEmbed(
  out: string[],
  attrs: EmbedAttrs,
  allowance: EmbedAllowance | undefined,
): void {
  const caption = attrs.caption?.trim() ?? '';
  const found = recogniseEmbedFor(attrs.provider, attrs.url);
  if (found === null || !(allowance?.allowedProviders ?? []).includes(found.provider.id)) {
    // Bodies are stored validated, but the registry may since have changed its mind.
    const href = found?.url ?? attrs.url;
    if (!isSafeHref(href) || !isExternalWebUrl(href)) return;
    out.push('<p class="embed-link">', escapeHtml(embedProviderName(attrs.provider)), ': ');
    out.push('<a href="', escapeHtml(href), '" rel="noopener">');
    out.push(escapeHtml(caption === '' ? href : caption), '</a></p>');
    return;
  }
  const { provider } = found;
  const frame = provider.frame(found.ids);
  const title = caption === '' ? provider.noun : `${provider.noun}: ${caption}`;
  // Custom properties carry the size to the stylesheet: the box is reserved before it loads.
  const style =
    frame.layout === 'ratio'
      ? `--ratio:${frame.width}/${frame.height}`
      : `--max-width:${frame.width}px`;
  out.push(`<figure class="embed embed-${frame.layout}">`);
  out.push('<iframe src="', escapeHtml(frame.src), '" title="', escapeHtml(title), '"');
  out.push(` width="${frame.width}" height="${frame.height}" style="${style}"`);
  out.push(' loading="lazy" referrerpolicy="strict-origin-when-cross-origin"');
  out.push(' sandbox="', provider.sandbox, '"');
  if (provider.allow !== '') out.push(' allow="', provider.allow, '"');
  out.push('></iframe>');
  if (caption !== '') out.push('<figcaption>', escapeHtml(caption), '</figcaption>');
  out.push('</figure>');
}
