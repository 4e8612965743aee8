import { notFound } from '../../domain/errors.js';
import {
  MIME_TYPES,
  originalKey,
  planVariants,
  variantFolder,
  type VariantSpec,
} from '../../domain/media/variant-plan.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import type { EncodeLane, ImageProcessor, MediaStorage } from './media-ports.js';
import type { VariantDeps } from './media-deps.js';

/** Encodes the specs from the photo's original, in turns of `lane`, and stores each one. */
export async function renderAndStore(
  deps: { files: MediaStorage; images: ImageProcessor },
  photo: MediaItem,
  specs: VariantSpec[],
  lane: EncodeLane,
): Promise<Map<string, Uint8Array>> {
  const made = new Map<string, Uint8Array>();
  if (specs.length === 0) return made;
  const original = await deps.files.get(originalKey(photo.contentHash, photo.format));
  if (!original) throw notFound(`The original of photo ${photo.id} is missing from media storage`);
  for await (const { spec, bytes } of deps.images.render(original, specs, lane)) {
    await deps.files.put(spec.key, bytes, MIME_TYPES[spec.format]);
    made.set(spec.key, bytes);
  }
  return made;
}

const sameFocus = (a: MediaItem, b: MediaItem) =>
  a.focalPoint.x === b.focalPoint.x && a.focalPoint.y === b.focalPoint.y;

/**
 * The background job: makes every planned variant not yet stored, removes crops of an
 * earlier focal point, and marks the photo ready. Safe to run twice.
 */
export async function makeVariants(
  deps: VariantDeps,
  mediaId: number,
): Promise<{ made: number; removed: number }> {
  const { media } = deps.storage.stores;
  const photo = await media.findById(mediaId);
  if (!photo) return { made: 0, removed: 0 };
  const plan = planVariants(photo);
  const missing: VariantSpec[] = [];
  for (const spec of plan) if (!(await deps.files.has(spec.key))) missing.push(spec);
  const made = await renderAndStore(deps, photo, missing, 'background');
  const now = await media.findById(mediaId);
  // The editor moved the focal point meanwhile: the job queued for that will finish up.
  if (!now || !sameFocus(now, photo)) return { made: made.size, removed: 0 };
  const planned = new Set(plan.map((spec) => spec.key));
  const stale = (await deps.files.list(`${variantFolder(photo.contentHash)}/`)).filter(
    (key) => !planned.has(key),
  );
  await deps.files.remove(stale);
  await media.update(mediaId, { variantsReady: true });
  return { made: made.size, removed: stale.length };
}
