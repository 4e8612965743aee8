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

const positiveInteger = z.coerce
  .number({ invalid_type_error: 'must be a positive whole number' })
  .int({ message: 'must be a positive whole number' })
  .positive({ message: 'must be a positive whole number' });

const s3Prefix = z
  .string()
  .transform((value) => value.replace(/^\/+|\/+$/g, ''))
  // The media store's key rule: no way out of the folder, no dot files, no empty parts.
  .refine((value) => !/\.\.|\\|\0|\/\/|(^|\/)\./.test(value), {
    message:
      'must be a folder such as dateline/media (no .., backslashes, dot files or empty parts)',
  });

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/** The S3 settings a bucket cannot be reached without. */
const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/**
 * argon2id's cost: OWASP's recommended minimum (19 MiB, 2 passes). Only test suites lower it,
 * to sign in thousands of times; production refuses anything weaker.
 */
export const STRONG_PASSWORD_HASHING = { memoryKiB: 19_456, passes: 2 } as const;

const configSchema = z.object({
  DATABASE_URL: databaseUrl.default('sqlite:./data/dateline.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  MEDIA_MAX_BYTES: positiveInteger.default(40 * 1024 * 1024),
  MEDIA_MAX_PIXELS: positiveInteger.default(100_000_000),
  IMAGE_ENCODE_CONCURRENCY: positiveInteger.max(64, { message: 'must be at most 64' }).default(1),
  MEDIA_JOB_CONCURRENCY: positiveInteger.max(64, { message: 'must be at most 64' }).default(1),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), {
      message: 'must start with http:// or https://',
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default('false'),
  S3_PREFIX: s3Prefix.optional(),
  PUBLIC_URL: z.string().url().optional(),
  NODE_ENV: z.string().optional(),
  DATELINE_NOW: isoInstant.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'text'], { message: 'must be json or text' }).optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,256}$/, {
      message: 'must be 16 to 256 printable characters without spaces',
    })
    .optional(),
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
  OUTBOUND_ALLOW: addressList.default(''),
  SESSION_DAYS: z.coerce.number().int().min(1).max(366).default(14),
  SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(8784).default(12),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
  WIRE_DROP_ROOT: z.string().min(1).default('./data/wire-drop'),
  WIRE_POLL_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  WIRE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(30),
  IMPORT_UPLOAD_MAX_MB: positiveInteger
    .max(65_536, { message: 'must be at most 65536' })
    .default(2048),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  CONTENT_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  PAGE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  CDN_PURGE_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), {
      message: 'must start with http:// or https://',
    })
    .optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  CDN_PURGE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  PASSWORD_HASH_MEMORY_KIB: z.coerce
    .number()
    .int()
    .min(8)
    .max(4_194_304)
    .default(STRONG_PASSWORD_HASHING.memoryKiB),
  PASSWORD_HASH_PASSES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(STRONG_PASSWORD_HASHING.passes),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  mediaDir: string;
  media: {
    /** Where photos and their renditions are kept; createMediaStorage() takes this as is. */
    storage: MediaStorageConfig;
    /** The largest upload accepted, in bytes. */
    maxBytes: number;
    /** The most pixels an upload may decode to (width × height), against decompression bombs. */
    maxPixels: number;
    /** Image decodes and encodes run at once in the process, each on one core; readers keep the rest. */
    encodeConcurrency: number;
    /** Photo jobs (variants) run at once by this process's worker, in a lane of their own. */
    jobConcurrency: number;
  };
  /**
   * Absolute origin for canonical links, e.g. https://news.example; required in production,
   * elsewhere derived from the request when unset (and then never cached by a CDN).
   */
  publicUrl: string | undefined;
  /** NODE_ENV=production: PUBLIC_URL required, the newsroom app's source maps not served. */
  production: boolean;
  /** A frozen clock, for tests and archive rendering. */
  now: Date | undefined;
  logLevel: string;
  /** How the server's own log lines read: JSON in production (or LOG_FORMAT=json), else text. */
  logFormat: 'json' | 'text';
  /** How long `serve` lets requests and jobs finish after SIGTERM/SIGINT before it gives up. */
  shutdownTimeoutMs: number;
  /**
   * Who may read /metrics: a listener of its own (port, host), a bearer token on the main
   * port, either or both; with neither, /metrics does not exist.
   */
  metrics: { port: number | undefined; host: string; token: string | undefined };
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
  /**
   * Addresses and ranges that requests to users' URLs (webhooks) may reach although they are
   * private, loopback and the like; none by default.
   */
  outboundAllow: string[];
  /** How long a newsroom sign-in lasts. */
  sessionDays: number;
  /** How long a newsroom sign-in lasts unused. */
  sessionIdleHours: number;
  /** How long the audit trail keeps an entry before the daily purge forgets it. */
  auditRetentionDays: number;
  /** How often the scheduler looks for articles due to go live or come down. */
  schedulerIntervalMs: number;
  /** The one folder wire sources' drop folders must lie under (ADR 0058). */
  wireDropRoot: string;
  /** How often the wire poller looks for sources due to be read. */
  wirePollIntervalMs: number;
  /** How long the wire queue keeps an item no story was made from, counted from its sending. */
  wireRetentionDays: number;
  /** The longest file the newsroom's import page accepts, in bytes (IMPORT_UPLOAD_MAX_MB). */
  importUploadMaxBytes: number;
  /** How often the background worker looks for due jobs (new work also wakes it). */
  jobsIntervalMs: number;
  /** Whether `serve` runs background jobs too; off for instances that only serve. */
  jobsWorker: boolean;
  /** Requests a minute each Content API key may make, counted in each process. */
  contentApiRatePerMinute: number;
  /** Bytes of finished reader pages kept in memory (PAGE_CACHE_MB); 0 keeps none. */
  pageCacheBytes: number;
  /** Where purges of the CDN in front of the site are sent; none when unset. */
  cdn: { purgeUrl: string | undefined; purgeToken: string | undefined; purgeTimeoutMs: number };
  /** argon2id's memory (KiB) and passes for new password hashes. */
  passwordHashing: { memoryKiB: number; passes: number };
}

