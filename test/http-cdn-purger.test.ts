/** The HTTP purger speaks the generic purge body, in batches a CDN accepts, and says no loudly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCdnPurger } from '../src/adapters/cdn/http-cdn-purger.js';
import { startPurgeReceiver, type PurgeReceiver } from './purge-receiver.js';

describe('the HTTP CDN purger', () => {
  let receiver: PurgeReceiver;
  beforeAll(async () => {
    receiver = await startPurgeReceiver();
  });
  afterAll(() => receiver?.close());

  it('sends each key once, at most 30 to a request, without a token when none is set', async () => {
    const purger = new HttpCdnPurger({ url: receiver.url, token: undefined, timeoutMs: 5000 });
    const keys = Array.from({ length: 31 }, (_, i) => `article-${i + 1}`);
    await purger.purge([...keys, 'article-1']);
    expect(receiver.purged()).toEqual([keys.slice(0, 30), keys.slice(30)]);
    expect(receiver.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('rejects when the CDN answers with an error, naming the status', async () => {
    const purger = new HttpCdnPurger({ url: receiver.url, token: 't', timeoutMs: 5000 });
    receiver.failNext(1);
    await expect(purger.purge(['lists'])).rejects.toThrow(/answered 503/);
  });

  it('rejects when nobody answers at the address', async () => {
    const closed = await startPurgeReceiver();
    await closed.close();
    const purger = new HttpCdnPurger({ url: closed.url, token: undefined, timeoutMs: 5000 });
    await expect(purger.purge(['lists'])).rejects.toThrow();
  });
});
