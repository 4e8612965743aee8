import type { z } from 'zod';
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
  const path = zodPath(issue?.path ?? [], prefix);
  const message = issue?.message ?? 'is invalid';
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
