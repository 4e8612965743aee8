/** Reading weather services' answers: what the two providers share. */
import type { z } from 'zod';
import { zodPath } from '../../domain/validation.js';

/** Zod issues as paths (`weather[0].description`), so a log line says what is missing. */
export function listIssues(error: z.ZodError): string {
  const paths = error.issues.map((issue) => zodPath(issue.path) || 'body');
  return `missing or invalid ${[...new Set(paths)].join(', ')}`;
}

/** The cause matters: fetch's own message ("fetch failed") says nothing about why. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

export const parseJsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
