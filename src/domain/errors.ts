/**
 * The few kinds of failure a use case can report. Each transport maps them once:
 * HTTP status and JSON, CLI exit code.
 */
export type DomainErrorKind =
  | 'unauthenticated'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'gone'
  | 'too_many_requests'
  | 'too_large'
  | 'unsupported_media';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field at fault, as a dotted path (`leadImage.alt`), when there is one. */
    readonly field?: string,
    /** Facts a client can act on, e.g. the revision a refused save was kept as. */
    readonly details?: Record<string, unknown>,
    /** For too_many_requests: whole seconds until a retry can succeed (HTTP's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in first') =>
  new DomainError('unauthenticated', message);
/** A limit was reached; every such refusal says how long to wait, in whole seconds. */
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError(
    'too_many_requests',
    message,
    undefined,
    undefined,
    Math.max(1, Math.ceil(retryAfterSeconds)),
  );
export const notFound = (message: string) => new DomainError('not_found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', message, undefined, details);
export const gone = (message: string) => new DomainError('gone', message);
export const invalid = (message: string, field?: string) =>
  new DomainError('invalid', message, field);

/** An upload bigger than the configured limit, in bytes or in pixels. */
export const tooLarge = (message: string) => new DomainError('too_large', message);
/** A file whose content is not a kind Dateline accepts, whatever its name says. */
export const unsupportedMedia = (message: string) => new DomainError('unsupported_media', message);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
