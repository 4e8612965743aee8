import { describe, expect, it, vi } from 'vitest';
import type { CurrentWeather, WeatherLocation } from '../domain/weather/current-weather.js';
import type { WeatherProvider } from './ports.js';
import { createWeatherService } from './weather-service.js';
import type { WeatherServiceOptions } from './weather-service.js';

const MUSCAT: WeatherLocation = { lat: 23.588, lon: 58.3829, timezone: 'Asia/Muscat' };
const APRIL_24: CurrentWeather = {
  condition: 'scattered clouds',
  maxC: 33,
  minC: 33,
  observedAt: Date.parse('2024-04-24T09:00:00Z'),
};
const APRIL_24_LATER: CurrentWeather = { ...APRIL_24, condition: 'clear sky', maxC: 34 };
const TTL = 15 * 60_000;
const RETRY_AFTER_ERROR = 60_000;

interface ProviderCall {
  location: WeatherLocation;
  signal: AbortSignal;
  resolve(value: CurrentWeather): void;
  reject(error: unknown): void;
}

/** A provider whose every fetch waits until the test settles it. */
function controllableProvider() {
  const calls: ProviderCall[] = [];
  const provider: WeatherProvider = {
    name: 'fake',
    fetchCurrent: (location, signal) =>
      new Promise((resolve, reject) => calls.push({ location, signal, resolve, reject })),
  };
  const call = (index: number) => {
    const found = calls[index];
    if (!found) throw new Error(`the provider was called ${calls.length} times, not ${index + 1}`);
    return found;
  };
  return { provider, calls, call };
}

function controllableClock() {
  let now = Date.parse('2024-04-24T09:00:00Z');
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => void (now += ms) };
}

/** Lets settled promises run their callbacks. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setUp(options: Partial<WeatherServiceOptions> = {}) {
  const fake = controllableProvider();
  const time = controllableClock();
  const onError = vi.fn();
  const service = createWeatherService({
    provider: fake.provider,
    clock: time.clock,
    ttlMs: TTL,
    retryAfterErrorMs: RETRY_AFTER_ERROR,
    onError,
    ...options,
  });
  return { ...fake, ...time, onError, service };
}

/** A service already holding APRIL_24, fetched at the clock's current time. */
async function withKnownWeather(options: Partial<WeatherServiceOptions> = {}) {
  const setup = setUp(options);
  setup.service.peek(MUSCAT);
  setup.call(0).resolve(APRIL_24);
  await flush();
  return setup;
}

