/**
 * `dateline import` tells a file's format from its content, and refuses XML that declares
 * entities of its own without reading what they point at or expanding them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-sandbox.js';

interface Report {
  imported: unknown[];
  queued: { id: number }[];
  skipped: { item: string; reason: string }[];
  failed: { item: number; error: string }[];
}

const fixture = (path: string) => join(import.meta.dirname, 'fixtures', 'imports', path);

describe('dateline import, told a file that is not ours', () => {
  let sandbox: CliSandbox;
  const write = (name: string, text: string) => {
    const path = join(sandbox.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const importing = async (...files: string[]) => {
    const run = await sandbox.run(['import', '--json', ...files]);
    return { ...run, report: JSON.parse(run.stdout) as Report };
  };

  beforeEach(() => {
    sandbox = cliSandbox();
  });
  afterEach(() => sandbox.remove());

  it('refuses an XXE file and reads nothing through its entity', async () => {
    const secret = write('secret.txt', 'CANARY-5f1c9e');
    const xxe = write(
      'xxe.xml',
      `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://${secret}">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&leak;</title></item></channel></rss>`,
    );
    const run = await importing(xxe);
    expect(run.code).toBe(1);
    expect(run.report.failed).toHaveLength(1);
    expect(run.report.failed[0]?.error).toMatch(/declares entities/);
    expect(run.stdout + run.stderr).not.toContain('CANARY');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a billion-laughs file without expanding it', async () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const bomb = write(
      'lol.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">\n${levels}]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>`,
    );
    const run = await importing(bomb);
    expect(run.code).toBe(1);
    expect(run.report.failed[0]?.error).toMatch(/declares entities/);
    expect(run.stdout.length).toBeLessThan(2000);
  });

  it('queues agency copy on the wire desk, once, and names what it cannot read', async () => {
    const agency = [
      fixture('feeds/rssparser-heise.atom'),
      fixture('newsml-nitf/iptc-LISTING_1_A_NewsML-G2_News_Item.xml'),
    ];
    const files = [
      ...agency,
      write('page.html', '<!DOCTYPE html><html><body>Hello</body></html>'),
      write('notes.txt', 'just some words'),
    ];
    const run = await importing(...files);
    expect(run.code).toBe(1);
    expect(run.report.imported).toEqual([]);
    expect(run.report.queued.length).toBeGreaterThan(1);
    expect(run.report.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(/is XML, but not a format Dateline reads/),
      expect.stringMatching(/neither JSON nor XML/),
    ]);
    const again = await importing(...agency);
    expect(again.code).toBe(0);
    expect(again.report.queued).toEqual([]);
    expect(again.report.skipped).toHaveLength(run.report.queued.length);
    expect(again.report.skipped[0]?.reason).toMatch(/already in the wire queue/);
  });
});
