import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-sandbox.js';
import { startTestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { STRONG_PASSWORD as PASSWORD } from './test-password.js';

describe('dateline user create', () => {
  let sandbox: CliSandbox;
  const dateline = (stdin: string, ...args: string[]) => sandbox.run(args, stdin);

  beforeEach(() => {
    sandbox = cliSandbox();
  });

  afterEach(() => sandbox.remove());

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
      url: sandbox.env.DATABASE_URL ?? '',
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

  it('refuses a password an attacker would guess, saying why, and creates nobody', async () => {
    const create = (password: string, name: string) =>
      dateline(
        `${password}\n`,
        'user',
        'create',
        '--email',
        'amal@paper.example',
        '--role',
        'editor-in-chief',
        '--name',
        name,
        '--password-stdin',
        '--json',
      );
    for (const [password, name] of [
      ['aaaaaaaaaaaaaaa', 'Amal Haddad'],
      ['Dateline2024!', 'Amal Haddad'],
      ['Amal Haddad 1990', 'Amal Haddad'],
    ] as const) {
      const run = await create(password, name);
      expect(run.code, password).toBe(1);
      expect(run.stderr, password).toMatch(/password: must be harder to guess/);
    }
    const lookAlike = await dateline(
      `${PASSWORD}\n`,
      'user',
      'create',
      '--email',
      '\u0430mal@paper.example',
      '--role',
      'writer',
      '--password-stdin',
    );
    expect(lookAlike.code).toBe(1);
    expect(lookAlike.stderr).toMatch(/email: mixes letters of different alphabets/);
    expect((await create(PASSWORD, 'Amal Haddad')).code).toBe(0);
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
