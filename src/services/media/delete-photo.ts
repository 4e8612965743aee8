import { conflict, notFound } from '../../domain/errors.js';
import { originalKey, variantFolder } from '../../domain/media/variant-plan.js';
import { authorizeMedia } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { MediaUseCaseDeps } from './media-deps.js';

/**
 * Deletes a photo no article shows. The row goes first, in a transaction that also checks
 * its use; the files follow, so a page never links to a photo whose files are gone.
 */
export async function deletePhoto(
  deps: MediaUseCaseDeps<Pick<Stores, 'media'>>,
  actor: Actor,
  id: number,
): Promise<void> {
  const photo = await deps.storage.transaction(async (stores) => {
    const found = await stores.media.findById(id);
    if (!found) throw notFound(`There is no photo ${id}`);
    authorizeMedia(actor, 'media.delete', found);
    const usage = await stores.media.usage(id);
    if (usage.length > 0) {
      const names = usage
        .slice(0, 3)
        .map((use) => `“${use.headline || `article ${use.articleId}`}”`)
        .join(', ');
      const more = usage.length > 3 ? ` and ${usage.length - 3} more` : '';
      throw conflict(`This photo is used by ${names}${more}; remove it there first`);
    }
    await stores.media.remove(id);
    return found;
  });
  const variants = await deps.files.list(`${variantFolder(photo.contentHash)}/`);
  await deps.files.remove([...variants, originalKey(photo.contentHash, photo.format)]);
}
