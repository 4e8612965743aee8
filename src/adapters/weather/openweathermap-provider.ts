/**
 * OpenWeatherMap's Current Weather Data 2.5 endpoint behind the `WeatherProvider` port.
 * The API key travels in the query string, so no message built here ever includes the URL, and
 * text the server sends back is scrubbed of the key before it reaches a message.
 */
import { z } from 'zod';
import { describeError, listIssues, parseJsonOrUndefined } from './weather-response.js';
import type { CurrentWeather, WeatherLocation } from '../../domain/weather/current-weather.js';
import type { WeatherProvider } from '../../services/ports.js';

const DEFAULT_BASE_URL = 'https://api.openweathermap.org';
const SERVICE = 'OpenWeatherMap';
const MAX_REASON_LENGTH = 200;

// Only the fields the widget uses: OWM adds and omits others (sys.type, sys.id) at will.
const currentWeatherSchema = z.object({
  weather: z.array(z.object({ description: z.string().min(1) })).min(1),
  main: z.object({ temp_max: z.number(), temp_min: z.number() }),
  dt: z.number().int(),
});

// `cod` is a number on success but sometimes a string on errors, so only `message` is read.
const errorBodySchema = z.object({ message: z.string() });

/** How to reach OpenWeatherMap. */
export interface OpenWeatherMapOptions {
  apiKey: string;
  /** Defaults to https://api.openweathermap.org; tests point it at a local replay server. */
  baseUrl?: string;
}

/** Current conditions from OpenWeatherMap (needs an API key). */
export class OpenWeatherMapProvider implements WeatherProvider {
  readonly name = 'openweathermap';
  readonly #apiKey: string;
  readonly #endpoint: string;

  constructor(options: OpenWeatherMapOptions) {
    this.#apiKey = options.apiKey;
    // An empty setting (an unset env variable) means the default.
    const base = (options.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#endpoint = `${base}/data/2.5/weather`;
  }

  async fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather> {
    const response = await this.#request(location, signal);
    if (!response.ok) throw new Error(await this.#describeFailure(response));
    const parsed = currentWeatherSchema.safeParse(await this.#readJson(response));
    if (!parsed.success) {
      throw new Error(`${SERVICE} response is malformed: ${listIssues(parsed.error)}`);
    }
    const { weather, main, dt } = parsed.data;
    return {
      // `min(1)` above guarantees the first (primary) condition exists.
      condition: weather[0]!.description.toLowerCase(),
      maxC: Math.round(main.temp_max),
      minC: Math.round(main.temp_min),
      observedAt: dt * 1000,
    };
  }

  async #request(location: WeatherLocation, signal: AbortSignal): Promise<Response> {
    const url = new URL(this.#endpoint);
    url.searchParams.set('lat', String(location.lat));
    url.searchParams.set('lon', String(location.lon));
    url.searchParams.set('units', 'metric');
    url.searchParams.set('lang', 'en');
    url.searchParams.set('appid', this.#apiKey);
    try {
      return await fetch(url, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Error(`${SERVICE} request failed: ${this.#redact(describeError(error))}`, {
        cause: error,
      });
    }
  }

  async #readJson(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      throw new Error(`${SERVICE} response is not JSON: ${this.#redact(describeError(error))}`);
    }
  }

  /** Status first (OWM's `cod` is unreliable), then OWM's own message when it sent one. */
  async #describeFailure(response: Response): Promise<string> {
    const text = await response.text().catch(() => '');
    const body = errorBodySchema.safeParse(parseJsonOrUndefined(text));
    const reason = body.success ? `: ${this.#redact(body.data.message)}` : '';
    return `${SERVICE} responded with HTTP ${response.status}${reason.slice(0, MAX_REASON_LENGTH)}`;
  }

  #redact(text: string): string {
    return this.#apiKey ? text.split(this.#apiKey).join('[api key]') : text;
  }
}
