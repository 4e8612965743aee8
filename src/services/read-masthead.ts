import { shownBreakingNews, type ShownBreakingNews } from '../domain/publication/breaking-news.js';
import { mastheadDate } from '../domain/publication/masthead-date.js';
import type { CurrentWeather } from '../domain/weather/current-weather.js';
import type { PublicationSnapshot } from './publication-cache.js';
import type { WeatherReader } from './site-context.js';

export interface Masthead {
  publicationName: string;
  tagline: string;
  /** `Wednesday, April 24, 2024 | Shawwal 14, 1445 H` and its parts. */
  date: { text: string; gregorian: string; hijri: string | null; isoDate: string };
  weather: (CurrentWeather & { label: string }) | undefined;
  editorInChief: string;
  /** The breaking-news banner under the masthead, while it has not expired. */
  breaking?: ShownBreakingNews;
}

/**
 * The masthead every page carries, for this instant, with the last known weather and the
 * breaking-news banner unless it has expired.
 */
export function readMasthead(
  { settings, breaking }: Pick<PublicationSnapshot, 'settings' | 'breaking'>,
  now: Date,
  weather: WeatherReader | undefined,
): Masthead {
  const place = settings.weather;
  const current =
    weather && place && place.provider !== 'none'
      ? weather.peek(place.provider, {
          lat: place.lat,
          lon: place.lon,
          timezone: settings.timezone,
        })
      : undefined;
  return {
    publicationName: settings.name,
    tagline: settings.tagline,
    date: mastheadDate(now, { timezone: settings.timezone, hijri: settings.hijri }),
    weather: current && place ? { ...current, label: place.label } : undefined,
    editorInChief: settings.editorInChief,
    breaking: shownBreakingNews(breaking, now),
  };
}
