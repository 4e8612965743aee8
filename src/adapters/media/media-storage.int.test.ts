import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReplayServer } from '../../../test/replay-server.js';
import { startS3Server } from '../../../test/s3-server.js';
import type { S3TestServer } from '../../../test/s3-server.js';
import type { MediaStorage } from '../../services/media/media-ports.js';
import { createMediaStorage } from './create-media-storage.js';
import { LocalMediaStorage } from './local-media-storage.js';
import type { S3MediaStorageOptions } from './s3-media-storage.js';

let s3: S3TestServer;
const temporaryFolders: string[] = [];

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.stop();
  await Promise.all(temporaryFolders.map((dir) => rm(dir, { recursive: true, force: true })));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function temporaryFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-media-'));
  temporaryFolders.push(dir);
  return dir;
}

/** Options for a store in the test bucket; each store gets a folder of its own by default. */
const s3Options = (options: Partial<S3MediaStorageOptions> = {}): S3MediaStorageOptions => ({
  endpoint: s3.endpoint,
  region: 'us-east-1',
  bucket: s3.bucket,
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  forcePathStyle: true,
  keyPrefix: `suite-${randomBytes(4).toString('hex')}`,
  ...options,
});

interface Tuning {
  listPageSize?: number;
  removeBatchSize?: number;
}

const stores: { name: string; open: (tuning?: Tuning) => Promise<MediaStorage> }[] = [
  {
    name: 'local disk',
    open: async () => createMediaStorage({ kind: 'local', dir: await temporaryFolder() }),
  },
  {
    name: 'S3',
    open: (tuning) => Promise.resolve(createMediaStorage({ kind: 's3', ...s3Options(tuning) })),
  },
];

const hash = 'c0ffee00c0ffee00c0ffee00c0ffee00';
/** Every byte value, twice, so text decoding or newline handling anywhere would show. */
const everyByte = new Uint8Array(512).map((_, i) => i % 256);

/** How many requests of the given S3 call the store made, counted at global fetch. */
function countRequests(matching: (request: Request) => boolean) {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  return () =>
    fetchSpy.mock.calls.filter(([input]) => input instanceof Request && matching(input)).length;
}

describe.each(stores)('media storage on $name', ({ name, open }) => {
  it('gives back exactly the bytes it was given', async () => {
    const media = await open();
    await media.put(`originals/${hash}.jpg`, everyByte, 'image/jpeg');
    expect(await media.get(`originals/${hash}.jpg`)).toEqual(everyByte);
    expect(await media.has(`originals/${hash}.jpg`)).toBe(true);
  });

  it('replaces the file at a key, keeping one', async () => {
    const media = await open();
    const key = `ab/${hash}/16x9-50x40-800.avif`;
    await media.put(key, new Uint8Array([1, 2, 3]), 'image/avif');
    await media.put(key, new Uint8Array([9, 8]), 'image/avif');
    expect(await media.get(key)).toEqual(new Uint8Array([9, 8]));
    expect(await media.list('ab/')).toEqual([key]);
  });

  it('answers undefined and false for a key it does not have, even a folder of others', async () => {
    const media = await open();
    await media.put(`ab/${hash}/1x1-50x50-320.jpg`, everyByte, 'image/jpeg');
    expect(await media.get(`ab/${hash}/missing.jpg`)).toBeUndefined();
    expect(await media.has(`ab/${hash}/missing.jpg`)).toBe(false);
    expect(await media.get(`ab/${hash}`)).toBeUndefined();
    expect(await media.has(`ab/${hash}`)).toBe(false);
  });

  it('removes several files at once and ignores keys it never had', async () => {
    const media = await open();
    const keys = ['ab/one.jpg', 'ab/two.jpg', 'cd/three.jpg'];
    for (const key of keys) await media.put(key, everyByte, 'image/jpeg');
    await media.put('ab/kept.jpg', everyByte, 'image/jpeg');

    await media.remove([...keys, 'ab/never-there.jpg', 'zz/nor-this.jpg', 'ab/one.jpg']);

    for (const key of keys) expect(await media.has(key)).toBe(false);
    expect(await media.list('')).toEqual(['ab/kept.jpg']);
    await media.remove([]);
  });

  it('lists every key that starts with the prefix, and only those', async () => {
    const media = await open();
    const keys = [
      `ab/${hash}/16x9-50x40-800.avif`,
      `ab/${hash}/16x9-50x40-800.webp`,
      `ac/${hash}/1x1-50x50-320.jpg`,
      `originals/${hash}.jpg`,
    ];
    for (const key of keys) await media.put(key, new Uint8Array([1]), 'image/jpeg');

    expect((await media.list('')).sort()).toEqual(keys);
    expect((await media.list('ab/')).sort()).toEqual(keys.slice(0, 2));
    expect((await media.list(`ab/${hash}/16x9-50x40-800.a`)).sort()).toEqual(keys.slice(0, 1));
    expect((await media.list('a')).sort()).toEqual(keys.slice(0, 3));
    expect(await media.list('originals/')).toEqual([`originals/${hash}.jpg`]);
    expect(await media.list('zz/')).toEqual([]);
  });

  it('lists more keys than fit on one page of the listing', async () => {
    const media = await open({ listPageSize: 2 });
    const keys = ['ab/1.jpg', 'ab/2.jpg', 'ab/3.jpg', 'ab/4.jpg', 'ab/5.jpg'];
    for (const key of keys) await media.put(key, new Uint8Array([1]), 'image/jpeg');

    const listRequests = countRequests((request) => request.url.includes('list-type=2'));
    expect((await media.list('ab/')).sort()).toEqual(keys);
    if (name === 'S3') expect(listRequests()).toBe(3);
  });

  it('removes more keys than one delete request may carry, in batches', async () => {
    const media = await open({ removeBatchSize: 2 });
    const keys = ['ab/1.jpg', 'ab/2.jpg', 'ab/3.jpg', 'ab/4.jpg', 'ab/5.jpg'];
    for (const key of keys) await media.put(key, new Uint8Array([1]), 'image/jpeg');

    const deleteRequests = countRequests((request) => request.url.endsWith('?delete'));
    await media.remove(keys);
    expect(await media.list('')).toEqual([]);
    if (name === 'S3') expect(deleteRequests()).toBe(3);
  });

  it.each([
    '../escaped.jpg',
    'ab/../../escaped.jpg',
    '/etc/passwd',
    'C:/Windows/escaped.jpg',
    'ab\\escaped.jpg',
    'ab/escaped\0.jpg',
    'ab//escaped.jpg',
    'ab/.hidden.jpg',
    '',
  ])('refuses the key %j for every operation', async (key) => {
    const media = await open();
    await expect(media.put(key, everyByte, 'image/jpeg')).rejects.toThrow(/Refused media key/);
    await expect(media.get(key)).rejects.toThrow(/Refused media key/);
    await expect(media.has(key)).rejects.toThrow(/Refused media key/);
    await expect(media.remove(['ab/fine.jpg', key])).rejects.toThrow(/Refused media key/);
  });

  it('refuses a list prefix that climbs out of the store', async () => {
    const media = await open();
    await expect(media.list('../')).rejects.toThrow(/Refused media key prefix/);
    await expect(media.list('/')).rejects.toThrow(/Refused media key prefix/);
  });
});

