/** What the masthead's weather widget shows: one condition and today's high and low. */
export interface CurrentWeather {
  /** Lower-case wording as the provider gives it, e.g. "scattered clouds". */
  condition: string;
  /** Degrees Celsius, already rounded for display. */
  maxC: number;
  minC: number;
  /** When the provider observed it (epoch ms). */
  observedAt: number;
}

export type WeatherProviderName = 'openweathermap' | 'open-meteo' | 'none';

export interface WeatherLocation {
  lat: number;
  lon: number;
  /** IANA zone, so daily highs and lows follow the publication's day. */
  timezone: string;
}
