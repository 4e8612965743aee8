/**
 * The `dateline` command: parses the command line, builds the app and runs one command.
 * Exit codes: 0 ok, 1 failure, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { createServerLog } from './adapters/log/server-log.js';
import { createApp, databaseArchive, migrateDatabase } from './app.js';
import { BACKUP_HELP, backupCommand, RESTORE_HELP, restoreCommand } from './cli/backup-command.js';
import { EXPORT_HELP, exportCommand } from './cli/export-command.js';
import { BENCH_SEED_HELP, benchSeed } from './cli/bench-seed-command.js';
import { EXIT, UsageError, type Terminal } from './cli/command-context.js';
import { IMPORT_HELP, importFiles } from './cli/import-command.js';
import { JOBS_HELP, jobsCommand } from './cli/jobs-command.js';
import { SEED_DEMO_HELP, seedDemo } from './cli/seed-demo-command.js';
import { SERVE_HELP, serve } from './serve.js';
import { SETTINGS_HELP, settingsCommand } from './cli/settings-command.js';
import { readPasswordFrom, USER_HELP, userCommand } from './cli/user-command.js';
import { ConfigError, readConfig } from './config/config.js';
import { isDomainError } from './domain/errors.js';

const HELP = `Usage: dateline COMMAND [options]

Commands:
  serve [--port N] [--demo]    run the site
  migrate                      bring the database schema up to date
  seed-demo                    load the demo newspaper into an empty database
  settings apply FILE.json     set the publication's settings
  import FILE.json...          import articles
  export DIR [--drafts]        write every article, photo, section, author and setting
                               in the formats import and settings apply read
  backup FILE                  copy the database to FILE while the site runs
  restore FILE [--force]       replace the database with a backup
  jobs run                     run the background jobs that are due, then exit
  bench-seed --articles N [--sections K] [--append]
                               fill the database with a synthetic archive (benchmarks)
  user create --email E --role R --password-stdin
                               create a newsroom account

Every command takes --help. Configuration comes from the environment (see README.md).`;

const MIGRATE_HELP = `Usage: dateline migrate [--json]\n\nBrings the database schema up to date.`;

const HELPS: Record<string, string> = {
  serve: SERVE_HELP,
  migrate: MIGRATE_HELP,
  'seed-demo': SEED_DEMO_HELP,
  settings: SETTINGS_HELP,
  import: IMPORT_HELP,
  export: EXPORT_HELP,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
  jobs: JOBS_HELP,
  user: USER_HELP,
  'bench-seed': BENCH_SEED_HELP,
};

const terminal: Terminal = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      force: { type: 'boolean' },
      drafts: { type: 'boolean' },
      articles: { type: 'string' },
      sections: { type: 'string' },
      append: { type: 'boolean' },
    },
  });
}

function portOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port: ${value} is not a port number`);
  return Number(value);
}

type Values = ReturnType<typeof parse>['values'];

/** Backup and restore work on the database file or server itself, not through the app. */
function runOnDatabase(command: 'backup' | 'restore', rest: string[], values: Values) {
  const config = readConfig();
  const archive = databaseArchive(config);
  const json = values.json ?? false;
  return command === 'backup'
    ? backupCommand(archive, config, terminal, rest, json)
    : restoreCommand(archive, terminal, rest, { force: values.force ?? false, json });
}

async function migrate(values: Values) {
  const applied = await migrateDatabase(readConfig());
  terminal.out(values.json ? JSON.stringify({ applied }) : `migrations applied: ${applied.length}`);
  return EXIT.ok;
}

async function run(command: string, rest: string[], values: Values) {
  if (command === 'backup' || command === 'restore') return runOnDatabase(command, rest, values);
  if (command === 'migrate') return migrate(values);
  const config = readConfig();
  // The server's lines are for a log collector (JSON in production); commands' are for people.
  const serverLog = command === 'serve' ? createServerLog(config) : undefined;
  const app = await createApp(config, serverLog?.line ?? ((line) => console.error(line)));
  try {
    switch (command) {
      case 'serve':
        return await serve(app, serverLog ? { ...terminal, err: serverLog.line } : terminal, {
          port: portOption(values.port),
          host: values.host,
          demo: values.demo ?? false,
          logger: serverLog?.requests,
        });
      case 'export':
        return await exportCommand(app, terminal, rest, {
          drafts: values.drafts ?? false,
          json: values.json ?? false,
        });
      case 'seed-demo':
        return await seedDemo(app, terminal, values.json ?? false);
      case 'settings':
        return await settingsCommand(app, terminal, rest);
      case 'bench-seed':
        return await benchSeed(app, terminal, values);
      case 'jobs':
        return await jobsCommand(app, terminal, rest, values.json ?? false);
      case 'user':
        return await userCommand(
          app,
          terminal,
          rest,
          { ...values, passwordStdin: values['password-stdin'], json: values.json ?? false },
          () => readPasswordFrom(process.stdin),
        );
      default:
        return await importFiles(app, terminal, rest, values.json ?? false);
    }
  } finally {
    await app.close();
  }
}

/** Runs the command line; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    terminal.err(`dateline: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const [command, ...rest] = parsed.positionals;
  if (!command || !(command in HELPS)) {
    if (command) terminal.err(`dateline: unknown command ${command}\n`);
    terminal.err(HELP);
    return parsed.values.help && !command ? EXIT.ok : EXIT.usage;
  }
  if (parsed.values.help) {
    terminal.out(HELPS[command] ?? HELP);
    return EXIT.ok;
  }
  try {
    return await run(command, rest, parsed.values);
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.err(`dateline ${command}: ${error.message}\n\n${HELPS[command]}`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError || isDomainError(error)) {
      terminal.err(`dateline ${command}: ${error.message}`);
      return EXIT.failure;
    }
    throw error;
  }
}
