import { z } from 'zod';
import { invalid, type DomainError } from './errors.js';

/** A zod issue path as people write it: `body[3].marks[0].attrs.href`. */
export const zodPath = (path: (string | number)[], prefix = ''): string =>
  path.reduce<string>(
    (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key),
    prefix,
  );

/** The first problem zod found, as an Invalid error naming the field (`leadImage.alt`). */
export function invalidFromZod(error: z.ZodError, prefix = ''): DomainError {
  const issue = error.issues[0];
  // An unknown key is the field at fault itself, not the object that holds it.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = zodPath([...(issue?.path ?? []), ...unknownKey], prefix);
  const message =
    unknownKey.length > 0 ? 'is not a field this accepts' : (issue?.message ?? 'is invalid');
  return invalid(path ? `${path}: ${message}` : message, path || undefined);
}

/** Parses with a schema, throwing an Invalid error that names the field at fault. */
export function parseWith<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  prefix = '',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidFromZod(result.error, prefix);
  return result.data as z.infer<T>;
}

/** Ids are 32-bit in PostgreSQL's `serial`; anything larger names no record in either engine. */
const MAX_ID = 2_147_483_647;

/** A record id in a path or query string ("42"). */
export const recordIdParam = z.coerce.number().int().positive().max(MAX_ID, 'is not a known id');

/** A record id in a JSON body (42). */
export const recordId = z.number().int().positive().max(MAX_ID, 'is not a known id');
