/** Content API keys (src/http/api/content/content-keys-routes.ts), for apps and partners. */
import { request } from './client.js';

/** A key as the server shows it: never its secret, only its first characters. */
export interface ContentKey {
  id: number;
  name: string;
  prefix: string;
  createdBy: { id: number; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const base = '/api/admin/content-keys';

export const contentKeys = {
  list: () => request<{ keys: ContentKey[] }>('GET', base),
  /** The answer carries the secret: the only time it is shown. */
  create: (name: string) => request<{ key: ContentKey; secret: string }>('POST', base, { name }),
  revoke: (id: number) => request<void>('DELETE', `${base}/${id}`),
};
