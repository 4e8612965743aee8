/** A script's credential: the secret is shown once at creation; only its hash is kept. */
export interface ApiToken {
  id: number;
  userId: number;
  /** What the token is for, in the owner's words: `wire importer`. */
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