describe('media storage on local disk', () => {
  /** Every file under the folder, temp files included, relative and '/'-separated. */
  const filesUnder = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));

  it('writes nothing outside its folder whatever the key', async () => {
    const parent = await temporaryFolder();
    const media = new LocalMediaStorage(join(parent, 'media'));
    await expect(media.put('../escaped.jpg', everyByte, 'image/jpeg')).rejects.toThrow();
    await expect(media.put('ab/../../escaped.jpg', everyByte, 'image/jpeg')).rejects.toThrow();
    expect(await filesUnder(parent)).toEqual([]);
    expect(media.localRoot).toBe(join(parent, 'media'));
  });

  it('leaves no temp file behind, after a write or a failed one', async () => {
    const root = await temporaryFolder();
    const media = new LocalMediaStorage(root);
    await media.put(`ab/${hash}/16x9-50x40-800.avif`, everyByte, 'image/avif');
    await media.put(`ab/${hash}/16x9-50x40-800.avif`, everyByte, 'image/avif');
    // A folder stands where the file should go, so the final rename fails.
    await mkdir(join(root, 'ab', 'taken', 'inside'), { recursive: true });
    await expect(media.put('ab/taken', everyByte, 'image/jpeg')).rejects.toThrow();

    expect(await filesUnder(root)).toEqual([join('ab', hash, '16x9-50x40-800.avif')]);
  });

  it('never lets a reader see half of a file being replaced', async () => {
    const media = new LocalMediaStorage(await temporaryFolder());
    const key = `originals/${hash}.jpg`;
    const before = new Uint8Array(8 * 1024 * 1024).fill(1);
    const after = new Uint8Array(8 * 1024 * 1024).fill(2);
    await media.put(key, before, 'image/jpeg');

    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      for (let reads = 0; writing && reads < 500; reads++) {
        const bytes = await media.get(key);
        const whole = bytes?.length === before.length && bytes.every((b) => b === bytes[0]);
        seen.add(whole ? `whole ${bytes[0]}` : `torn ${bytes?.length ?? 0}`);
      }
    })();
    for (let i = 0; i < 5; i++) await media.put(key, i % 2 ? before : after, 'image/jpeg');
    writing = false;
    await reader;

    expect([...seen].filter((kind) => kind.startsWith('torn'))).toEqual([]);
  });

  it('removes the folders a removal leaves empty, and no others', async () => {
    const root = await temporaryFolder();
    const media = new LocalMediaStorage(root);
    await media.put(`ab/${hash}/1x1-50x50-320.jpg`, everyByte, 'image/jpeg');
    await media.put(`ab/other/1x1-50x50-320.jpg`, everyByte, 'image/jpeg');

    await media.remove([`ab/${hash}/1x1-50x50-320.jpg`]);
    expect(await readdir(join(root, 'ab'))).toEqual(['other']);
    await media.remove([`ab/other/1x1-50x50-320.jpg`]);
    expect(await readdir(root)).toEqual([]);
  });

  it('lists nothing, rather than failing, before the folder exists, and skips temp files', async () => {
    const root = await temporaryFolder();
    expect(await new LocalMediaStorage(join(root, 'not-yet')).list('')).toEqual([]);
    await mkdir(join(root, 'ab'));
    await writeFile(join(root, 'ab', '.1.jpg.0a1b2c.partial'), 'half');
    expect(await new LocalMediaStorage(root).list('')).toEqual([]);
  });
});

