import { siteLogoSvg } from '../domain/publication/site-logo.js';
import type { SvgRasteriser } from './ports.js';

/** The publication's logo as a PNG, drawn once per name and kept. */
export interface SiteLogo {
  png(publicationName: string): Promise<Uint8Array>;
}

/** A logo drawn by the rasteriser on first request; a renamed paper gets a new one. */
export function createSiteLogo(rasteriser: SvgRasteriser): SiteLogo {
  let drawn: { name: string; png: Promise<Uint8Array> } | undefined;
  return {
    png(publicationName) {
      if (drawn?.name !== publicationName) {
        const png = rasteriser.png(siteLogoSvg(publicationName));
        // A failed drawing is not kept: the next request tries again.
        png.catch(() => {
          if (drawn?.png === png) drawn = undefined;
        });
        drawn = { name: publicationName, png };
      }
      return drawn.png;
    },
  };
}
