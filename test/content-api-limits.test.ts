/**
 * Each Content API key has its own allowance of requests a minute (CONTENT_API_RATE_PER_MINUTE,
 * three here): past it, 429 with Retry-After, while other keys carry on. SQLite only: the
 * limit is kept in memory, not in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentClient, contentKeyOf } from './content-api-world.js';
import { newsroomClient } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('the Content API’s rate limit', () => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  const get = contentClient(() => t);

  beforeAll(async () => {
    t = await startTestApp({ CONTENT_API_RATE_PER_MINUTE: '3' });
    await client.addUser('chief@paper.example', 'editor_in_chief');
  });

  afterAll(() => t?.close());

  it('allows each key its requests a minute, then answers 429 with Retry-After', async () => {
    const chief = await client.signIn('chief@paper.example');
    const busy = (await contentKeyOf(client, chief, 'Busy app')).secret;
    const quiet = (await contentKeyOf(client, chief, 'Quiet app')).secret;

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await get('/api/content/sections', busy));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expect(answers[0]?.headers['ratelimit-limit']).toBe('3');

    const refused = await get('/api/content/sections', busy);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.json<{ error: string }>().error).toMatch(/3 requests a minute/);

    // The same key by its other header is the same allowance; another key has its own.
    expect((await get('/api/content/sections', busy, { header: 'x-api-key' })).statusCode).toBe(
      429,
    );
    expect((await get('/api/content/sections', quiet)).statusCode).toBe(200);
  });
});
