import {
  MIME_TYPES,
  findPlannedVariant,
  parseVariantKey,
  planCrop,
} from '../../domain/media/variant-plan.js';
import { renderAndStore } from './make-variants.js';
import type { VariantDeps } from './media-deps.js';

/** What the media route sends for a key. */
export type VariantAnswer =
  | { kind: 'file'; bytes: Uint8Array; contentType: string }
  /** The key names a crop of an earlier focal point: the same size cut around the new one. */
  | { kind: 'moved'; key: string }
  | { kind: 'missing' };

/** At most this many variants are encoded at once for readers; the rest wait their turn. */
const MAX_CONCURRENT_RENDERS = 2;

/**
 * Serves stored variants and makes a planned one on first request, so a page never shows a
 * broken image while the background job is still working. Only names in a photo's plan are
 * made: nobody can make the server encode sizes it never offered.
 */
export function createVariantSource(deps: VariantDeps) {
  const inFlight = new Map<string, Promise<Uint8Array | undefined>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = async () => {
    if (running >= MAX_CONCURRENT_RENDERS) await new Promise<void>((go) => waiting.push(go));
    running++;
  };
  const done = () => {
    running--;
    waiting.shift()?.();
  };

  const make = async (key: string, hash: string): Promise<Uint8Array | undefined> => {
    await turn();
    try {
      // The job may have stored it while this request waited.
      const stored = await deps.files.get(key);
      if (stored) return stored;
      const photo = await deps.storage.stores.media.findByContentHash(hash);
      const spec = photo && findPlannedVariant(photo, key);
      if (!photo || !spec) return undefined;
      return (await renderAndStore(deps, photo, [spec], 'readers')).get(key);
    } finally {
      done();
    }
  };

  return async function variant(key: string): Promise<VariantAnswer> {
    const parsed = parseVariantKey(key);
    if (!parsed) return { kind: 'missing' };
    const contentType = MIME_TYPES[parsed.format];
    const stored = await deps.files.get(key);
    if (stored) return { kind: 'file', bytes: stored, contentType };
    const photo = await deps.storage.stores.media.findByContentHash(parsed.contentHash);
    if (!photo) return { kind: 'missing' };
    if (!findPlannedVariant(photo, key)) {
      const same = planCrop(photo, parsed.crop).find(
        (spec) => spec.format === parsed.format && spec.width === parsed.width,
      );
      return same ? { kind: 'moved', key: same.key } : { kind: 'missing' };
    }
    let pending = inFlight.get(key);
    if (!pending) {
      pending = make(key, parsed.contentHash).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const bytes = await pending;
    return bytes ? { kind: 'file', bytes, contentType } : { kind: 'missing' };
  };
}

export type VariantSource = ReturnType<typeof createVariantSource>;
