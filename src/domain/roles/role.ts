/** Newsroom roles, least to most trusted. */
export const ROLES = ['contributor', 'writer', 'editor', 'editor_in_chief'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { contributor: 1, writer: 2, editor: 3, editor_in_chief: 4 };

/** True when `role` is `other` or more trusted. */
export const atLeast = (role: Role, other: Role) => RANK[role] >= RANK[other];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who is acting, and with what kind of credential. */
export interface Actor {
  userId: number;
  role: Role;
  /** A person signed in with a session, or a script with an API token. */
  credential: 'session' | 'api_token';
  /** The byline profile of this user, if they have one. */
  authorId: number | null;
  /** Where the request came from, for the audit trail; absent outside HTTP. */
  origin?: { ip: string; userAgent: string };
}

/**
 * A process acting for the paper with no person behind it: the operator's command line
 * (`dateline import`, `seed-demo`). It has no role: what it may do is listed on its own in
 * permissions.ts, so no person's role grows to fit it.
 */
export interface MachineActor {
  kind: 'cli';
  userId: null;
}

/** The operator's command line, as the actor of what it writes. */
export const COMMAND_LINE: MachineActor = { kind: 'cli', userId: null };

/** Anyone or anything that may be allowed to act. */
export type Caller = Actor | MachineActor;

export const isMachine = (caller: Caller): caller is MachineActor => 'kind' in caller;
