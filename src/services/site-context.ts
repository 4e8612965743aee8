import type {
  CurrentWeather,
  WeatherLocation,
  WeatherProviderName,
} from '../domain/weather/current-weather.js';
import type { Clock, Stores } from './ports.js';
import type { PublicationCache } from './publication-cache.js';
import type { MostRead } from './readership/read-most-read.js';
import type { SiteLogo } from './site-logo.js';

/** The weather as the masthead reads it: never waits for the weather service. */
export interface WeatherReader {
  peek(provider: WeatherProviderName, location: WeatherLocation): CurrentWeather | undefined;
}

/** What the reader-facing use cases need, handed in by the composition root. */
export interface SiteContext {
  stores: Stores;
  clock: Clock;
  publication: PublicationCache;
  weather: WeatherReader | undefined;
  /** The logo search engines show for the publisher; absent, /logo.png is not found. */
  logo?: SiteLogo;
  /** The most-read lists the fronts show; absent, they show none. */
  mostRead?: MostRead;
}

/**
 * SiteContext with only the stores `S` (a Pick of Stores) a reader read names; callers pass
 * their SiteContext as it is.
 */
export type SiteReads<S extends Partial<Stores>> = Omit<SiteContext, 'stores'> & { stores: S };
