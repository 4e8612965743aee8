/**
 * A newsroom account for the bench's scenarios that act as the desk (uploads, publishing):
 * made through the real CLI, signed in through the admin API like the newsroom app.
 */
import { spawn } from 'node:child_process';

export interface StaffAccount {
  email: string;
  password: string;
  role: 'writer' | 'editor' | 'editor-in-chief';
}

/** A signed-in session: its cookie and the CSRF token that goes with it. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

/** `dateline user create`, the password on standard input as the CLI requires. */
export async function createStaff(
  root: string,
  env: NodeJS.ProcessEnv,
  staff: StaffAccount,
): Promise<void> {
  const args = ['bin/dateline.js', 'user', 'create', '--email', staff.email, '--role', staff.role];
  const child = spawn(process.execPath, [...args, '--password-stdin'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  child.stdin.end(staff.password);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`dateline user create failed (${code}):\n${stderr}`);
}

/** Signs in as the admin does. */
export async function signIn(origin: string, staff: StaffAccount): Promise<SignedIn> {
  const response = await fetch(`${origin}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = /dateline_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (response.status !== 200 || !cookie || !body.csrfToken) {
    throw new Error(`signing in as ${staff.email} answered ${response.status}`);
  }
  return { cookie, csrfToken: body.csrfToken };
}
