/**
 * Starts the two servers the bench compares: Dateline itself, and the ceiling serving a copy of
 * the pages Dateline just rendered.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startChild, waitUntilServing, type RunningChild } from './child-process.js';
import type { BenchData } from './prepare-data.js';

export interface PageSnapshot {
  /** Path and query, as the ceiling looks it up. */
  path: string;
  body: Buffer;
  contentType: string;
}

/**
 * Starts `dateline serve` on a free port and waits until the home page answers 200. The program
 * runs as an operator runs it (`bin/dateline.js` itself, not under a Node the bench chose), so
 * the settings its first line makes for a server are the ones measured (ADR 0064).
 */
export async function startDateline(
  root: string,
  data: Pick<BenchData, 'env'>,
  track: (child: RunningChild) => void,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<string> {
  const port = await freePort();
  const child = startChild(
    'dateline serve',
    join(root, 'bin', 'dateline.js'),
    ['serve', '--port', String(port)],
    {
      cwd: root,
      env: { ...data.env, ...extraEnv },
    },
  );
  track(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, `${origin}/`);
  return origin;
}

/**
 * Fetches a page once, uncompressed, as autocannon will receive it (autocannon sends no
 * Accept-Encoding), so the ceiling serves exactly the same payload.
 */
export async function snapshotPage(origin: string, path: string): Promise<PageSnapshot> {
  const url = `${origin}${path}`;
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new Error(
      `GET ${url} answered ${response.status}, not 200:\n${body.toString().slice(0, 500)}`,
    );
  }
  const contentType = response.headers.get('content-type') ?? 'text/html; charset=utf-8';
  return { path, body, contentType };
}

/**
 * Starts the ceiling in its own process, serving each snapshot at its path, and checks it serves
 * their bytes. Returns its origin.
 */
export async function startCeiling(
  root: string,
  dir: string,
  snapshots: PageSnapshot[],
  track: (child: RunningChild) => void,
): Promise<string> {
  const manifest: Record<string, { file: string; contentType: string }> = {};
  for (const [index, snapshot] of snapshots.entries()) {
    const file = join(dir, `ceiling-${index}.body`);
    await writeFile(file, snapshot.body);
    manifest[snapshot.path] = { file, contentType: snapshot.contentType };
  }
  const manifestFile = join(dir, 'ceiling.json');
  await writeFile(manifestFile, JSON.stringify(manifest));
  const port = await freePort();
  const script = join(root, 'dist', 'bench', 'ceiling-server.js');
  const child = startChild('ceiling', process.execPath, [script, manifestFile, String(port)], {
    cwd: root,
    env: process.env,
  });
  track(child);
  const origin = `http://127.0.0.1:${port}`;
  const first = snapshots[0];
  await waitUntilServing(child, `${origin}${first?.path ?? '/'}`);
  for (const snapshot of snapshots) {
    const served = Buffer.from(await (await fetch(`${origin}${snapshot.path}`)).arrayBuffer());
    if (!served.equals(snapshot.body)) {
      throw new Error(`the ceiling does not serve the bytes of ${snapshot.path}`);
    }
  }
  return origin;
}
