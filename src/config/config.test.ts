import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

/** The problems readConfig names for this environment; none when it accepts it. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('runs on SQLite on 127.0.0.1:3000 when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'sqlite:./data/dateline.db',
      port: 3000,
      host: '127.0.0.1',
      now: undefined,
    });
  });

  it('reads PostgreSQL, a frozen clock and weather settings', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://u@db:5432/news',
      DATELINE_NOW: '2024-04-24T08:00:00Z',
      OPEN_METEO_BASE_URL: 'http://127.0.0.1:9999',
      WEATHER_CACHE_SECONDS: '60',
      PUBLIC_URL: 'https://news.example/',
    });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/news');
    expect(config.now?.toISOString()).toBe('2024-04-24T08:00:00.000Z');
    expect(config.weather).toMatchObject({
      openMeteoBaseUrl: 'http://127.0.0.1:9999',
      cacheMs: 60_000,
    });
    expect(config.publicUrl).toBe('https://news.example');
  });

  it('refuses to start in production without PUBLIC_URL, in one clear line', () => {
    let error: unknown;
    try {
      readConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^PUBLIC_URL: is required when NODE_ENV=production/),
    ]);
    const config = readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://news.example' });
    expect(config).toMatchObject({ production: true, publicUrl: 'https://news.example' });
    expect(readConfig({ NODE_ENV: 'development' })).toMatchObject({
      production: false,
      publicUrl: undefined,
    });
  });

  it("hashes passwords at OWASP's minimum argon2id cost unless told otherwise", () => {
    expect(readConfig({}).passwordHashing).toEqual({ memoryKiB: 19_456, passes: 2 });
    expect(
      readConfig({ PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_PASSES: '1' }).passwordHashing,
    ).toEqual({ memoryKiB: 64, passes: 1 });
  });

  it('refuses a production server password hashes cheaper than the minimum', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://news.example' };
    expect(readConfig(production).passwordHashing).toEqual({ memoryKiB: 19_456, passes: 2 });
    const weak = { ...production, PASSWORD_HASH_MEMORY_KIB: '64', PASSWORD_HASH_PASSES: '1' };
    expect(() => readConfig(weak)).toThrow(ConfigError);
    expect(problemsOf(weak)).toEqual([
      'PASSWORD_HASH_MEMORY_KIB: must be at least 19456 when NODE_ENV=production',
      'PASSWORD_HASH_PASSES: must be at least 2 when NODE_ENV=production',
    ]);
  });

  it('names every bad setting at once', () => {
    let error: unknown;
    try {
      readConfig({ DATABASE_URL: 'mysql://x', PORT: '99999', DATELINE_NOW: 'yesterday' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATELINE_NOW: must be an ISO 8601 instant/m);
  });

  it('logs mail, trusts no proxy and keeps sign-ins for 14 days, 12 hours unused, unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({
      mail: { smtpUrl: undefined, from: 'Dateline <no-reply@localhost>' },
      trustedProxies: [],
      sessionDays: 14,
      sessionIdleHours: 12,
    });
    const config = readConfig({
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'The Paper <newsroom@paper.example>',
      TRUSTED_PROXIES: ' 10.0.0.1, 10.1.0.0/16,::1 ',
      SESSION_DAYS: '7',
      SESSION_IDLE_HOURS: '2',
    });
    expect(config.mail.smtpUrl).toBe('smtps://user:secret@mail.example:465');
    expect(config.trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(config.sessionDays).toBe(7);
    expect(config.sessionIdleHours).toBe(2);
    expect(() => readConfig({ SESSION_IDLE_HOURS: '0' })).toThrow(/SESSION_IDLE_HOURS/);
  });

  it('keeps the audit trail for a year and the unused wire for 30 days unless told otherwise, each at least a day', () => {
    expect(readConfig({}).auditRetentionDays).toBe(365);
    expect(readConfig({ AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(readConfig({}).wireRetentionDays).toBe(30);
    expect(readConfig({ WIRE_RETENTION_DAYS: '7' }).wireRetentionDays).toBe(7);
    expect(() => readConfig({ WIRE_RETENTION_DAYS: '0' })).toThrow(/WIRE_RETENTION_DAYS/);
  });

  it('refuses a proxy list that is not addresses, and mail servers that are not SMTP', () => {
    expect(() => readConfig({ TRUSTED_PROXIES: '10.0.0.1,proxy.local' })).toThrow(
      /TRUSTED_PROXIES: must be IP addresses or CIDR ranges/,
    );
    expect(() => readConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => readConfig({ SMTP_URL: 'https://mail.example' })).toThrow(
      /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//,
    );
  });
  it('keeps media on the local disk, up to 40 MB and 100 megapixels, one encode and one photo job at a time, unless told otherwise', () => {
    expect(readConfig({}).media).toEqual({
      storage: { kind: 'local', dir: './data/media' },
      maxBytes: 41_943_040,
      maxPixels: 100_000_000,
      encodeConcurrency: 1,
      jobConcurrency: 1,
    });
    const config = readConfig({
      MEDIA_DIR: '/srv/media',
      MEDIA_MAX_BYTES: '1048576',
      MEDIA_MAX_PIXELS: '2000000',
      IMAGE_ENCODE_CONCURRENCY: '3',
      MEDIA_JOB_CONCURRENCY: '2',
    });
    expect(config.media).toEqual({
      storage: { kind: 'local', dir: '/srv/media' },
      maxBytes: 1_048_576,
      maxPixels: 2_000_000,
      encodeConcurrency: 3,
      jobConcurrency: 2,
    });
    expect(config.mediaDir).toBe('/srv/media');
  });

  it('reads an S3 bucket, with AWS defaults for what is not set', () => {
    const aws = readConfig({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'paper-media',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(aws.media.storage).toEqual({
      kind: 's3',
      bucket: 'paper-media',
      region: 'us-east-1',
      endpoint: undefined,
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      forcePathStyle: false,
      keyPrefix: undefined,
    });
    const minio = readConfig({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'paper-media',
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: '/daily/media/',
    });
    expect(minio.media.storage).toMatchObject({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      keyPrefix: 'daily/media',
    });
  });

  it('ignores S3 settings while media stays on the local disk', () => {
    const config = readConfig({ S3_BUCKET: 'unused', S3_FORCE_PATH_STYLE: '1' });
    expect(config.media.storage).toEqual({ kind: 'local', dir: './data/media' });
  });

  it('names each S3 setting a bucket cannot be reached without', () => {
    expect(() => readConfig({ MEDIA_STORAGE: 's3' })).toThrow(ConfigError);
    let error: unknown;
    try {
      readConfig({ MEDIA_STORAGE: 's3', S3_ACCESS_KEY_ID: '', PORT: 'x' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT: /),
      'S3_BUCKET: is required when MEDIA_STORAGE=s3',
      'S3_ACCESS_KEY_ID: is required when MEDIA_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: is required when MEDIA_STORAGE=s3',
    ]);
    expect(() =>
      readConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' }),
    ).toThrow(/^ {2}S3_SECRET_ACCESS_KEY: is required when MEDIA_STORAGE=s3$/m);
  });

  it.each([
    ['MEDIA_STORAGE', 'ftp', /^MEDIA_STORAGE: /m],
    ['MEDIA_MAX_BYTES', '0', /^MEDIA_MAX_BYTES: must be a positive whole number/m],
    ['MEDIA_MAX_BYTES', '40MB', /^MEDIA_MAX_BYTES: must be a positive whole number/m],
    ['MEDIA_MAX_PIXELS', '-5', /^MEDIA_MAX_PIXELS: must be a positive whole number/m],
    ['MEDIA_MAX_PIXELS', '1.5', /^MEDIA_MAX_PIXELS: must be a positive whole number/m],
    [
      'IMAGE_ENCODE_CONCURRENCY',
      '0',
      /^IMAGE_ENCODE_CONCURRENCY: must be a positive whole number/m,
    ],
    ['IMAGE_ENCODE_CONCURRENCY', 'all', /^IMAGE_ENCODE_CONCURRENCY: must be a positive whole/m],
    ['IMAGE_ENCODE_CONCURRENCY', '65', /^IMAGE_ENCODE_CONCURRENCY: must be at most 64/m],
    ['MEDIA_JOB_CONCURRENCY', '0', /^MEDIA_JOB_CONCURRENCY: must be a positive whole number/m],
    ['MEDIA_JOB_CONCURRENCY', '65', /^MEDIA_JOB_CONCURRENCY: must be at most 64/m],
    ['S3_ENDPOINT', 'minio:9000', /^S3_ENDPOINT: /m],
    ['S3_ENDPOINT', 'ftp://minio:9000', /^S3_ENDPOINT: must start with http:\/\/ or https:\/\//m],
    ['S3_FORCE_PATH_STYLE', 'yes please', /^S3_FORCE_PATH_STYLE: must be true or false/m],
    ['S3_PREFIX', 'media/../other-paper', /^S3_PREFIX: must be a folder/m],
    ['S3_PREFIX', 'media//photos', /^S3_PREFIX: must be a folder/m],
    ['S3_PREFIX', '.hidden', /^S3_PREFIX: must be a folder/m],
  ])('refuses %s=%j', (name, value, problem) => {
    const problems = (() => {
      try {
        readConfig({ [name]: value });
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
      return '';
    })();
    expect(problems).toMatch(problem);
  });
});
