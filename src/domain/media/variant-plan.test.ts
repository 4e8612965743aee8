import { describe, expect, it } from 'vitest';
import {
  cropRegion,
  findPlannedVariant,
  originalKey,
  parseVariantKey,
  planCrop,
  planVariants,
  SOCIAL_CARD,
  type PlanSource,
} from './variant-plan.js';

const HASH = '0123456789abcdef0123456789abcdef';
const landscape: PlanSource = {
  contentHash: HASH,
  width: 6000,
  height: 4000,
  focalPoint: { x: 0.5, y: 0.5 },
};

describe('the variant plan', () => {
  it('offers every standard width up to 2400 in AVIF, WebP and JPEG for the photo as taken', () => {
    const original = planCrop(landscape, 'original');
    const widthsOf = (format: string) =>
      original.filter((spec) => spec.format === format).map((spec) => spec.width);
    for (const format of ['avif', 'webp', 'jpeg']) {
      expect(widthsOf(format)).toEqual([320, 480, 640, 800, 1024, 1280, 1600, 2000, 2400]);
    }
    expect(original.find((spec) => spec.width === 2400)?.height).toBe(1600);
  });

  it('never enlarges: a small photo gets the widths it can fill, or its own', () => {
    const small = { ...landscape, width: 700, height: 500 };
    expect(
      planCrop(small, 'original')
        .filter((s) => s.format === 'webp')
        .map((s) => s.width),
    ).toEqual([320, 480, 640]);
    const tiny = { ...landscape, width: 200, height: 100 };
    expect(planCrop(tiny, 'original').map((s) => [s.width, s.height])).toEqual([
      [200, 100],
      [200, 100],
      [200, 100],
    ]);
  });

  it('cuts each crop to its ratio around the focal point, kept inside the photo', () => {
    const centred = cropRegion(landscape, '1x1');
    expect(centred).toEqual({ left: 1000, top: 0, width: 4000, height: 4000 });
    const right = cropRegion({ ...landscape, focalPoint: { x: 0.95, y: 0.5 } }, '1x1');
    expect(right).toEqual({ left: 2000, top: 0, width: 4000, height: 4000 });
    const wide = cropRegion({ ...landscape, focalPoint: { x: 0.5, y: 0.1 } }, '16x9');
    expect(wide).toEqual({ left: 0, top: 0, width: 6000, height: 3375 });
    const portrait = { ...landscape, width: 3000, height: 4500, focalPoint: { x: 0.5, y: 0.3 } };
    expect(cropRegion(portrait, '4x3')).toEqual({ left: 0, top: 225, width: 3000, height: 2250 });
  });

  it('makes one social card of 1200 × 628, and crops with the focal point in their names', () => {
    const social = planCrop(landscape, 'social');
    expect(social).toHaveLength(1);
    expect(social[0]).toMatchObject({ ...SOCIAL_CARD, format: 'jpeg' });
    const moved = { ...landscape, focalPoint: { x: 0.25, y: 0.8 } };
    expect(planCrop(moved, '4x3')[0]?.key).toBe(`01/${HASH}/4x3-25x80-320.avif`);
    expect(planCrop(moved, 'original')[0]?.key).toBe(`01/${HASH}/original-320.avif`);
    expect(planVariants(landscape).length).toBe(
      ['original', '16x9', '4x3', '1x1'].reduce(
        (n, c) => n + planCrop(landscape, c as never).length,
        1,
      ),
    );
  });

  it('reads back only names it makes, and finds them in the current plan', () => {
    for (const spec of planVariants(landscape)) {
      expect(parseVariantKey(spec.key)).toMatchObject({ contentHash: HASH, crop: spec.crop });
      expect(findPlannedVariant(landscape, spec.key)).toEqual(spec);
    }
    for (const bad of [
      `01/${HASH}/original-320.png`,
      `02/${HASH}/original-320.webp`,
      `01/${HASH}/square-320.webp`,
      `../${HASH}/original-320.webp`,
      originalKey(HASH, 'jpeg'),
      `01/${HASH}/original-320.webp/../../x`,
    ]) {
      expect(parseVariantKey(bad), bad).toBeNull();
    }
    expect(findPlannedVariant(landscape, `01/${HASH}/original-333.webp`)).toBeUndefined();
    const moved = { ...landscape, focalPoint: { x: 0.1, y: 0.1 } };
    const oldKey = planCrop(landscape, '1x1')[0]?.key ?? '';
    expect(findPlannedVariant(moved, oldKey)).toBeUndefined();
  });

  it('hands out one frozen plan per photo and crop, and a new one when the photo changes', () => {
    const plan = planCrop(landscape, '16x9');
    expect(planCrop({ ...landscape }, '16x9')).toBe(plan);
    expect(Object.isFrozen(plan) && plan.every((spec) => Object.isFrozen(spec))).toBe(true);
    expect(() => (plan as unknown as unknown[]).push('x')).toThrow(TypeError);
    const moved = planCrop({ ...landscape, focalPoint: { x: 0.2, y: 0.5 } }, '16x9');
    expect(moved).not.toBe(plan);
    expect(moved[0]?.key).toContain('16x9-20x50-');
    expect(planCrop({ ...landscape, contentHash: 'f'.repeat(32) }, '16x9')[0]?.key).toMatch(
      /^ff\/f{32}\//,
    );
  });
});
