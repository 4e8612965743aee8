/**
 * The interfaces services reach the outside world through. Implementations live in
 * storage/ and adapters/ and are wired together in app.ts only.
 */
import type { CurrentWeather, WeatherLocation } from '../domain/weather/current-weather.js';

/** The time now; frozen by DATELINE_NOW in tests and archive rendering. */
export interface Clock {
  now(): Date;
}

/** Fetches current conditions from one weather service. Rejects on any failure. */
export interface WeatherProvider {
  readonly name: string;
  fetchCurrent(location: WeatherLocation, signal: AbortSignal): Promise<CurrentWeather>;
}
