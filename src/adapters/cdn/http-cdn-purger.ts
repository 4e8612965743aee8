import type { CdnPurger } from '../../services/ports.js';

/** Cloudflare takes at most 30 tags a request; Fastly 256 keys. The smaller is used. */
const KEYS_PER_REQUEST = 30;

export interface HttpCdnPurgerOptions {
  /** Operator configuration (CDN_PURGE_URL), never user input: plain fetch is fine here. */
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token: string | undefined;
  timeoutMs: number;
}

/**
 * Purges by POSTing `{"surrogate_keys": [...]}` to the configured endpoint: the CDN's own
 * API or a small relay in front of it (docs/adr/0009-cdn-caching.md). Anything but a 2xx
 * answer rejects, so the job is retried.
 */
export class HttpCdnPurger implements CdnPurger {
  constructor(private readonly options: HttpCdnPurgerOptions) {}

  async purge(keys: string[]): Promise<void> {
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += KEYS_PER_REQUEST)
      await this.post(unique.slice(i, i + KEYS_PER_REQUEST));
  }

  private async post(keys: string[]) {
    const { url, token, timeoutMs } = this.options;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ surrogate_keys: keys }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    // Read the answer to the end, so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok)
      throw new Error(`the CDN purge endpoint answered ${response.status} ${response.statusText}`);
  }
}

/** With no CDN configured, there is nothing to purge. */
export const noCdnPurger: CdnPurger = { purge: () => Promise.resolve() };

/** The purger the configuration asks for. */
export const createCdnPurger = (config: {
  purgeUrl: string | undefined;
  purgeToken: string | undefined;
  purgeTimeoutMs: number;
}): CdnPurger =>
  config.purgeUrl
    ? new HttpCdnPurger({
        url: config.purgeUrl,
        token: config.purgeToken,
        timeoutMs: config.purgeTimeoutMs,
      })
    : noCdnPurger;
