/**
 * The audit trail's vocabulary: what happened (a dotted event name), who did it, to what, and
 * from where. Pure: storage keeps the entries, a logger writes them out, services make them.
 */
import type { Actor } from '../roles/role.js';

/** Every event the audit trail records, subject first. */
export const AUDIT_EVENTS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.throttled',
  'access.refused',
  'user.created',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'invitation.sent',
  'invitation.accepted',
  'invitation.resent',
  'invitation.revoked',
  'password_reset.requested',
  'password_reset.completed',
  'sessions.ended_everywhere',
  'api_token.created',
  'api_token.revoked',
  'content_key.created',
  'content_key.revoked',
  'settings.changed',
  'breaking_news.set',
  'breaking_news.removed',
  'webhook.created',
  'webhook.changed',
  'webhook.deleted',
  'webhook.secret_rolled',
  'wire_source.added',
  'wire_source.changed',
  'wire_source.removed',
  'import.ran',
  'article.killed',
  'audit.purged',
] as const;

export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/** The kind of caller behind an event: a person's credential, a machine, or nobody known. */
export type AuditCallerKind =
  'session' | 'api_token' | 'content_key' | 'cli' | 'system' | 'anonymous';

/** Who did it: a user (by id; storage notes their e-mail and name at the time) or a kind of caller. */
export interface AuditActor {
  kind: AuditCallerKind;
  userId: number | null;
}

/** Where a request came from: the client address (TRUSTED_PROXIES respected) and user agent. */
export interface AuditOrigin {
  ip: string;
  userAgent: string;
}

export type AuditDetailValue = string | number | boolean | null | string[];

/** One thing to record. */
export interface AuditEntry {
  event: AuditEventName;
  actor: AuditActor;
  target?: { type: string; id: string | number };
  /** A small JSON object of facts; never a password, token secret or session id. */
  details?: Record<string, AuditDetailValue>;
  origin?: AuditOrigin;
}

/** An entry as the trail keeps it. */
export interface AuditRecord {
  id: number;
  at: Date;
  event: AuditEventName;
  actor: AuditActor & { email: string | null; name: string | null };
  target: { type: string; id: string } | null;
  details: Record<string, AuditDetailValue>;
  ip: string | null;
  userAgent: string | null;
}

export const CLI_CALLER: AuditActor = { kind: 'cli', userId: null };
export const SYSTEM_CALLER: AuditActor = { kind: 'system', userId: null };
export const ANONYMOUS_CALLER: AuditActor = { kind: 'anonymous', userId: null };

/** The longest detail string kept: enough for a name or a URL, not for a pasted document. */
const DETAIL_MAX_LENGTH = 300;

/** Keys that could carry a credential; their values never reach the trail, whatever the caller. */
const SECRET_KEY = /pass(word)?|secret|token|session|cookie|authori[sz]ation|hash/i;

const clip = (value: string) =>
  value.length > DETAIL_MAX_LENGTH ? `${value.slice(0, DETAIL_MAX_LENGTH)}…` : value;

/** Details fit for the trail: secrets dropped, long strings clipped. */
export function safeDetails(
  details: Record<string, AuditDetailValue> = {},
): Record<string, AuditDetailValue> {
  const safe: Record<string, AuditDetailValue> = {};
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEY.test(key)) continue;
    if (typeof value === 'string') safe[key] = clip(value);
    else if (Array.isArray(value)) safe[key] = value.slice(0, 50).map(clip);
    else safe[key] = value;
  }
  return safe;
}

/** An entry for something a signed-in actor (from where their request came) or a machine did. */
export function entryBy(
  by: Actor | AuditActor,
  event: AuditEventName,
  more: Pick<AuditEntry, 'target' | 'details'> = {},
): AuditEntry {
  if (!('credential' in by)) return { event, actor: by, ...more };
  return {
    event,
    actor: { kind: by.credential, userId: by.userId },
    ...more,
    ...(by.origin ? { origin: by.origin } : {}),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys whose values differ between two settings documents, one level into nested objects
 * (`embeds.allowedProviders`): what the trail says changed, without the values themselves.
 */
export function changedKeys(before: unknown, after: unknown, prefix = ''): string[] {
  const a = isPlainObject(before) ? before : {};
  const b = isPlainObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) return [];
    const path = `${prefix}${key}`;
    const nested = !prefix && isPlainObject(a[key]) && isPlainObject(b[key]);
    return nested ? changedKeys(a[key], b[key], `${path}.`) : [path];
  });
}

/** An entry for a request by someone not (yet) signed in, such as a sign-in attempt. */
export const entryFrom = (
  origin: AuditOrigin,
  event: AuditEventName,
  more: Pick<AuditEntry, 'target' | 'details'> = {},
): AuditEntry => ({ event, actor: ANONYMOUS_CALLER, ...more, origin });
