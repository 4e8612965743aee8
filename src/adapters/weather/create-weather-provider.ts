/**
 * Picks the weather adapter a publication asked for. 'none' is not handled here: the composition
 * root creates no weather service at all for it.
 */
import type { WeatherProviderName } from '../../domain/weather/current-weather.js';
import type { WeatherProvider } from '../../services/ports.js';
import { OpenMeteoProvider } from './open-meteo-provider.js';
import { OpenWeatherMapProvider } from './openweathermap-provider.js';

/** The settings the weather adapters read; all optional so one object serves both. */
export interface WeatherProviderEnv {
  openWeatherMapApiKey?: string;
  openWeatherMapBaseUrl?: string;
  openMeteoBaseUrl?: string;
}

/** Builds the named provider; throws when OpenWeatherMap is chosen without an API key. */
export function createWeatherProvider(
  name: Exclude<WeatherProviderName, 'none'>,
  env: WeatherProviderEnv,
): WeatherProvider {
  switch (name) {
    case 'openweathermap': {
      const apiKey = env.openWeatherMapApiKey?.trim();
      if (!apiKey) {
        throw new Error(
          'Weather provider "openweathermap" needs an API key, and none is configured',
        );
      }
      return new OpenWeatherMapProvider({ apiKey, baseUrl: env.openWeatherMapBaseUrl });
    }
    case 'open-meteo':
      return new OpenMeteoProvider({ baseUrl: env.openMeteoBaseUrl });
    default:
      // Reachable only from untyped input (JSON settings, a CLI flag).
      throw new Error(`Unknown weather provider "${String(name satisfies never)}"`);
  }
}
