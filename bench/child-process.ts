/**
 * Child-process plumbing for the bench: the Dateline CLI runs to completion, the two servers run
 * until stopped. Servers live in their own processes so the load generator never shares an event
 * loop with the code it measures.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Keeps only the end of a child's stderr: enough to explain a failure, bounded in memory. */
const STDERR_TAIL_CHARS = 4000;

/** A long-running child plus the tail of what it wrote to stderr. */
export interface RunningChild {
  name: string;
  process: ChildProcess;
  stderrTail: () => string;
}

/**
 * Every child still running, whoever started it: a Ctrl-C must stop the seeding CLI and the
 * settle step's server too, not only the servers the run keeps track of.
 */
const running = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops every child this process started that is still running (an interrupted bench). */
export function killRunningChildren(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs a command to completion; rejects with its stderr when it exits non-zero. */
export async function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const running = execFileAsync(command, args, { ...options, maxBuffer: 64 << 20 });
    track(running.child);
    return (await running).stdout;
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new Error(`${[command, ...args].join(' ')} failed:\n${failed.stderr ?? failed.message}`);
  }
}

/** Starts a long-running child whose stdout and stderr are drained so it never blocks on a pipe. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningChild {
  const child = track(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  let tail = '';
  child.stdout?.resume();
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return { name, process: child, stderrTail: () => tail };
}

/** Asks the child to stop, and kills it if it has not exited within the grace period. */
export async function stopChild(child: RunningChild, graceMs = 5000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A port free right now; the tiny race with other processes is acceptable for a bench. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers 200; fails early with the child's stderr if the child dies. */
export async function waitUntilServing(
  child: RunningChild,
  url: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited before serving:\n${child.stderrTail()}`);
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet: keep polling.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${child.name} did not answer ${url} with 200 within ${timeoutMs} ms:\n${child.stderrTail()}`,
  );
}
