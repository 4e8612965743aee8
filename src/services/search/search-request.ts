import { invalid } from '../../domain/errors.js';

/** Longer queries are searched for their first this many characters only. */
export const MAX_QUERY_LENGTH = 200;

/** A search as a reader or a client asked for it, checked; filters still by slug. */
export interface SearchRequest {
  /** The query as typed, trimmed and cut to MAX_QUERY_LENGTH. */
  query: string;
  /** Whether the query was cut. */
  cut: boolean;
  section?: string;
  author?: string;
  /** First and last day of publication wanted, as YYYY-MM-DD (UTC), both included. */
  from?: string;
  to?: string;
  order: 'relevance' | 'newest';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${field}: give it once, as text`, field);
  return value.trim() || undefined;
}

function slugParam(value: unknown, field: string): string | undefined {
  const text = optionalText(value, field);
  if (text !== undefined && !SLUG.test(text))
    throw invalid(`${field}: must be a slug (lower-case letters, digits and hyphens)`, field);
  return text;
}

function dayParam(value: unknown, field: string): string | undefined {
  const text = optionalText(value, field);
  if (text === undefined) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  if (!DAY.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
    throw invalid(`${field}: must be a date as YYYY-MM-DD`, field);
  return text;
}

/**
 * A search's parameters, checked: any text is a query (hostile ones included: they are only
 * ever read as words), while a malformed filter is refused naming the parameter.
 */
export function searchRequestOf(raw: Record<string, unknown>): SearchRequest {
  const typed = optionalText(raw.q, 'q') ?? '';
  const order = optionalText(raw.order, 'order') ?? 'relevance';
  if (order !== 'relevance' && order !== 'newest')
    throw invalid('order: must be relevance or newest', 'order');
  const from = dayParam(raw.from, 'from');
  const to = dayParam(raw.to, 'to');
  if (from && to && from > to) throw invalid('to: must not be before from', 'to');
  return {
    query: [...typed].slice(0, MAX_QUERY_LENGTH).join(''),
    cut: [...typed].length > MAX_QUERY_LENGTH,
    section: slugParam(raw.section, 'section'),
    author: slugParam(raw.author, 'author'),
    from,
    to,
    order,
  };
}

const DAY_MS = 86_400_000;

/** The request's days as instants: from the start of `from` until the end of `to`. */
export const publicationWindow = (request: SearchRequest) => ({
  from: request.from === undefined ? undefined : new Date(`${request.from}T00:00:00Z`),
  until:
    request.to === undefined ? undefined : new Date(Date.parse(`${request.to}T00:00:00Z`) + DAY_MS),
});
