/**
 * The registry of embed providers, defined in code: a newsroom can only choose among these (the
 * editor-in-chief's allow-list), never add a site, so no one can make a page frame their own.
 */
import { soundcloud, spotify } from './audio-providers.js';
import { EMBED_PROVIDER_IDS, type EmbedProvider, type EmbedProviderId } from './embed-provider.js';
import { datawrapper, flourish, googleMaps } from './graphic-providers.js';
import { instagram, x } from './social-providers.js';
import { vimeo, youtube } from './video-providers.js';

const BY_ID: Record<EmbedProviderId, EmbedProvider> = {
  youtube,
  vimeo,
  x,
  instagram,
  spotify,
  soundcloud,
  'google-maps': googleMaps,
  datawrapper,
  flourish,
};

/** Every provider, in the order of EMBED_PROVIDER_IDS. */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = EMBED_PROVIDER_IDS.map((id) => BY_ID[id]);

/** Whether `id` names a provider of the registry. */
export const isEmbedProviderId = (id: string): id is EmbedProviderId =>
  Object.prototype.hasOwnProperty.call(BY_ID, id);

/** The provider of that id, or undefined for anything else (an id from an older registry). */
export const embedProviderById = (id: string): EmbedProvider | undefined =>
  isEmbedProviderId(id) ? BY_ID[id] : undefined;

/** The provider's name, or the id itself when the registry no longer knows it. */
export const embedProviderName = (id: string): string => embedProviderById(id)?.name ?? id;