describe('media storage on S3', () => {
  it('keeps each key prefix to itself within a shared bucket', async () => {
    const paperA = createMediaStorage({ kind: 's3', ...s3Options({ keyPrefix: 'paper-a/' }) });
    const paperB = createMediaStorage({ kind: 's3', ...s3Options({ keyPrefix: 'paper-b' }) });
    const wholeBucket = createMediaStorage({ kind: 's3', ...s3Options({ keyPrefix: undefined }) });
    await paperA.put('ab/1.jpg', everyByte, 'image/jpeg');
    await paperB.put('ab/2.jpg', everyByte, 'image/jpeg');

    expect(await paperA.list('')).toEqual(['ab/1.jpg']);
    expect(await paperB.has('ab/1.jpg')).toBe(false);
    expect(await paperB.get('ab/1.jpg')).toBeUndefined();
    await paperB.remove(['ab/1.jpg']);
    expect(await paperA.has('ab/1.jpg')).toBe(true);
    expect(await wholeBucket.list('paper-')).toEqual(['paper-a/ab/1.jpg', 'paper-b/ab/2.jpg']);
    expect(await wholeBucket.get('paper-a/ab/1.jpg')).toEqual(everyByte);
  });

  it('stores the content type, so the bucket serves the file as what it is', async () => {
    const media = createMediaStorage({ kind: 's3', ...s3Options({ keyPrefix: 'typed' }) });
    await media.put('ab/1.avif', everyByte, 'image/avif');
    const client = new AwsClient({ ...s3, service: 's3', region: 'us-east-1' });
    const response = await client.fetch(`${s3.endpoint}/${s3.bucket}/typed/ab/1.avif`);
    expect(response.headers.get('content-type')).toBe('image/avif');
  });

  it('names the bucket, the key and the reason when the secret key is wrong', async () => {
    const good = createMediaStorage({ kind: 's3', ...s3Options({ keyPrefix: 'secret' }) });
    await good.put('ab/1.jpg', everyByte, 'image/jpeg');
    const media = createMediaStorage({
      kind: 's3',
      ...s3Options({ keyPrefix: 'secret', secretAccessKey: 'not-the-secret' }),
    });
    const expected = `S3 GET s3://${s3.bucket}/secret/ab/1.jpg failed: 403 SignatureDoesNotMatch`;
    await expect(media.get('ab/1.jpg')).rejects.toThrow(expected);
    await expect(media.put('ab/2.jpg', everyByte, 'image/jpeg')).rejects.toThrow(
      /S3 PUT s3:\/\/dateline-media\/secret\/ab\/2.jpg failed: 403 SignatureDoesNotMatch/,
    );
    await expect(media.list('')).rejects.toThrow(/SignatureDoesNotMatch/);
    await expect(media.remove(['ab/1.jpg'])).rejects.toThrow(/SignatureDoesNotMatch/);
    await expect(media.has('ab/1.jpg')).rejects.toThrow(/S3 HEAD .*secret\/ab\/1.jpg failed: 403/);
    expect(await good.has('ab/1.jpg')).toBe(true);
  });

  it('tells a bucket that does not exist from a file that does not', async () => {
    const media = createMediaStorage({ kind: 's3', ...s3Options({ bucket: 'no-such-bucket' }) });
    await expect(media.get('ab/1.jpg')).rejects.toThrow(
      /S3 GET s3:\/\/no-such-bucket\/.*ab\/1.jpg failed: 404 NoSuchBucket/,
    );
    await expect(media.put('ab/1.jpg', everyByte, 'image/jpeg')).rejects.toThrow(/NoSuchBucket/);
    await expect(media.list('')).rejects.toThrow(/NoSuchBucket/);
  });

  it('gives up on a server that never answers, saying so', async () => {
    const silent = await startReplayServer({ '/dateline-media/ab/1.jpg': { hang: true } });
    try {
      const media = createMediaStorage({
        kind: 's3',
        ...s3Options({ endpoint: silent.baseUrl, keyPrefix: undefined, timeoutMs: 200 }),
      });
      const started = Date.now();
      await expect(media.get('ab/1.jpg')).rejects.toThrow(
        'S3 GET s3://dateline-media/ab/1.jpg timed out after 200 ms',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it('says which server it could not reach', async () => {
    const gone = await startReplayServer();
    await gone.close();
    const media = createMediaStorage({ kind: 's3', ...s3Options({ endpoint: gone.baseUrl }) });
    await expect(media.has('ab/1.jpg')).rejects.toThrow(/S3 HEAD s3:\/\/.* failed: .*ECONNREFUSED/);
  });
});
