/**
 * A real S3-compatible server on loopback for the suites: s3rver (the 20minutes fork, which
 * checks SigV4 signatures), storing in a temp folder, with one empty bucket.
 *
 * It runs in a child process because its list continuation tokens are DES-encrypted, and
 * OpenSSL 3 offers DES only with the legacy provider, which no test process should load.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface S3TestServer {
  /** `http://127.0.0.1:<port>`; buckets are addressed path-style. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Stops the server and deletes everything it stored. */
  stop(): Promise<void>;
}

/** Runs in the child: starts s3rver, prints its port, and ends when the parent closes stdin. */
const CHILD_SCRIPT = `
const [modulePath, directory, bucket] = process.argv.slice(1);
const S3rver = require(modulePath);
const server = new S3rver({
  address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }],
});
server.run().then(
  ({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on('end', () => process.exit(0)).resume();
`;

const STARTUP_TIMEOUT_MS = 20_000;

/** Starts s3rver on 127.0.0.1 on a free port, with an empty bucket. */
export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'dateline-s3-'));
  const bucket = 'dateline-media';
  const modulePath = createRequire(import.meta.url).resolve('@20minutes/s3rver');
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', CHILD_SCRIPT, modulePath, directory, bucket],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin.end();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    await rm(directory, { recursive: true, force: true });
  };

  try {
    const port = await firstReportedPort(child.stdout, exited);
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      // s3rver's one built-in account.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The port the child prints once it listens; rejects if it exits or takes too long first. */
function firstReportedPort(stdout: NodeJS.ReadableStream, exited: Promise<void>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      reject(new Error(message));
    };
    const timer = setTimeout(
      () => fail(`s3rver did not start within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    void exited.then(() => fail('s3rver exited before it listened'));
    createInterface({ input: stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
}