describe('createWeatherService', () => {
  it('shows nothing and starts exactly one fetch when the cache is empty, however many pages ask', () => {
    const { service, calls } = setUp();
    const answers = Array.from({ length: 100 }, () => service.peek(MUSCAT));
    expect(answers.every((answer) => answer === undefined)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.location).toEqual(MUSCAT);
  });

  it('shows the fetched weather once the background fetch has finished', async () => {
    const { service } = await withKnownWeather();
    expect(service.peek(MUSCAT)).toEqual(APRIL_24);
  });

  it('joins the fetch already in flight when refresh is called', async () => {
    const { service, calls, call } = setUp();
    service.peek(MUSCAT);
    const refreshed = service.refresh(MUSCAT);
    call(0).resolve(APRIL_24);
    await expect(refreshed).resolves.toEqual(APRIL_24);
    expect(calls).toHaveLength(1);
  });

  it('does not refetch while the value is younger than the ttl', async () => {
    const { service, calls, advance } = await withKnownWeather();
    advance(TTL - 1);
    expect(service.peek(MUSCAT)).toEqual(APRIL_24);
    expect(calls).toHaveLength(1);
  });

  it('keeps showing stale weather after the ttl and refreshes it once in the background', async () => {
    const { service, calls, call, advance } = await withKnownWeather();
    advance(TTL);
    const answers = Array.from({ length: 10 }, () => service.peek(MUSCAT));
    expect(answers.every((answer) => answer === APRIL_24)).toBe(true);
    expect(calls).toHaveLength(2);
    call(1).resolve(APRIL_24_LATER);
    await flush();
    expect(service.peek(MUSCAT)).toEqual(APRIL_24_LATER);
    expect(calls).toHaveLength(2);
  });

  it('keeps showing the last known weather while the service is failing', async () => {
    const { service, call, advance, onError } = await withKnownWeather();
    advance(TTL);
    service.peek(MUSCAT);
    const failure = new Error('HTTP 503');
    call(1).reject(failure);
    await flush();
    expect(service.peek(MUSCAT)).toEqual(APRIL_24);
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure);
  });

  it('resolves refresh to the last known weather instead of rejecting when the fetch fails', async () => {
    const { service, call } = await withKnownWeather();
    const refreshed = service.refresh(MUSCAT);
    call(1).reject(new Error('HTTP 500'));
    await expect(refreshed).resolves.toEqual(APRIL_24);
  });

  it('leaves a failing service alone until retryAfterErrorMs has passed', async () => {
    const { service, calls, call, advance } = setUp();
    service.peek(MUSCAT);
    call(0).reject(new Error('HTTP 429'));
    await flush();
    advance(RETRY_AFTER_ERROR - 1);
    for (let i = 0; i < 50; i++) expect(service.peek(MUSCAT)).toBeUndefined();
    expect(calls).toHaveLength(1);
    advance(1);
    service.peek(MUSCAT);
    expect(calls).toHaveLength(2);
  });

  it('fetches now when refresh is called, even while the value is fresh', async () => {
    const { service, calls, call } = await withKnownWeather();
    const refreshed = service.refresh(MUSCAT);
    expect(calls).toHaveLength(2);
    call(1).resolve(APRIL_24_LATER);
    await expect(refreshed).resolves.toEqual(APRIL_24_LATER);
  });

  it('aborts a provider that does not answer within timeoutMs', async () => {
    const { service, call, onError } = setUp({ timeoutMs: 50 });
    const refreshed = service.refresh(MUSCAT);
    expect(call(0).signal.aborted).toBe(false);
    await expect(refreshed).resolves.toBeUndefined();
    expect(call(0).signal.aborted).toBe(true);
    expect(onError).toHaveBeenCalledOnce();
    expect(String(onError.mock.calls[0]?.[0])).toMatch(/did not answer within 50 ms/);
  });

  it('answers peek at once while the provider hangs', () => {
    const { service, calls } = setUp({ timeoutMs: 50 });
    const first = service.peek(MUSCAT);
    expect(first).toBeUndefined();
    expect(service.peek(MUSCAT)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('gives up on a provider that ignores the abort signal, so later refreshes are not blocked', async () => {
    const { service, calls, advance } = setUp({ timeoutMs: 50 });
    // The controllable provider never looks at its signal: this is the stubborn case.
    await expect(service.refresh(MUSCAT)).resolves.toBeUndefined();
    advance(RETRY_AFTER_ERROR);
    service.peek(MUSCAT);
    expect(calls).toHaveLength(2);
  });

  it('keeps each location apart, time zone included', async () => {
    const { service, calls, call } = setUp();
    const salalah = { lat: 17.0151, lon: 54.0924, timezone: 'Asia/Muscat' };
    const muscatUtc = { ...MUSCAT, timezone: 'UTC' };
    service.peek(MUSCAT);
    service.peek(salalah);
    service.peek(muscatUtc);
    expect(calls.map((c) => c.location)).toEqual([MUSCAT, salalah, muscatUtc]);
    call(1).resolve(APRIL_24_LATER);
    await flush();
    expect(service.peek(salalah)).toEqual(APRIL_24_LATER);
    expect(service.peek(MUSCAT)).toBeUndefined();
  });

  it('survives an onError callback that throws', async () => {
    const { service, call } = setUp({
      onError: () => {
        throw new Error('logger is down');
      },
    });
    const refreshed = service.refresh(MUSCAT);
    call(0).reject(new Error('HTTP 500'));
    await expect(refreshed).resolves.toBeUndefined();
  });
});
