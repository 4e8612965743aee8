/**
 * The environment, read once at start into a typed Config. Invalid settings fail the start
 * with one clear line per problem.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const isoInstant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)) && /T/.test(value), {
    message: 'must be an ISO 8601 instant such as 2024-04-24T08:00:00Z',
  });

const databaseUrl = z.string().refine((value) => /^(sqlite:|postgres(ql)?:\/\/)/.test(value), {
  message: 'must start with sqlite: or postgres://',
});

/** An address or a CIDR range: `10.0.0.1`, `10.0.0.0/8`, `::1`. */
const isAddressOrRange = (entry: string) => {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
  );
};

const addressList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isAddressOrRange), {
    message: 'must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.1,10.1.0.0/16',
  });

const configSchema = z.object({
  DATABASE_URL: databaseUrl.default('sqlite:./data/dateline.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  PUBLIC_URL: z.string().url().optional(),
  DATELINE_NOW: isoInstant.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENWEATHERMAP_API_KEY: z.string().min(1).optional(),
  OPENWEATHERMAP_BASE_URL: z.string().url().optional(),
  OPEN_METEO_BASE_URL: z.string().url().optional(),
  WEATHER_CACHE_SECONDS: z.coerce.number().int().min(10).default(900),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), {
      message: 'must start with smtp:// or smtps://',
    })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Dateline <no-reply@localhost>'),
  TRUSTED_PROXIES: addressList.default(''),
  SESSION_DAYS: z.coerce.number().int().min(1).max(366).default(14),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  mediaDir: string;
  /** Absolute origin for canonical links, e.g. https://news.example; derived from the request when unset. */
  publicUrl: string | undefined;
  /** A frozen clock, for tests and archive rendering. */
  now: Date | undefined;
  logLevel: string;
  weather: {
    openWeatherMapApiKey: string | undefined;
    openWeatherMapBaseUrl: string | undefined;
    openMeteoBaseUrl: string | undefined;
    cacheMs: number;
  };
  mail: {
    /** smtp:// or smtps:// URL; without it mail is written to the log. */
    smtpUrl: string | undefined;
    from: string;
  };
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's are. */
  trustedProxies: string[];
  /** How long a newsroom sign-in lasts. */
  sessionDays: number;
  /** How often the scheduler looks for articles due to go live or come down. */
  schedulerIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    mediaDir: e.MEDIA_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    now: e.DATELINE_NOW ? new Date(e.DATELINE_NOW) : undefined,
    logLevel: e.LOG_LEVEL,
    weather: {
      openWeatherMapApiKey: e.OPENWEATHERMAP_API_KEY,
      openWeatherMapBaseUrl: e.OPENWEATHERMAP_BASE_URL,
      openMeteoBaseUrl: e.OPEN_METEO_BASE_URL,
      cacheMs: e.WEATHER_CACHE_SECONDS * 1000,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    trustedProxies: e.TRUSTED_PROXIES,
    sessionDays: e.SESSION_DAYS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
  };
}
