/**
 * The bench's test photograph: a 24-megapixel JPEG that encodes like a real one (sky, clouds,
 * textured ground, buildings, sensor grain), the same bytes for the same seed every run. Flat
 * colour would encode unrealistically fast.
 */
import sharp from 'sharp';
import { seededRandom } from '../src/storage/archive-seed/synthetic-text.js';

/** A full-frame 24-megapixel camera, 3:2. */
export const PHOTO = { width: 6000, height: 4000 };
/** The scene is drawn at a quarter of the size and enlarged, which keeps this process small. */
const SCENE_SCALE = 4;
/** Per-pixel sensor grain, tiled: deterministic, and small enough not to raise the peak. */
const GRAIN_TILE = 1024;
/** What a camera writes: high quality, 4:2:0. */
const CAMERA_JPEG = { quality: 92, chromaSubsampling: '4:2:0' } as const;

/**
 * Fractal value noise in [0, 1): detail at every scale from 256 pixels down to 2, with the
 * fine octaves nearly as strong as the coarse ones, like foliage, gravel or a crowd.
 */
function valueNoise(width: number, height: number, random: () => number): Float32Array {
  const field = new Float32Array(width * height);
  let amplitude = 1;
  let total = 0;
  for (let cell = 256; cell >= 2; cell /= 2, amplitude *= 0.8) {
    total += amplitude;
    const cols = Math.ceil(width / cell) + 2;
    const lattice = Float32Array.from({ length: cols * (Math.ceil(height / cell) + 2) }, random);
    for (let y = 0; y < height; y++) {
      const gy = Math.floor(y / cell);
      const fy = smooth(y / cell - gy);
      for (let x = 0; x < width; x++) {
        const gx = Math.floor(x / cell);
        const fx = smooth(x / cell - gx);
        const at = (i: number, j: number) => lattice[(gy + j) * cols + gx + i] ?? 0;
        const top = at(0, 0) + (at(1, 0) - at(0, 0)) * fx;
        const bottom = at(0, 1) + (at(1, 1) - at(0, 1)) * fx;
        const i = y * width + x;
        field[i] = (field[i] ?? 0) + amplitude * (top + (bottom - top) * fy);
      }
    }
  }
  return field.map((v) => v / total);
}

const smooth = (t: number) => t * t * (3 - 2 * t);
const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const mix = (a: number, b: number, t: number) => a + (b - a) * t;
/** Noise centred on 0 with more contrast: fBm bunches near 0.5. */
const contrast = (n: number) => Math.max(-1, Math.min(1, (n - 0.5) * 4));

/** Sky: blue overhead to hazy near the horizon, with soft clouds. */
function skyColour(height: number, n: number): [number, number, number] {
  const cloud = 40 * Math.max(0, contrast(n));
  return [
    mix(70, 190, height) + cloud,
    mix(115, 200, height) + cloud,
    mix(185, 215, height) + cloud,
  ];
}

/** Ground: olive to earth by the tint, its brightness carried by fine texture. */
function groundColour(n: number, tint: number): [number, number, number] {
  const light = 0.45 + 0.35 * contrast(n) + 0.2 * (n - 0.5);
  return [mix(90, 140, tint) * light * 1.6, mix(110, 95, tint) * light * 1.6, 55 * light * 1.6];
}

/**
 * A scene, a quarter of the final size: sky over ground with an uneven horizon, textured by
 * noise at every scale, with buildings so the encoders meet hard edges as well as gradients.
 */
function drawScene(width: number, height: number, random: () => number): Buffer {
  const texture = valueNoise(width, height, random);
  const tint = valueNoise(width, height, random);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const n = texture[i] ?? 0;
      const horizon = 0.5 + 0.1 * contrast(tint[x] ?? 0);
      const colour =
        y / height < horizon ? skyColour(y / height / 0.6, n) : groundColour(n, tint[i] ?? 0);
      for (let c = 0; c < 3; c++) pixels[i * 3 + c] = clampByte(colour[c] ?? 0);
    }
  }
  drawBuildings(pixels, texture, { width, height }, random);
  return pixels;
}

/** Textured blocks with windows, standing on the horizon. */
function drawBuildings(
  pixels: Buffer,
  texture: Float32Array,
  size: { width: number; height: number },
  random: () => number,
) {
  for (let b = 0; b < 40; b++) {
    const w = Math.floor(20 + random() * 110);
    const h = Math.floor(40 + random() * 220);
    const left = Math.floor(random() * (size.width - w));
    const bottom = Math.floor(size.height * (0.55 + random() * 0.4));
    const wall = [80 + random() * 150, 70 + random() * 130, 60 + random() * 120];
    for (let y = Math.max(0, bottom - h); y < bottom; y++) {
      for (let x = left; x < left + w; x++) {
        const window = (x - left) % 12 > 6 && (bottom - y) % 16 > 8;
        const shade = (window ? 0.35 : 1) * (0.8 + 0.4 * (texture[y * size.width + x] ?? 0));
        const i = (y * size.width + x) * 3;
        for (let c = 0; c < 3; c++) pixels[i + c] = clampByte((wall[c] ?? 0) * shade);
      }
    }
  }
}

/** Grey sensor grain around mid-grey, for an overlay blend (mid-grey leaves a pixel as it is). */
function grainTile(size: number, random: () => number): Buffer {
  const grain = Buffer.alloc(size * size);
  for (let i = 0; i < grain.length; i++) {
    grain[i] = clampByte(128 + 14 * (random() + random() + random() - 1.5));
  }
  return grain;
}

/** A 6000 × 4000 camera-like JPEG: libvips enlarges the scene and adds grain as it streams. */
export async function makePhoto(seed = 24): Promise<Buffer> {
  const random = seededRandom(seed);
  const scene = { width: PHOTO.width / SCENE_SCALE, height: PHOTO.height / SCENE_SCALE };
  const pixels = drawScene(scene.width, scene.height, random);
  const grain = grainTile(GRAIN_TILE, random);
  // Composite runs after the resize in sharp's pipeline, so the grain lands on full-size pixels.
  return sharp(pixels, { raw: { ...scene, channels: 3 } })
    .resize(PHOTO.width, PHOTO.height, { kernel: 'lanczos3' })
    .sharpen({ sigma: 1.2 })
    .composite([
      {
        input: grain,
        raw: { width: GRAIN_TILE, height: GRAIN_TILE, channels: 1 },
        tile: true,
        blend: 'overlay',
      },
    ])
    .jpeg(CAMERA_JPEG)
    .toBuffer();
}
