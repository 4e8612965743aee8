import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import type { MediaStorage } from '../../services/media/media-ports.js';
import { assertMediaKey, assertMediaKeyPrefix } from './media-key.js';

export interface S3MediaStorageOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** e.g. `http://127.0.0.1:9000` for MinIO; AWS's regional endpoint when unset. */
  endpoint?: string | undefined;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted S3). */
  forcePathStyle?: boolean | undefined;
  /** A folder inside the bucket that holds this paper's media, so papers can share a bucket. */
  keyPrefix?: string | undefined;
  /** Gives up on a call (retries included) after this long; default 30 s. */
  timeoutMs?: number | undefined;
  /** Keys per ListObjectsV2 page; S3's own maximum, 1000, by default. */
  listPageSize?: number | undefined;
  /** Keys per DeleteObjects call; S3's own maximum, 1000, by default. */
  removeBatchSize?: number | undefined;
}

const S3_MAX_KEYS = 1000;

/** Media in a bucket of any S3-compatible service: AWS S3, MinIO, Cloudflare R2, ... */
export class S3MediaStorage implements MediaStorage {
  private readonly client: AwsClient;
  private readonly bucketUrl: string;
  private readonly keyPrefix: string;
  private readonly timeoutMs: number;
  private readonly listPageSize: number;
  private readonly removeBatchSize: number;

  constructor(private readonly options: S3MediaStorageOptions) {
    // Retries cover S3's 500/503 "slow down" answers; the timeout bounds them all together.
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: 's3',
      region: options.region,
      retries: 3,
    });
    this.bucketUrl = bucketUrlOf(options);
    const folder = (options.keyPrefix ?? '').replace(/^\/+|\/+$/g, '');
    if (folder) assertMediaKey(folder);
    this.keyPrefix = folder ? `${folder}/` : '';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.listPageSize = Math.min(options.listPageSize ?? S3_MAX_KEYS, S3_MAX_KEYS);
    this.removeBatchSize = Math.min(options.removeBatchSize ?? S3_MAX_KEYS, S3_MAX_KEYS);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.call('PUT', key, this.objectUrl(key), {
      // fetch sends any Uint8Array; the DOM types only admit views of a plain ArrayBuffer.
      body: bytes as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': contentType },
    });
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const { status, body } = await this.call('GET', key, this.objectUrl(key), {}, true);
    return status === 404 ? undefined : body;
  }

  async has(key: string): Promise<boolean> {
    const { status } = await this.call('HEAD', key, this.objectUrl(key), {}, true);
    return status !== 404;
  }

  async remove(keys: string[]): Promise<void> {
    keys.forEach(assertMediaKey);
    const unique = [...new Set(keys)];
    for (let start = 0; start < unique.length; start += this.removeBatchSize)
      await this.removeBatch(unique.slice(start, start + this.removeBatchSize));
  }

  async list(prefix: string): Promise<string[]> {
    assertMediaKeyPrefix(prefix);
    const keys: string[] = [];
    let continuationToken: string | undefined;
    do {
      const query = new URLSearchParams({
        'list-type': '2',
        prefix: this.keyPrefix + prefix,
        'max-keys': String(this.listPageSize),
      });
      if (continuationToken) query.set('continuation-token', continuationToken);
      const { body } = await this.call('GET', `${prefix}*`, `${this.bucketUrl}?${query}`);
      const page = new TextDecoder().decode(body);
      for (const key of xmlValues(page, 'Key'))
        if (key.startsWith(this.keyPrefix)) keys.push(key.slice(this.keyPrefix.length));
      continuationToken =
        xmlValues(page, 'IsTruncated')[0] === 'true'
          ? xmlValues(page, 'NextContinuationToken')[0]
          : undefined;
    } while (continuationToken);
    return keys;
  }

  private objectUrl(key: string): string {
    assertMediaKey(key);
    const path = (this.keyPrefix + key).split('/').map(encodeURIComponent).join('/');
    return `${this.bucketUrl}/${path}`;
  }

  private async removeBatch(keys: string[]): Promise<void> {
    const objects = keys
      .map((key) => `<Object><Key>${escapeXml(this.keyPrefix + key)}</Key></Object>`)
      .join('');
    const body = `<Delete><Quiet>true</Quiet>${objects}</Delete>`;
    const { body: answer } = await this.call(
      'POST',
      keys.length === 1 ? keys[0]! : `${keys[0]} and ${keys.length - 1} more`,
      `${this.bucketUrl}?delete`,
      {
        body,
        headers: {
          'content-type': 'application/xml',
          // DeleteObjects is refused without a checksum of its body.
          'content-md5': createHash('md5').update(body).digest('base64'),
        },
      },
    );
    // Quiet mode answers 200 and lists only the keys it could not delete.
    const failure = /<Error>([\s\S]*?)<\/Error>/.exec(new TextDecoder().decode(answer))?.[1];
    if (failure !== undefined) {
      const key = xmlValues(failure, 'Key')[0] ?? '?';
      const code = xmlValues(failure, 'Code')[0] ?? 'unknown error';
      throw new Error(`S3 could not delete s3://${this.options.bucket}/${key}: ${code}`);
    }
  }

  /**
   * One signed request, its answer read in full within the timeout. Any status but 2xx throws
   * an error naming the bucket and key, except a missing object's 404 when that is allowed
   * (a missing bucket's 404 always throws, so a wrong S3_BUCKET never looks like no file).
   */
  private async call(
    method: string,
    key: string,
    url: string,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
    allowMissing = false,
  ): Promise<{ status: number; body: Uint8Array }> {
    const where = `s3://${this.options.bucket}/${this.keyPrefix}${key}`;
    const signal = AbortSignal.timeout(this.timeoutMs);
    let status: number;
    let body: Uint8Array;
    try {
      const response = await this.client.fetch(url, { method, ...init, signal });
      status = response.status;
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (signal.aborted)
        throw new Error(`S3 ${method} ${where} timed out after ${this.timeoutMs} ms`);
      throw new Error(`S3 ${method} ${where} failed: ${describeFailure(error)}`, { cause: error });
    }
    if (status >= 200 && status < 300) return { status, body };
    const answer = new TextDecoder().decode(body);
    const code = xmlValues(answer, 'Code')[0] ?? `HTTP ${status}`;
    if (allowMissing && status === 404 && code !== 'NoSuchBucket') return { status, body };
    const message = xmlValues(answer, 'Message')[0];
    throw new Error(
      `S3 ${method} ${where} failed: ${status} ${code}${message ? ` (${message})` : ''}`,
    );
  }
}

/** `https://s3.<region>.amazonaws.com/<bucket>` or `https://<bucket>.<host>` and the like. */
function bucketUrlOf(options: S3MediaStorageOptions): string {
  const endpoint = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const bucket = encodeURIComponent(options.bucket);
  if (options.forcePathStyle) return `${endpoint.origin}${basePath}/${bucket}`;
  return `${endpoint.protocol}//${bucket}.${endpoint.host}${basePath}`;
}

/** Why fetch failed, naming the network error (ECONNREFUSED, ENOTFOUND) when there is one. */
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

/**
 * The text of every `<tag>` element. S3's answers are flat, machine-written XML whose text
 * elements hold no markup, so a pattern reads them reliably without an XML library.
 */
function xmlValues(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => unescapeXml(match[1] ?? ''));
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? entity;
  });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
