/** A signed-in browser: the secret token lives in its cookie, only the hash in storage. */
export interface Session {
  tokenHash: string;
  userId: number;
  /** Sent back in `x-csrf-token` with every change the browser asks for. */
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string;
  ip: string;
}
