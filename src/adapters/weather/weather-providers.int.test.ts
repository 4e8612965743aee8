import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReplayServer } from '../../../test/replay-server.js';
import type { ReplayServer } from '../../../test/replay-server.js';
import { readReferenceJson } from '../../../test/reference-data.js';
import type { WeatherLocation } from '../../domain/weather/current-weather.js';
import type { WeatherProvider } from '../../services/ports.js';
import { createWeatherService } from '../../services/weather-service.js';
import { createWeatherProvider } from './create-weather-provider.js';
import { OpenMeteoProvider, WMO_WEATHER_CODES } from './open-meteo-provider.js';
import { OpenWeatherMapProvider } from './openweathermap-provider.js';

const MUSCAT: WeatherLocation = { lat: 23.588, lon: 58.3829, timezone: 'Asia/Muscat' };
const API_KEY = 'test-key-0f9e8d7c6b5a';
const OWM_PATH = '/data/2.5/weather';
const OPEN_METEO_PATH = '/v1/forecast';
// 2024-04-24 13:00 in Muscat (+04), as both vectors record it.
const OBSERVED_AT = 1713949200 * 1000;

interface OwmVector {
  sample_response: { weather: object[]; main: object; dt: number };
  error_shapes: { http: number; body?: unknown }[];
}
interface OpenMeteoVector {
  sample_response: { current: object; daily: object };
  error_shape: { http: number; body: unknown };
  wmo_weather_codes: Record<string, string>;
}

const readVector = <T>(name: string) => readReferenceJson('vectors', name) as T;

/** Calls the provider with a signal that aborts after `ms`, as the weather service would. */
function fetchFrom(provider: WeatherProvider, ms = 5_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`aborted after ${ms} ms`)), ms);
  return provider.fetchCurrent(MUSCAT, controller.signal).finally(() => clearTimeout(timer));
}

/** The rejection's message, for asserting on what it says and what it must not say. */
async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('createWeatherProvider', () => {
  it('refuses to create OpenWeatherMap without an API key', () => {
    expect(() => createWeatherProvider('openweathermap', {})).toThrow(/needs an API key/);
    expect(() => createWeatherProvider('openweathermap', { openWeatherMapApiKey: ' ' })).toThrow(
      /needs an API key/,
    );
  });

  it('creates the provider the publication names', () => {
    const owm = createWeatherProvider('openweathermap', { openWeatherMapApiKey: API_KEY });
    expect(owm).toBeInstanceOf(OpenWeatherMapProvider);
    expect(createWeatherProvider('open-meteo', {})).toBeInstanceOf(OpenMeteoProvider);
  });
});

