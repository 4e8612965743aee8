import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

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

  it('logs mail, trusts no proxy and keeps sign-ins for 14 days unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({
      mail: { smtpUrl: undefined, from: 'Dateline <no-reply@localhost>' },
      trustedProxies: [],
      sessionDays: 14,
    });
    const config = readConfig({
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'The Paper <newsroom@paper.example>',
      TRUSTED_PROXIES: ' 10.0.0.1, 10.1.0.0/16,::1 ',
      SESSION_DAYS: '7',
    });
    expect(config.mail.smtpUrl).toBe('smtps://user:secret@mail.example:465');
    expect(config.trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(config.sessionDays).toBe(7);
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
});
