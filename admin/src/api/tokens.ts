/** One's own API tokens for scripts (src/http/api/tokens/tokens-routes.ts). */
import { request } from './client.js';

/** A token as the server shows it: never its secret. */
export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** When it stops working; null for a token that lasts until revoked. */
  expiresAt: string | null;
}

const base = '/api/admin/tokens';

export const apiTokens = {
  list: () => request<{ tokens: ApiToken[] }>('GET', base),
  /** The answer carries the secret: the only time it is shown. */
  create: (name: string, expiresInDays: number | null) =>
    request<{ token: ApiToken; secret: string }>('POST', base, { name, expiresInDays }),
  revoke: (id: number) => request<void>('DELETE', `${base}/${id}`),
};