describe('weather providers against recorded responses', () => {
  let server: ReplayServer;
  let owmVector: OwmVector;
  let openMeteoVector: OpenMeteoVector;
  const owm = () => new OpenWeatherMapProvider({ apiKey: API_KEY, baseUrl: server.baseUrl });
  const openMeteo = () => new OpenMeteoProvider({ baseUrl: server.baseUrl });
  const owmErrorShape = (status: number) => {
    const shape = owmVector.error_shapes.find((candidate) => candidate.http === status);
    if (!shape) throw new Error(`the OWM vector has no ${status} error shape`);
    return { status: shape.http, body: shape.body };
  };

  beforeAll(async () => {
    owmVector = readVector<OwmVector>('weather-owm-muscat.json');
    openMeteoVector = readVector<OpenMeteoVector>('weather-openmeteo-muscat.json');
    server = await startReplayServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.route(OWM_PATH, { body: owmVector.sample_response });
    server.route(OPEN_METEO_PATH, { body: openMeteoVector.sample_response });
    server.clearRequests();
  });

  describe('OpenWeatherMapProvider', () => {
    it('shows "scattered clouds, 33°C / 33°C" for the Muscat sample', async () => {
      await expect(fetchFrom(owm())).resolves.toEqual({
        condition: 'scattered clouds',
        maxC: 33,
        minC: 33,
        observedAt: OBSERVED_AT,
      });
    });

    it('asks for metric units in English at the publication coordinates, with the key', async () => {
      await fetchFrom(owm());
      expect(server.requestCount(OWM_PATH)).toBe(1);
      const query = Object.fromEntries(server.requests[0]!.searchParams);
      expect(query).toEqual({
        lat: '23.588',
        lon: '58.3829',
        units: 'metric',
        lang: 'en',
        appid: API_KEY,
      });
    });

    it('reports a rejected API key by its status, and never reveals the key', async () => {
      server.route(OWM_PATH, owmErrorShape(401));
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toMatch(/OpenWeatherMap responded with HTTP 401: Invalid API key/);
      expect(message).not.toContain(API_KEY);
    });

    it('reports rate limiting by its status', async () => {
      server.route(OWM_PATH, owmErrorShape(429));
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toBe('OpenWeatherMap responded with HTTP 429');
    });

    it('trusts the HTTP status, not the body, when cod is a string', async () => {
      server.route(OWM_PATH, owmErrorShape(404));
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toBe('OpenWeatherMap responded with HTTP 404: city not found');
    });

    it('scrubs the key from anything the server echoes back', async () => {
      server.route(OWM_PATH, { status: 401, body: { cod: 401, message: `bad key ${API_KEY}` } });
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toContain('bad key [api key]');
      expect(message).not.toContain(API_KEY);
    });

    it('names the missing fields when the body is malformed', async () => {
      server.route(OWM_PATH, { body: { cod: 200, weather: [], main: { temp: 33 }, dt: 1 } });
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toBe(
        'OpenWeatherMap response is malformed: missing or invalid weather, main.temp_max, main.temp_min',
      );
    });

    it('reports a body that is not JSON', async () => {
      server.route(OWM_PATH, { body: '<html>Bad gateway</html>' });
      const message = await rejectionOf(fetchFrom(owm()));
      expect(message).toMatch(/^OpenWeatherMap response is not JSON/);
      expect(message).not.toContain(API_KEY);
    });

    it('gives up when its signal aborts a request the server never answers', async () => {
      server.route(OWM_PATH, { hang: true });
      const message = await rejectionOf(fetchFrom(owm(), 50));
      expect(message).toBe('OpenWeatherMap request failed: aborted after 50 ms');
      expect(message).not.toContain(API_KEY);
    });
  });

  describe('OpenMeteoProvider', () => {
    it('shows "partly cloudy, 35°C / 27°C" for the Muscat sample', async () => {
      await expect(fetchFrom(openMeteo())).resolves.toEqual({
        condition: 'partly cloudy',
        maxC: 35,
        minC: 27,
        observedAt: OBSERVED_AT,
      });
    });

    it("asks for today's high and low in the publication's time zone", async () => {
      await fetchFrom(openMeteo());
      expect(server.requestCount(OPEN_METEO_PATH)).toBe(1);
      const query = Object.fromEntries(server.requests[0]!.searchParams);
      expect(query).toEqual({
        latitude: '23.588',
        longitude: '58.3829',
        current: 'temperature_2m,weather_code',
        daily: 'temperature_2m_max,temperature_2m_min',
        timezone: 'Asia/Muscat',
        forecast_days: '1',
      });
    });

    it('embeds the whole WMO code table of the vector', () => {
      expect(WMO_WEATHER_CODES).toEqual(
        Object.fromEntries(
          Object.entries(openMeteoVector.wmo_weather_codes).map(([code, text]) => [
            Number(code),
            text,
          ]),
        ),
      );
    });

    it('reports a 400 with the reason Open-Meteo gives', async () => {
      const { http, body } = openMeteoVector.error_shape;
      server.route(OPEN_METEO_PATH, { status: http, body });
      const message = await rejectionOf(fetchFrom(openMeteo()));
      expect(message).toMatch(/^Open-Meteo responded with HTTP 400: ./);
    });

    it('reports rate limiting by its status', async () => {
      server.route(OPEN_METEO_PATH, { status: 429, body: 'Too Many Requests' });
      const message = await rejectionOf(fetchFrom(openMeteo()));
      expect(message).toBe('Open-Meteo responded with HTTP 429');
    });

    it('names the missing fields when the body is malformed', async () => {
      const { daily, ...withoutDaily } = openMeteoVector.sample_response;
      server.route(OPEN_METEO_PATH, {
        body: { ...withoutDaily, daily: { ...daily, temperature_2m_min: [null] } },
      });
      const message = await rejectionOf(fetchFrom(openMeteo()));
      expect(message).toBe(
        'Open-Meteo response is malformed: missing or invalid daily.temperature_2m_min[0]',
      );
    });

    it('rejects a WMO code outside the table rather than show a blank condition', async () => {
      const sample = openMeteoVector.sample_response;
      server.route(OPEN_METEO_PATH, {
        body: { ...sample, current: { ...sample.current, weather_code: 42 } },
      });
      const message = await rejectionOf(fetchFrom(openMeteo()));
      expect(message).toBe('Open-Meteo sent an unknown WMO weather code 42');
    });

    it('gives up when its signal aborts a request the server never answers', async () => {
      server.route(OPEN_METEO_PATH, { hang: true });
      const message = await rejectionOf(fetchFrom(openMeteo(), 50));
      expect(message).toBe('Open-Meteo request failed: aborted after 50 ms');
    });
  });

  describe('createWeatherProvider', () => {
    it('creates providers that talk to the configured base URLs', async () => {
      const env = {
        openWeatherMapApiKey: API_KEY,
        openWeatherMapBaseUrl: server.baseUrl,
        openMeteoBaseUrl: `${server.baseUrl}/`,
      };
      await expect(fetchFrom(createWeatherProvider('openweathermap', env))).resolves.toMatchObject({
        condition: 'scattered clouds',
      });
      await expect(fetchFrom(createWeatherProvider('open-meteo', env))).resolves.toMatchObject({
        condition: 'partly cloudy',
      });
      expect(server.requests.map((url) => url.pathname)).toEqual([OWM_PATH, OPEN_METEO_PATH]);
    });
  });

  describe('the weather service in front of Open-Meteo', () => {
    it('lets pages render without weather while Open-Meteo hangs', async () => {
      server.route(OPEN_METEO_PATH, { hang: true });
      const onError = vi.fn();
      const service = createWeatherService({
        provider: openMeteo(),
        clock: { now: () => new Date(OBSERVED_AT) },
        timeoutMs: 200,
        onError,
      });
      // Synchronous: a value (here none yet), never a promise a page could wait on.
      const answers = Array.from({ length: 100 }, () => service.peek(MUSCAT));
      expect(answers.every((answer) => answer === undefined)).toBe(true);
      await vi.waitFor(() => expect(server.requestCount(OPEN_METEO_PATH)).toBe(1));
      await expect(service.refresh(MUSCAT)).resolves.toBeUndefined();
      expect(String(onError.mock.calls[0]?.[0])).toMatch(/did not answer within 200 ms/);
      expect(service.peek(MUSCAT)).toBeUndefined();
      expect(server.requestCount(OPEN_METEO_PATH)).toBe(1);
    });
  });
});
