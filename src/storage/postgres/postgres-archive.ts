import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { invalid, notFound } from '../../domain/errors.js';
import type { DatabaseArchive } from '../../services/archive-ports.js';

const INSTALL_HINT =
  "install PostgreSQL's client tools of the server's major version or newer " +
  '(Debian and Ubuntu: apt-get install postgresql-client-NN; elsewhere the PostgreSQL packages)';

/** Tables whose rows mean a paper lives in the database: restoring over them loses them. */
const CONTENT_TABLES = ['articles', 'media', 'users', 'settings'];

interface Ran {
  code: number;
  stderr: string;
}

/** The URL without its password, which goes in the environment: `ps` shows arguments. */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

/** A tool missing from PATH is a clear error naming what to install, not a crash. */
const missingToolOr = (tool: string, error: NodeJS.ErrnoException) =>
  error.code === 'ENOENT'
    ? notFound(`${tool} is needed for a PostgreSQL database and is not on PATH: ${INSTALL_HINT}`)
    : error;

/** Runs a PostgreSQL client tool; a tool missing from PATH is a clear error, not a crash. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(missingToolOr(tool, error)));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
}

/** The major version a `--version` line names: "pg_dump (PostgreSQL) 15.20 (Debian …)" → 15. */
export const majorVersionOf = (line: string) => Number(/\)\s*(\d+)/.exec(line)?.[1] ?? NaN);

async function toolVersion(tool: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(missingToolOr(tool, error)));
    child.on('close', () => resolve(majorVersionOf(out)));
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw invalid(`cannot reach the PostgreSQL database (${(error as Error).message})`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump refuses a server newer than itself; saying so before it starts names the fix.
 * An older server is fine: pg_dump reads every release back to 9.2.
 */
async function refuseOlderTool(url: string, tool: string): Promise<void> {
  const toolMajor = await toolVersion(tool);
  const serverMajor = await withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(rows[0]?.server_version_num) / 10000);
  });
  if (toolMajor < serverMajor)
    throw invalid(
      `${tool} ${toolMajor} cannot handle this PostgreSQL ${serverMajor} server: ${INSTALL_HINT}`,
    );
}

function failed(tool: string, ran: Ran): Error {
  return invalid(`${tool} failed (exit ${ran.code}): ${ran.stderr || 'no message'}`);
}

/** Backup and restore of a PostgreSQL database through pg_dump and pg_restore. */
export function postgresArchive(url: string): DatabaseArchive {
  return {
    format: 'pg_dump',
    async backup(file) {
      if (!existsSync(dirname(file))) throw invalid(`the folder of ${file} does not exist`);
      await refuseOlderTool(url, 'pg_dump');
      // pg_dump reads in one repeatable-read transaction: a consistent snapshot while serving.
      const partial = `${file}.partial`;
      const { dbname, env } = connectionFor(url);
      const ran = await runTool(
        'pg_dump',
        ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`],
        env,
      );
      if (ran.code !== 0) {
        rmSync(partial, { force: true });
        throw failed('pg_dump', ran);
      }
      renameSync(partial, file);
      return { bytes: statSync(file).size };
    },
    hasContent: () =>
      withClient(url, async (client) => {
        for (const table of CONTENT_TABLES) {
          const exists = await client.query('select to_regclass($1) as found', [`public.${table}`]);
          if (!(exists.rows[0] as { found: string | null }).found) continue;
          const { rowCount } = await client.query(`select 1 from "${table}" limit 1`);
          if (rowCount) return true;
        }
        return false;
      }),
    async restore(file) {
      if (!existsSync(file)) throw invalid(`${file} does not exist`);
      await refuseOlderTool(url, 'pg_restore');
      // One transaction: a restore that fails part way leaves the database as it was.
      const { dbname, env } = connectionFor(url);
      const ran = await runTool(
        'pg_restore',
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${dbname}`,
          file,
        ],
        env,
      );
      if (ran.code !== 0) throw failed('pg_restore', ran);
    },
  };
}
