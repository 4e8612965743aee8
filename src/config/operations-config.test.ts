import { describe, expect, it } from 'vitest';
import { readConfig, type ConfigError } from './config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('operations settings', () => {
  it('logs text on a laptop and JSON in production, unless LOG_FORMAT says', () => {
    expect(readConfig({}).logFormat).toBe('text');
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://news.example' };
    expect(readConfig(production).logFormat).toBe('json');
    expect(readConfig({ ...production, LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(readConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });

  it('stops within 10 s by default, and has no /metrics until told', () => {
    const config = readConfig({});
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
    expect(
      readConfig({
        METRICS_PORT: '9464',
        METRICS_TOKEN: 'a-long-enough-token',
        SHUTDOWN_TIMEOUT_SECONDS: '25',
      }),
    ).toMatchObject({
      shutdownTimeoutMs: 25_000,
      metrics: { port: 9464, token: 'a-long-enough-token' },
    });
  });

  it('refuses a guessable metrics token, a bad format and a zero timeout, naming each', () => {
    expect(
      problemsOf({ METRICS_TOKEN: 'short', LOG_FORMAT: 'xml', SHUTDOWN_TIMEOUT_SECONDS: '0' }),
    ).toEqual([
      'LOG_FORMAT: must be json or text',
      'SHUTDOWN_TIMEOUT_SECONDS: Number must be greater than or equal to 1',
      'METRICS_TOKEN: must be 16 to 256 printable characters without spaces',
    ]);
  });
});
