// Renders the demo newspaper's lead photos: generated SVG illustrations turned into
// 1600x900 JPEGs in demo/photos/. Run from the repository root: node demo/make-photos.mjs
// Pass names to render only some of them: node demo/make-photos.mjs harbour pitch
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { harbour, skylineDusk, fishingBeach } from './photo-kit/coast.mjs';
import { stormCoast, waterworks, windFarm, fort } from './photo-kit/land.mjs';
import { pitch, marathon, cricketNight } from './photo-kit/sport.mjs';
import { books, museum, market, ballot } from './photo-kit/interiors.mjs';

const scenes = {
  harbour,
  'skyline-dusk': skylineDusk,
  'fishing-beach': fishingBeach,
  'storm-coast': stormCoast,
  waterworks,
  'wind-farm': windFarm,
  fort,
  pitch,
  marathon,
  'cricket-night': cricketNight,
  books,
  museum,
  market,
  ballot,
};

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'photos');
await mkdir(out, { recursive: true });

const wanted = process.argv.slice(2);
for (const [name, draw] of Object.entries(scenes)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const file = join(out, `${name}.jpg`);
  await sharp(Buffer.from(draw()))
    .jpeg({ quality: 82, mozjpeg: true })
    .withMetadata({
      exif: {
        IFD0: {
          Artist: 'Dateline demo',
          Copyright: 'Generated illustration, Dateline demo content',
        },
      },
    })
    .toFile(file);
  const { size } = await stat(file);
  console.log(`${name}.jpg  ${Math.round(size / 1024)} KB`);
}
