import type { Role } from '../domain/roles/role.js';
import { createUser } from '../services/accounts/create-user.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const USER_HELP = `Usage: dateline user create --email ADDRESS --role ROLE --password-stdin [--name NAME] [--json]

Creates a newsroom account directly, for operators (the first editor-in-chief of a paper
can also be set up in the browser at /admin/setup).

  --email ADDRESS     the member's email address, which they sign in with
  --role ROLE         contributor, writer, editor or editor-in-chief
  --password-stdin    read the password from standard input (never from an argument, which
                      other users of the machine can see); at least 12 characters, and not
                      a common password or one made of the paper's or the person's name
  --name NAME         how the newsroom sees them; the address's local part if left out
  --json              print the new user as JSON

Example: printf '%s' "$PASSWORD" | dateline user create --email amal@paper.example \\
           --role editor-in-chief --name 'Amal Haddad' --password-stdin

Exit codes: 0 created, 1 refused (weak password, address already taken), 2 usage error.`;

/** The role names of the command line, spelled as people type them. */
const CLI_ROLES: Record<string, Role> = {
  contributor: 'contributor',
  writer: 'writer',
  editor: 'editor',
  'editor-in-chief': 'editor_in_chief',
};

export interface UserCommandOptions {
  email?: string;
  role?: string;
  name?: string;
  passwordStdin?: boolean;
  json: boolean;
}

/** Reads the whole of standard input; one trailing line break (from `echo`) is not part of it. */
export async function readPasswordFrom(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}

/** `user create`; returns the exit code. */
export async function userCommand(
  context: CommandContext,
  terminal: Terminal,
  args: string[],
  options: UserCommandOptions,
  readPassword: () => Promise<string>,
) {
  if (args[0] !== 'create' || args.length > 1)
    throw new UsageError('expected: user create --email … --role … --password-stdin');
  if (!options.email) throw new UsageError('--email is required');
  const role = options.role === undefined ? undefined : CLI_ROLES[options.role];
  if (!role) throw new UsageError(`--role must be one of ${Object.keys(CLI_ROLES).join(', ')}`);
  if (!options.passwordStdin)
    throw new UsageError('--password-stdin is required: pipe the password in');
  const user = await createUser(context.accounts, {
    email: options.email,
    role,
    name: options.name,
    password: await readPassword(),
  });
  if (options.json)
    terminal.out(JSON.stringify({ id: user.id, email: user.email, role: user.role }));
  else terminal.out(`created ${user.role.replace(/_/g, '-')} ${user.email} (user ${user.id})`);
  return EXIT.ok;
}
