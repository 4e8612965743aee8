/**
 * `dateline backup`, `restore` and `export` as an operator runs them: clear messages and exit
 * codes for mistakes, never a stack trace; PostgreSQL without pg_dump (or with one older than
 * the server) says what to install.
 */
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-sandbox.js';
import { createPostgresDatabase, type TestDatabase } from './test-databases.js';

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('backup, restore and export on the command line', () => {
  let sandbox: CliSandbox;
  let dir: string;
  const dateline = (...args: string[]) => sandbox.run(args);

  /** A PATH with node and nothing else, plus any tools the test writes into it. */
  const bareBin = () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, 'node'))) symlinkSync(process.execPath, join(bin, 'node'));
    return bin;
  };

  beforeEach(() => {
    sandbox = cliSandbox();
    dir = sandbox.dir;
  });

  afterEach(() => sandbox.remove());

  it('backs up and restores a SQLite paper, refusing to overwrite one without --force', async () => {
    expect((await dateline('seed-demo')).code).toBe(0);
    const backup = await dateline('backup', 'paper.db', '--json');
    expect(backup.code).toBe(0);
    const written = JSON.parse(backup.stdout) as { format: string; bytes: number; media: string };
    expect(written).toMatchObject({ format: 'sqlite', media: join(dir, 'media') });
    expect(written.bytes).toBeGreaterThan(0);

    const refused = await dateline('restore', 'paper.db');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already has articles.*add --force/);
    noStackTrace(refused.stderr);
    expect((await dateline('restore', 'paper.db', '--force')).code).toBe(0);

    sandbox.env = { ...sandbox.env, DATABASE_URL: `sqlite:${join(dir, 'empty.db')}` };
    expect((await dateline('restore', 'paper.db')).code).toBe(0);
    const exported = await dateline('export', 'out', '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ articles: 19, settings: true });
  });

  it('answers mistakes with a message and exit code 1 or 2, never a stack trace', async () => {
    for (const args of [['backup'], ['restore'], ['export'], ['backup', 'a', 'b']]) {
      const run = await dateline(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/name the|one (file|folder) only/);
    }
    const unknownFlag = await dateline('backup', 'x.db', '--compress');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--compress/);

    writeFileSync(join(dir, 'notes.txt'), 'not a database');
    for (const [args, message] of [
      [['restore', 'missing.db'], /missing\.db does not exist/],
      [['restore', 'notes.txt'], /not a Dateline SQLite backup/],
      [['backup', 'no/such/folder/x.db'], /folder of .* does not exist/],
    ] as const) {
      const run = await dateline(...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      noStackTrace(run.stderr);
    }
  });

  it('refuses an export folder it cannot write or that holds files', async () => {
    // A folder inside a file cannot be made, whoever runs the command (root included).
    writeFileSync(join(dir, 'notes.txt'), 'a file');
    const unwritable = await dateline('export', join(dir, 'notes.txt', 'out'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write to .*notes\.txt\/out \(ENOTDIR\)/);
    noStackTrace(unwritable.stderr);

    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'old.json'), '[]');
    const full = await dateline('export', 'full');
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/full is not empty: name a new folder/);
  });

  it('lists the commands in dateline --help', async () => {
    const help = await dateline('--help');
    expect(help.code).toBe(0);
    for (const command of ['backup FILE', 'restore FILE', 'export DIR'])
      expect(help.stderr + help.stdout).toContain(command);
  });

  describe('on PostgreSQL', () => {
    let database: TestDatabase;

    beforeEach(async () => {
      database = await createPostgresDatabase();
      sandbox.env = { ...sandbox.env, DATABASE_URL: database.url };
    });

    afterEach(() => database.drop());

    it('writes a pg_dump archive and restores it with pg_restore', async () => {
      expect((await dateline('seed-demo')).code).toBe(0);
      const backup = await dateline('backup', 'paper.dump', '--json');
      expect(backup.code).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ format: 'pg_dump' });
      expect((await dateline('restore', 'paper.dump')).code).toBe(1);
      expect((await dateline('restore', 'paper.dump', '--force')).code).toBe(0);
      const exported = await dateline('export', 'out', '--json');
      expect(JSON.parse(exported.stdout)).toMatchObject({ articles: 19 });
    });

    it('says pg_dump is needed, and how to get it, when it is not on PATH', async () => {
      sandbox.env = { ...sandbox.env, PATH: bareBin() };
      for (const [args, tool] of [
        [['backup', 'paper.dump'], 'pg_dump'],
        [['restore', 'paper.dump'], 'pg_restore'],
      ] as const) {
        writeFileSync(join(dir, 'paper.dump'), 'x');
        const run = await dateline(...args);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(new RegExp(`${tool} is needed .* not on PATH: install`));
        expect(run.stderr).toMatch(/postgresql-client/);
        noStackTrace(run.stderr);
      }
    });

    it('refuses a pg_dump older than the server, naming both versions', async () => {
      const bin = bareBin();
      // Stands in for an old client: only its version line is read before the refusal.
      writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
      chmodSync(join(bin, 'pg_dump'), 0o755);
      sandbox.env = { ...sandbox.env, PATH: bin };
      const run = await dateline('backup', 'paper.dump');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/pg_dump 9 cannot handle this PostgreSQL \d+ server/);
      expect(existsSync(join(dir, 'paper.dump'))).toBe(false);
    });
  });
});
