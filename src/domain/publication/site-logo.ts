/**
 * The publication's logo for search engines and apps: the paper's initial on the site's accent
 * colour, like the favicon, as a square large enough for every consumer (Google asks for at
 * least 112 × 112 pixels, in a raster format).
 */
import { escapeHtml } from '../body/escape-html.js';

export const SITE_LOGO = { width: 512, height: 512 } as const;

/** Words a paper's name often starts with that make a poor initial. */
const ARTICLES = new Set(['the', 'a', 'an', 'al', 'el', 'le', 'la', 'der', 'die', 'das']);

/** The letter the logo shows: the first of the name's first significant word. */
export function initialOf(name: string): string {
  const words = name.split(/[\s\-–—]+/).filter(Boolean);
  const word = words.find((w) => !ARTICLES.has(w.toLowerCase())) ?? words[0] ?? '?';
  return [...word][0]?.toLocaleUpperCase() ?? '?';
}

/** The logo as SVG, ready to be rasterised. */
export function siteLogoSvg(name: string): string {
  const { width, height } = SITE_LOGO;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#8a1c1c"/>` +
    `<text x="256" y="256" dy="0.35em" font-family="Georgia, 'DejaVu Serif', serif" font-size="340" font-weight="700" text-anchor="middle" fill="#ffffff">${escapeHtml(initialOf(name))}</text>` +
    `</svg>`
  );
}
