/**
 * The newsroom app's one way to the server: JSON in and out, the session's CSRF token on every
 * change, and the server's `{error, field}` answers turned into ApiError values forms can show.
 */

/** A refused request, with what the server said and the field at fault, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | undefined,
    /** Everything else the server answered, e.g. `revision` and `conflictRevision` on 409. */
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Remembers the token the server handed out at sign-in (or on reading the session). */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

/** What to do when the session has ended: the app sends the user to sign in. */
export function whenUnauthenticated(handler: () => void) {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ErrorBody {
  error?: unknown;
  field?: unknown;
  [key: string]: unknown;
}

/** The token to send with a change, for requests made outside `request` (uploads). */
export const csrfTokenNow = () => csrfToken;

async function errorFrom(response: Response): Promise<ApiError> {
  return apiErrorFrom(response.status, await response.text(), response.statusText);
}

/** The server's refusal as an ApiError, from its status and the text of its answer. */
export function apiErrorFrom(status: number, text: string, statusText = ''): ApiError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = { error: text || statusText };
  }
  const { error, field, ...details } = body;
  const message =
    typeof error === 'string' && error
      ? error
      : status === 413
        ? 'The file is too big.'
        : `The server answered ${status}`;
  return new ApiError(status, message, typeof field === 'string' ? field : undefined, details);
}

/** Sends one request; resolves with the JSON answer (undefined for 204), rejects with ApiError. */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: { quietOn401?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'The server could not be reached. Check your connection and try again.',
      undefined,
      {},
    );
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.quietOn401) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A query string from the given values, leaving out empty ones. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when the endpoint is not there (yet): the app shows an empty state instead. */
export const isMissingEndpoint = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 405);
