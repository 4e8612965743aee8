/**
 * Keeps the masthead's weather in memory so a page never waits for a weather API: pages `peek`
 * at the last known value, and a stale or missing value is refreshed in the background, one
 * fetch per location at a time, with a timeout and a pause after failures.
 */
import type { CurrentWeather, WeatherLocation } from '../domain/weather/current-weather.js';
import type { Clock, WeatherProvider } from './ports.js';

/** What the weather service needs; the durations are in milliseconds. */
export interface WeatherServiceOptions {
  provider: WeatherProvider;
  clock: Clock;
  /** How long a fetched value counts as fresh. Default 15 minutes. */
  ttlMs?: number;
  /** How long one fetch may take before it is aborted. Default 1.5 s. */
  timeoutMs?: number;
  /** How long `peek` leaves a failing provider alone before trying again. Default 1 minute. */
  retryAfterErrorMs?: number;
  /** Told about every failed fetch (for logging); the failure is otherwise swallowed. */
  onError?: (error: unknown) => void;
}

/** The masthead's view of the weather: an instant cache read plus an explicit refresh. */
export interface WeatherService {
  /**
   * The last known weather, even when stale; `undefined` until a first fetch succeeds. Starts a
   * background refresh when the value is missing or stale (unless one is running or the provider
   * failed less than `retryAfterErrorMs` ago). Never waits.
   */
  peek(location: WeatherLocation): CurrentWeather | undefined;
  /**
   * Fetches now, or joins the fetch already running for this location, and resolves to the value
   * then known. Never rejects: on failure it resolves to the last known value and calls onError.
   */
  refresh(location: WeatherLocation): Promise<CurrentWeather | undefined>;
}

interface CacheEntry {
  value: CurrentWeather | undefined;
  /** Clock time the value was stored; freshness is judged by it, not by the provider's clock. */
  storedAt: number;
  failedAt: number | undefined;
  inFlight: Promise<CurrentWeather | undefined> | undefined;
}

/** Creates a weather cache in front of one provider. */
export function createWeatherService(options: WeatherServiceOptions): WeatherService {
  const { provider, clock, onError } = options;
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const timeoutMs = options.timeoutMs ?? 1500;
  const retryAfterErrorMs = options.retryAfterErrorMs ?? 60_000;
  const entries = new Map<string, CacheEntry>();

  const keyOf = (location: WeatherLocation) =>
    `${provider.name}|${location.lat}|${location.lon}|${location.timezone}`;

  // Runs on every page request: a Map lookup and a few comparisons, nothing more.
  function peek(location: WeatherLocation): CurrentWeather | undefined {
    const key = keyOf(location);
    const entry = entries.get(key);
    if (isDue(entry, clock.now().getTime())) void refreshKey(key, location);
    return entry?.value;
  }

  function isDue(entry: CacheEntry | undefined, now: number): boolean {
    if (entry === undefined) return true;
    if (entry.inFlight !== undefined) return false;
    // Without this pause every page request would hit an API that is already failing.
    if (entry.failedAt !== undefined && now - entry.failedAt < retryAfterErrorMs) return false;
    return entry.value === undefined || now - entry.storedAt >= ttlMs;
  }

  function refreshKey(key: string, location: WeatherLocation) {
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = { value: undefined, storedAt: 0, failedAt: undefined, inFlight: undefined };
      entries.set(key, entry);
    }
    const target = entry;
    target.inFlight ??= fetchInto(target, location).finally(() => {
      target.inFlight = undefined;
    });
    return target.inFlight;
  }

  async function fetchInto(entry: CacheEntry, location: WeatherLocation) {
    try {
      entry.value = await fetchWithTimeout(location);
      entry.storedAt = clock.now().getTime();
      entry.failedAt = undefined;
    } catch (error) {
      entry.failedAt = clock.now().getTime();
      report(error);
    }
    return entry.value;
  }

  async function fetchWithTimeout(location: WeatherLocation): Promise<CurrentWeather> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Racing, not just aborting: a provider that ignores its signal must not pin the entry
    // as "in flight" for ever.
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`${provider.name} did not answer within ${timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([provider.fetchCurrent(location, controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function report(error: unknown) {
    try {
      onError?.(error);
    } catch {
      // A throwing logger must not turn a background refresh into an unhandled rejection.
    }
  }

  return { peek, refresh: (location) => refreshKey(keyOf(location), location) };
}
