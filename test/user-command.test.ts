import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'dateline.js');
const PASSWORD = 'correct horse battery staple';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('dateline user create', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const dateline = (stdin: string, ...args: string[]) =>
    new Promise<Run>((done) => {
      const child = execFile('node', [BIN, ...args], { env, cwd: dir }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin);
    });

  beforeEach(() => {
    if (!existsSync(join(import.meta.dirname, '..', 'dist', 'src', 'main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
    env = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      MEDIA_DIR: join(dir, 'media'),
      LOG_LEVEL: 'silent',
    };
    delete env.DATELINE_NOW;
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an editor-in-chief from a piped password, who can then sign in', async () => {
    const run = await dateline(
      `${PASSWORD}\n`,
      'user',
      'create',
      '--email',
      'Amal@Paper.Example',
      '--role',
      'editor-in-chief',
      '--name',
      'Amal Haddad',
      '--password-stdin',
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      id: 1,
      email: 'amal@paper.example',
      role: 'editor_in_chief',
    });

    // The same database, opened by the server: the new account signs in.
    const database: TestDatabase = {
      engine: 'sqlite',
      url: env.DATABASE_URL ?? '',
      drop: () => Promise.resolve(),
    };
    const t = await startTestApp({}, database);
    try {
      const signIn = await t.server.inject({
        method: 'POST',
        url: '/api/admin/session',
        payload: { email: 'amal@paper.example', password: PASSWORD },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json()).toMatchObject({
        user: { name: 'Amal Haddad', role: 'editor_in_chief' },
      });
    } finally {
      await t.close();
    }
  });

  it('refuses a role it does not know as a usage error', async () => {
    const run = await dateline(
      PASSWORD,
      'user',
      'create',
      '--email',
      'x@paper.example',
      '--role',
      'publisher',
      '--password-stdin',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--role must be one of contributor, writer, editor, editor-in-chief/,
    );
  });

  it('refuses a short password with exit code 1, naming the password', async () => {
    const run = await dateline(
      'short\n',
      'user',
      'create',
      '--email',
      'x@paper.example',
      '--role',
      'writer',
      '--password-stdin',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/password: must be at least 12 characters/);
  });

  it('never takes the password from an argument, and explains itself', async () => {
    const run = await dateline(
      '',
      'user',
      'create',
      '--email',
      'x@paper.example',
      '--role',
      'writer',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--password-stdin is required/);
    const help = await dateline('', 'user', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dateline user create');
  });
});
