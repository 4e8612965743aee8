import { describe, expect, it } from 'vitest';
import { chooseEncoding, keyCheckedAddress, pageAddress } from './cached-answer.js';
import { createPageCache, type CachedPage } from './page-cache.js';

const page = (keys: string[], bytes = 100, expiresAt = Number.POSITIVE_INFINITY): CachedPage => ({
  headers: {},
  identity: Buffer.alloc(bytes),
  gzip: Buffer.alloc(10),
  br: Buffer.alloc(8),
  etag: 'W/"x"',
  route: '/:section',
  lastModified: 'Wed, 24 Apr 2024 08:00:00 GMT',
  keys,
  expiresAt,
});

describe('the page cache', () => {
  it('drops exactly the pages tagged with an announced key', () => {
    const cache = createPageCache(10_000);
    cache.store('a /oman', page(['site', 'section-list-1', 'article-1']));
    cache.store('a /sport', page(['site', 'section-list-2', 'article-2']));
    cache.drop(['article-1']);
    expect(cache.lookup('a /oman', 0)).toBeUndefined();
    expect(cache.lookup('a /sport', 0)).toBeDefined();
    cache.drop(['site']);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, hits: 1, misses: 1 });
  });

  it('pushes out the least recently used page to stay under its bound', () => {
    const cache = createPageCache(300);
    cache.store('a /1', page(['site']));
    cache.store('a /2', page(['site']));
    cache.lookup('a /1', 0);
    cache.store('a /3', page(['site']));
    expect(cache.lookup('a /2', 0)).toBeUndefined();
    expect(cache.lookup('a /1', 0)).toBeDefined();
    expect(cache.stats().evictions).toBe(1);
    expect(cache.stats().bytes).toBeLessThanOrEqual(300);
  });

  it('forgets a page once it has expired, and never keeps one bigger than its bound', () => {
    const cache = createPageCache(300);
    cache.store('a /old', page(['site'], 100, 1_000));
    expect(cache.lookup('a /old', 999)).toBeDefined();
    expect(cache.lookup('a /old', 1_000)).toBeUndefined();
    cache.store('a /huge', page(['site'], 1_000));
    expect(cache.stats().entries).toBe(0);
  });

  it('turns off at zero bytes', () => {
    expect(createPageCache(0).enabled).toBe(false);
  });
});

describe('addresses and encodings', () => {
  it('keys by host, path and the query in name order, never the newsroom or APIs', () => {
    expect(pageAddress('Paper.example', '/oman?utm=x&page=2')).toBe(
      'paper.example /oman?page=2&utm=x',
    );
    expect(pageAddress('paper.example', '/oman?page=2&utm=x')).toBe(
      'paper.example /oman?page=2&utm=x',
    );
    expect(pageAddress(undefined, '/')).toBeUndefined();
    for (const path of ['/api/content/articles', '/admin', '/admin/x', '/media/1.jpg'])
      expect(pageAddress('paper.example', path)).toBeUndefined();
  });

  it('keeps Content API reads under addresses no page lookup can reach', () => {
    const read = keyCheckedAddress('paper.example', '/api/content/articles?limit=2&fields=id');
    expect(read).toBe('key-checked paper.example /api/content/articles?fields=id&limit=2');
    for (const path of ['/', '/api/admin/articles', '/api/contentx', '/oman'])
      expect(keyCheckedAddress('paper.example', path)).toBeUndefined();
    expect(keyCheckedAddress(undefined, '/api/content/articles')).toBeUndefined();
  });

  it('prefers brotli, then gzip, and honours q=0', () => {
    const kept = page(['site']);
    expect(chooseEncoding('gzip, deflate, br', kept)).toBe('br');
    expect(chooseEncoding('gzip, br;q=0', kept)).toBe('gzip');
    expect(chooseEncoding('identity', kept)).toBe('identity');
    expect(chooseEncoding(undefined, kept)).toBe('identity');
    expect(chooseEncoding('br', { ...kept, br: undefined, gzip: undefined })).toBe('identity');
  });
});
