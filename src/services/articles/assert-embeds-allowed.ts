import type { BodyDocument } from '../../domain/body/body-document.js';
import { findRefusedEmbed } from '../../domain/body/body-embeds.js';
import { invalid } from '../../domain/errors.js';
import type { Stores } from '../ports.js';
import { loadPublicationSettings } from '../publication-cache.js';

/**
 * Refuses a body that embeds from a provider the publication does not allow, naming it. The
 * allow-list is read from storage, not a cache, so a revocation holds from the next save on;
 * embeds already in `before` are kept (they print as links once their provider is revoked).
 */
export async function assertEmbedsAllowed(
  stores: Pick<Stores, 'settings'>,
  body: BodyDocument,
  before?: BodyDocument,
): Promise<void> {
  if (!body.content.some((block) => block.type === 'embed')) return;
  const { embeds } = await loadPublicationSettings(stores);
  const refused = findRefusedEmbed(body, embeds, before);
  if (refused !== null) throw invalid(refused.message, refused.field);
}
