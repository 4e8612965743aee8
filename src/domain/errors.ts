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
  | 'too_many_requests';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field at fault, as a dotted path (`leadImage.alt`), when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in first') =>
  new DomainError('unauthenticated', message);
export const tooManyRequests = (message: string) => new DomainError('too_many_requests', message);
export const notFound = (message: string) => new DomainError('not_found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const gone = (message: string) => new DomainError('gone', message);
export const invalid = (message: string, field?: string) =>
  new DomainError('invalid', message, field);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
