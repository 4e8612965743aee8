/**
 * A site whose content an article may embed: how its addresses are recognised, and how the
 * frame is built from the ids found in one — never from the pasted text itself.
 */

/** Every provider Dateline can embed, in the order the newsroom sees them. */
export const EMBED_PROVIDER_IDS = [
  'youtube',
  'vimeo',
  'x',
  'instagram',
  'spotify',
  'soundcloud',
  'google-maps',
  'datawrapper',
  'flourish',
] as const;

export type EmbedProviderId = (typeof EMBED_PROVIDER_IDS)[number];

/** The ids found in a pasted address: short strings, each matched by a strict pattern. */
export type EmbedIds = Readonly<Record<string, string>>;

/** The frame an embed is shown in, with its size so the page does not shift as it loads. */
export interface EmbedFrame {
  src: string;
  width: number;
  height: number;
  /** `ratio` scales with the column, keeping width:height; `fixed` keeps its height. */
  layout: 'ratio' | 'fixed';
}

export interface EmbedProvider {
  readonly id: EmbedProviderId;
  readonly name: string;
  /** What one embed is, for the frame's title: "YouTube video". */
  readonly noun: string;
  /** The hosts a pasted address may have, exactly: no other subdomain matches. */
  readonly hosts: readonly string[];
  /** Where the frame loads from: the page's Content-Security-Policy `frame-src`. */
  readonly frameOrigins: readonly string[];
  /** The iframe's sandbox tokens: only what the player needs. */
  readonly sandbox: string;
  /** The iframe's permissions policy (`allow`); empty when the player needs none. */
  readonly allow: string;
  /** An address of a shape it recognises, for the newsroom's hints. */
  readonly example: string;
  /** The ids in an address on one of `hosts`, or null when it is none of the provider's shapes. */
  match(url: URL): EmbedIds | null;
  /** The frame, built from the ids alone. */
  frame(ids: EmbedIds): EmbedFrame;
  /** The https address of the embedded thing, built from the ids alone. */
  canonicalUrl(ids: EmbedIds): string;
}

/** A player that plays video full screen and opens its own site in a new tab. */
export const PLAYER_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation';

/** A post, chart or map: it runs its own script and may open its site in a new tab. */
export const WIDGET_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The address's path as its non-empty segments, still percent-encoded. */
export function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** The value when it matches the pattern in full, else undefined. */
export function matching(pattern: RegExp, value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && pattern.test(value) ? value : undefined;
}
