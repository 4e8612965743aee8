/**
 * Open-Meteo's Forecast API v1 behind the `WeatherProvider` port. Unlike OWM's current weather,
 * its daily max/min are the real high and low of the publication's local day.
 */
import { z } from 'zod';
import { describeError, listIssues, parseJsonOrUndefined } from './weather-response.js';
import type { CurrentWeather, WeatherLocation } from '../../domain/weather/current-weather.js';
import type { WeatherProvider } from '../../services/ports.js';

const DEFAULT_BASE_URL = 'https://api.open-meteo.com';
const SERVICE = 'Open-Meteo';
const MAX_REASON_LENGTH = 200;

/** The WMO 4677 subset Open-Meteo reports, worded as in its documentation. */
export const WMO_WEATHER_CODES: Readonly<Record<number, string>> = {
  0: 'Clear sky',
  1: 'Mainly clear',
  2: 'Partly cloudy',
  3: 'Overcast',
  45: 'Fog',
  48: 'Depositing rime fog',
  51: 'Drizzle: light',
  53: 'Drizzle: moderate',
  55: 'Drizzle: dense',
  56: 'Freezing drizzle: light',
  57: 'Freezing drizzle: dense',
  61: 'Rain: slight',
  63: 'Rain: moderate',
  65: 'Rain: heavy',
  66: 'Freezing rain: light',
  67: 'Freezing rain: heavy',
  71: 'Snow fall: slight',
  73: 'Snow fall: moderate',
  75: 'Snow fall: heavy',
  77: 'Snow grains',
  80: 'Rain showers: slight',
  81: 'Rain showers: moderate',
  82: 'Rain showers: violent',
  85: 'Snow showers: slight',
  86: 'Snow showers: heavy',
  95: 'Thunderstorm: slight or moderate',
  96: 'Thunderstorm with slight hail',
  99: 'Thunderstorm with heavy hail',
};

// Open-Meteo sends local times without an offset when asked for a timezone.
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

// Only the fields the widget uses. Values are `null` when a model has no data: that is malformed
// for us, because a widget showing "null°C" is worse than no widget.
const forecastSchema = z.object({
  utc_offset_seconds: z.number().int(),
  current: z.object({ time: z.string().regex(LOCAL_TIME), weather_code: z.number().int() }),
  daily: z.object({
    temperature_2m_max: z.array(z.number()).min(1),
    temperature_2m_min: z.array(z.number()).min(1),
  }),
});

const errorBodySchema = z.object({ reason: z.string() });

/** Where Open-Meteo lives (its own server, a paid customer host, or a local replay). */
export interface OpenMeteoOptions {
  /** Defaults to https://api.open-meteo.com. */
  baseUrl?: string;
}

/** Current conditions and today's high/low from Open-Meteo (no key for non-commercial use). */
export class OpenMeteoProvider implements WeatherProvider {
  readonly name = 'open-meteo';
  readonly #endpoint: string;

  constructor(options: OpenMeteoOptions = {}) {
    // An empty setting (an unset env variable) means the default.
    const base = (options.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#endpoint = `${base}/v1/forecast`;
  }

  async fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather> {
    const response = await this.#request(location, signal);
    if (!response.ok) throw new Error(await describeFailure(response));
    const parsed = forecastSchema.safeParse(await readJson(response));
    if (!parsed.success) {
      throw new Error(`${SERVICE} response is malformed: ${listIssues(parsed.error)}`);
    }
    const { current, daily, utc_offset_seconds: offsetSeconds } = parsed.data;
    const description = WMO_WEATHER_CODES[current.weather_code];
    if (description === undefined) {
      throw new Error(`${SERVICE} sent an unknown WMO weather code ${current.weather_code}`);
    }
    return {
      condition: description.toLowerCase(),
      // `min(1)` above guarantees today's entry exists.
      maxC: Math.round(daily.temperature_2m_max[0]!),
      minC: Math.round(daily.temperature_2m_min[0]!),
      // Reading the local wall time as if UTC, then removing the offset, gives the instant.
      observedAt: Date.parse(`${current.time}Z`) - offsetSeconds * 1000,
    };
  }

  async #request(location: WeatherLocation, signal: AbortSignal): Promise<Response> {
    const url = new URL(this.#endpoint);
    url.searchParams.set('latitude', String(location.lat));
    url.searchParams.set('longitude', String(location.lon));
    url.searchParams.set('current', 'temperature_2m,weather_code');
    url.searchParams.set('daily', 'temperature_2m_max,temperature_2m_min');
    // The zone decides which local day "daily" covers.
    url.searchParams.set('timezone', location.timezone);
    url.searchParams.set('forecast_days', '1');
    try {
      return await fetch(url, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Error(`${SERVICE} request failed: ${describeError(error)}`, { cause: error });
    }
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${SERVICE} response is not JSON: ${describeError(error)}`);
  }
}

// Status first, then Open-Meteo's `reason` (it names the invalid parameter on a 400).
async function describeFailure(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  const body = errorBodySchema.safeParse(parseJsonOrUndefined(text));
  const reason = body.success ? `: ${body.data.reason.slice(0, MAX_REASON_LENGTH)}` : '';
  return `${SERVICE} responded with HTTP ${response.status}${reason}`;
}