export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      /** Unset for AWS, which is reached at its regional endpoint. */
      endpoint: string | undefined;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
      /** A folder inside the bucket; unset for the bucket's root. */
      keyPrefix: string | undefined;
    };

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
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []),
    ...missingS3Settings(present),
    ...missingPublicUrl(present),
    ...weakPasswordHashing(present, parsed.data),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    mediaDir: e.MEDIA_DIR,
    media: {
      storage:
        e.MEDIA_STORAGE === 's3'
          ? {
              kind: 's3',
              bucket: e.S3_BUCKET ?? '',
              region: e.S3_REGION,
              endpoint: e.S3_ENDPOINT,
              accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
              keyPrefix: e.S3_PREFIX || undefined,
            }
          : { kind: 'local', dir: e.MEDIA_DIR },
      maxBytes: e.MEDIA_MAX_BYTES,
      maxPixels: e.MEDIA_MAX_PIXELS,
      encodeConcurrency: e.IMAGE_ENCODE_CONCURRENCY,
      jobConcurrency: e.MEDIA_JOB_CONCURRENCY,
    },
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    production: e.NODE_ENV === 'production',
    now: e.DATELINE_NOW ? new Date(e.DATELINE_NOW) : undefined,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'text'),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN },
    weather: {
      openWeatherMapApiKey: e.OPENWEATHERMAP_API_KEY,
      openWeatherMapBaseUrl: e.OPENWEATHERMAP_BASE_URL,
      openMeteoBaseUrl: e.OPEN_METEO_BASE_URL,
      cacheMs: e.WEATHER_CACHE_SECONDS * 1000,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    trustedProxies: e.TRUSTED_PROXIES,
    outboundAllow: e.OUTBOUND_ALLOW,
    sessionDays: e.SESSION_DAYS,
    sessionIdleHours: e.SESSION_IDLE_HOURS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    wireDropRoot: e.WIRE_DROP_ROOT,
    wirePollIntervalMs: e.WIRE_POLL_SECONDS * 1000,
    wireRetentionDays: e.WIRE_RETENTION_DAYS,
    importUploadMaxBytes: e.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
    jobsIntervalMs: e.JOBS_INTERVAL_SECONDS * 1000,
    jobsWorker: e.JOBS_WORKER === 'on',
    contentApiRatePerMinute: e.CONTENT_API_RATE_PER_MINUTE,
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    cdn: {
      purgeUrl: e.CDN_PURGE_URL,
      purgeToken: e.CDN_PURGE_TOKEN,
      purgeTimeoutMs: e.CDN_PURGE_TIMEOUT_SECONDS * 1000,
    },
    passwordHashing: { memoryKiB: e.PASSWORD_HASH_MEMORY_KIB, passes: e.PASSWORD_HASH_PASSES },
  };
}

/**
 * In production links must not follow the request's Host header, which anyone can forge and a
 * CDN would then keep (docs/adr/0011-public-url-and-host.md).
 */
function missingPublicUrl(present: NodeJS.ProcessEnv): string[] {
  if (present.NODE_ENV !== 'production' || present.PUBLIC_URL !== undefined) return [];
  return [
    "PUBLIC_URL: is required when NODE_ENV=production, e.g. https://news.example (links must not follow the request's Host header)",
  ];
}

/** Cheap password hashes are for test suites: a production server refuses them. */
function weakPasswordHashing(
  present: NodeJS.ProcessEnv,
  parsed: z.infer<typeof configSchema> | undefined,
): string[] {
  if (present.NODE_ENV !== 'production' || !parsed) return [];
  const { memoryKiB, passes } = STRONG_PASSWORD_HASHING;
  return [
    ...(parsed.PASSWORD_HASH_MEMORY_KIB < memoryKiB
      ? [`PASSWORD_HASH_MEMORY_KIB: must be at least ${memoryKiB} when NODE_ENV=production`]
      : []),
    ...(parsed.PASSWORD_HASH_PASSES < passes
      ? [`PASSWORD_HASH_PASSES: must be at least ${passes} when NODE_ENV=production`]
      : []),
  ];
}

/** With MEDIA_STORAGE=s3, one problem per setting the bucket cannot be reached without. */
function missingS3Settings(present: NodeJS.ProcessEnv): string[] {
  if (present.MEDIA_STORAGE !== 's3') return [];
  return S3_REQUIRED.filter((name) => present[name] === undefined).map(
    (name) => `${name}: is required when MEDIA_STORAGE=s3`,
  );
}
