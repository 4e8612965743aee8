import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-sandbox.js';
import { referencePath } from './reference-data.js';

describe('the dateline command', () => {
  let sandbox: CliSandbox;
  let dir: string;
  const dateline = (...args: string[]) => sandbox.run(args);

  const writeJson = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };

  const mediaFiles = () =>
    existsSync(join(dir, 'media'))
      ? readdirSync(join(dir, 'media'), { recursive: true }).length
      : 0;

  beforeEach(() => {
    sandbox = cliSandbox();
    dir = sandbox.dir;
  });

  afterEach(() => sandbox.remove());

  it('imports the reference article as it is and reports it as JSON', async () => {
    const run = await dateline('import', '--json', referencePath('seed', 'article.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      imported: [{ id: 1, url: '/world/turkiye-russia-iran-syria-hold-constructive-talks' }],
      queued: [],
      updated: [],
      skipped: [],
      failed: [],
      missing: [],
    });
    // The original is kept at once; its variants wait for the job worker (or `jobs run`), as
    // does the story's publication: its event's fan-out, then the webhooks' and CDN's listeners.
    const stored = mediaFiles();
    expect(stored).toBeGreaterThan(0);
    const jobs = await dateline('jobs', 'run', '--json');
    expect(jobs.code, jobs.stderr).toBe(0);
    expect(JSON.parse(jobs.stdout)).toEqual({ ran: 4 });
    expect(mediaFiles()).toBeGreaterThan(stored + 40);
  });

  it('applies the reference publication settings', async () => {
    const run = await dateline('settings', 'apply', referencePath('seed', 'publication.json'));
    expect(run.code, run.stderr).toBe(0);
    const shown = await dateline('settings', 'show');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      editorInChief: 'Abdullah bin Salim Al Shueili',
      hijri: { adjustDays: -1 },
    });
  });

  it('refuses malformed settings naming the field, and stores nothing', async () => {
    const bad = writeJson('bad.json', {
      name: 'Paper',
      timezone: 'Mars/Olympus',
      hijri: { adjustDays: 3 },
    });
    const run = await dateline('settings', 'apply', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/timezone: must be an IANA time zone/);
    expect(JSON.parse((await dateline('settings', 'show')).stdout)).toMatchObject({
      name: 'Dateline',
    });
  });

  it('refuses an article without a headline, names the field, exits 1 and writes nothing', async () => {
    copyFileSync(referencePath('seed', 'lead.jpg'), join(dir, 'lead.jpg'));
    const file = writeJson('bad.json', {
      section: 'World',
      body: ['Text.'],
      leadImage: { file: 'lead.jpg', caption: 'c', credit: 'r', alt: 'a' },
    });
    const run = await dateline('import', '--json', file);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { imported: unknown[]; failed: { error: string }[] };
    expect(report).toMatchObject({ imported: [], failed: [{ item: 0, field: 'headline' }] });
    expect(report.failed[0]?.error).toMatch(/^headline: /);
    expect(mediaFiles()).toBe(0);
  });

  it('imports the good items of an array and reports the bad one, leaving none of it behind', async () => {
    copyFileSync(referencePath('seed', 'lead.jpg'), join(dir, 'lead.jpg'));
    const file = writeJson('mixed.json', [
      {
        headline: 'Markdown story',
        section: 'Business',
        body: '## Markets\n\nShares **rose**.\n\n<script>alert(1)</script>',
      },
      {
        headline: 'No alt text',
        section: 'World',
        body: ['Text.'],
        leadImage: { file: 'lead.jpg', caption: 'c', credit: 'r', alt: '' },
      },
      {
        headline: 'Missing photo',
        section: 'World',
        body: ['Text.'],
        leadImage: { file: 'nope.jpg', alt: 'x' },
      },
      {
        headline: 'HTML story',
        section: 'World',
        bodyFormat: 'html',
        body: '<p>One<img src=x onerror=alert(1)></p>',
      },
      {
        headline: 'Photo stored, then the slug clashes',
        slug: 'markdown-story',
        section: 'World',
        body: ['Text.'],
        leadImage: { file: 'lead.jpg', alt: 'x' },
      },
    ]);
    const run = await dateline('import', '--json', file);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      imported: { url: string }[];
      failed: { item: number; field?: string }[];
    };
    expect(report.imported.map((i) => i.url)).toEqual([
      '/business/markdown-story',
      '/world/html-story',
    ]);
    expect(report.failed).toMatchObject([
      { item: 1, field: 'leadImage.alt' },
      { item: 2, field: 'leadImage.file' },
      { item: 4, field: 'slug' },
    ]);
    expect(mediaFiles()).toBe(0);
  });

  it('refuses a file that is not JSON with a clear message', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"headline": ');
    const run = await dateline('import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json is not valid JSON/);
  });

  it('says which migrations it applied, and none the second time', async () => {
    const first = await dateline('migrate', '--json');
    expect(first.code).toBe(0);
    const { applied } = JSON.parse(first.stdout) as { applied: string[] };
    expect(applied[0]).toBe('0001-initial');
    expect(applied.length).toBeGreaterThan(20);
    const second = await dateline('migrate');
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('migrations applied: 0');
  });

  it('answers usage mistakes with exit code 2 and help', async () => {
    expect((await dateline('frobnicate')).code).toBe(2);
    expect((await dateline('import')).code).toBe(2);
    expect((await dateline('serve', '--port', 'many')).code).toBe(2);
    const help = await dateline('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dateline import');
  });

  it('fails at start with one clear line per configuration problem', async () => {
    sandbox.env = { ...sandbox.env, DATABASE_URL: 'mysql://x', PORT: 'eighty' };
    const run = await dateline('migrate');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL: must start with sqlite: or postgres:\/\//);
    expect(run.stderr).toMatch(/PORT: /);
  });
});
