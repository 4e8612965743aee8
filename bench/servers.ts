/**
 * Starts the two servers the bench compares: Dateline itself, and the ceiling serving a copy of
 * the article page Dateline just rendered.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startChild, waitUntilServing, type RunningChild } from './child-process.js';
import type { BenchData } from './prepare-data.js';

export interface ArticleSnapshot {
  body: Buffer;
  contentType: string;
}

/** Starts `dateline serve` on a free port and waits until the home page answers 200. */
export async function startDateline(
  root: string,
  data: BenchData,
  track: (child: RunningChild) => void,
): Promise<string> {
  const port = await freePort();
  const child = startChild(
    'dateline serve',
    process.execPath,
    ['bin/dateline.js', 'serve', '--port', String(port)],
    {
      cwd: root,
      env: data.env,
    },
  );
  track(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, `${origin}/`);
  return origin;
}

/**
 * Fetches the article once, uncompressed, as autocannon will receive it (autocannon sends no
 * Accept-Encoding), so the ceiling serves exactly the same payload.
 */
export async function snapshotArticle(url: string): Promise<ArticleSnapshot> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new Error(
      `GET ${url} answered ${response.status}, not 200:\n${body.toString().slice(0, 500)}`,
    );
  }
  const contentType = response.headers.get('content-type') ?? 'text/html; charset=utf-8';
  return { body, contentType };
}

/** Starts the ceiling in its own process and checks it serves the snapshot's bytes. */
export async function startCeiling(
  root: string,
  data: BenchData,
  snapshot: ArticleSnapshot,
  track: (child: RunningChild) => void,
): Promise<string> {
  const bodyFile = join(data.dir, 'article.html');
  await writeFile(bodyFile, snapshot.body);
  const port = await freePort();
  const script = join(root, 'dist', 'bench', 'ceiling-server.js');
  const child = startChild(
    'ceiling',
    process.execPath,
    [script, bodyFile, snapshot.contentType, String(port)],
    {
      cwd: root,
      env: process.env,
    },
  );
  track(child);
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilServing(child, url);
  const served = Buffer.from(await (await fetch(url)).arrayBuffer());
  if (!served.equals(snapshot.body))
    throw new Error('the ceiling does not serve the article bytes');
  return url;
}
