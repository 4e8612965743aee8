/**
 * Why a server-side request to someone's URL did not get an answer: the destination was
 * refused (before any byte was sent), the network failed, it took too long, or the request
 * itself was too big to send.
 */
export type OutboundErrorKind = 'refused' | 'network' | 'timeout' | 'too_large';

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutboundError';
  }
}

export const isOutboundError = (error: unknown): error is OutboundError =>
  error instanceof OutboundError;
