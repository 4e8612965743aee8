/**
 * The embeds of a body measured against the publication's allow-list: which may be saved, and
 * which frames the page's Content-Security-Policy must let in.
 */
import { embedProviderName } from '../embed/embed-providers.js';
import { recogniseEmbedFor } from '../embed/recognise-embed.js';
import type { BodyDocument, EmbedBlock } from './body-document.js';

/** The editor-in-chief's allow-list: the providers whose content may be framed. */
export interface EmbedAllowance {
  allowedProviders: readonly string[];
}

/** An embed the allow-list refuses, with its place in the body and a message naming it. */
export interface RefusedEmbed {
  field: string;
  provider: string;
  message: string;
}

/** The body's embeds with their index in `doc.content` (embeds are top-level blocks only). */
function* embedsOf(doc: BodyDocument): Generator<[number, EmbedBlock]> {
  for (let index = 0; index < doc.content.length; index++) {
    const block = doc.content[index]!;
    if (block.type === 'embed') yield [index, block];
  }
}

const keyOf = (embed: EmbedBlock) => `${embed.attrs.provider} ${embed.attrs.url}`;

/**
 * The first embed of a provider the allow-list does not hold, or null. Embeds the body already
 * had are let through: after a provider is revoked, its old embeds print as links, and the
 * story must stay editable.
 */
export function findRefusedEmbed(
  doc: BodyDocument,
  allowance: EmbedAllowance,
  before?: BodyDocument,
): RefusedEmbed | null {
  const allowed = new Set(allowance.allowedProviders);
  const kept = new Set(before ? [...embedsOf(before)].map(([, embed]) => keyOf(embed)) : []);
  for (const [index, embed] of embedsOf(doc)) {
    const provider = embed.attrs.provider;
    if (allowed.has(provider) || kept.has(keyOf(embed))) continue;
    const field = `body.content[${index}].attrs.provider`;
    const name = embedProviderName(provider);
    const message = `${field}: ${name} embeds are not allowed by the publication; the editor-in-chief chooses which providers may be embedded`;
    return { field, provider, message };
  }
  return null;
}

/** The origins of the allowed providers the body frames: the page's `frame-src`, sorted. */
export function embedFrameOrigins(doc: BodyDocument, allowance: EmbedAllowance): string[] {
  const origins = new Set<string>();
  for (const [, embed] of embedsOf(doc)) {
    if (!allowance.allowedProviders.includes(embed.attrs.provider)) continue;
    const found = recogniseEmbedFor(embed.attrs.provider, embed.attrs.url);
    for (const origin of found?.provider.frameOrigins ?? []) origins.add(origin);
  }
  return [...origins].sort();
}
