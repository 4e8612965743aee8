/**
 * The upload spool on a real folder: an upload is written whole and discarded after; one cut
 * short by the limit leaves nothing; files left by processes that died are swept on the first
 * upload, while those of running processes (this one, another) stay.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUploadSpool } from './upload-spool.js';

const bytes = (text: string) => Readable.from([Buffer.from(text)]);
const leftName = (pid: number) => `${pid}-0f8fad5b-d9cb-469f-a165-70867728950e.upload`;

/** The pid of a process that has exited: a child run to its end. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('the upload spool', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-spool-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes an upload whole, names it for this process, and discards it', async () => {
    const spool = createUploadSpool(folder);
    const { path, bytes: size } = await spool.receive(bytes('<rss/>'), 100);
    expect(size).toBe(6);
    expect(readFileSync(path, 'utf8')).toBe('<rss/>');
    expect(path.startsWith(join(folder, `${process.pid}-`))).toBe(true);
    await spool.discard(path);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses an upload past the limit and keeps nothing of it', async () => {
    const spool = createUploadSpool(folder);
    await expect(spool.receive(bytes('x'.repeat(101)), 100)).rejects.toMatchObject({
      kind: 'too_large',
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it("sweeps a dead process's files on the first upload, never a running one's", async () => {
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const dead = leftName(await deadPid());
      const alive = leftName(running.pid!);
      const ours = leftName(process.pid);
      for (const name of [dead, alive, ours, 'notes.txt']) writeFileSync(join(folder, name), '');
      const spool = createUploadSpool(folder);
      const { path } = await spool.receive(bytes('<rss/>'), 100);
      expect(readdirSync(folder).sort()).toEqual(
        [alive, ours, 'notes.txt', path.slice(folder.length + 1)].sort(),
      );
    } finally {
      running.kill();
    }
  });
});
