/** One's own API tokens for scripts (src/http/api/tokens/tokens-routes.ts). */
import type {
  apiTokenOutput,
  createdTokenOutput,
  createTokenInput,
  tokenListOutput,
} from '../../../src/http/api/tokens/tokens-schema.js';
import { request } from './client.js';
import type { Answer, Body } from './json.js';

/** A token as the server shows it: never its secret. */
export type ApiToken = Answer<typeof apiTokenOutput>;

const base = '/api/admin/tokens';

export const apiTokens = {
  list: () => request<Answer<typeof tokenListOutput>>('GET', base),
  /** The answer carries the secret: the only time it is shown. */
  create: (name: string, expiresInDays: number | null) =>
    request<Answer<typeof createdTokenOutput>>('POST', base, {
      name,
      expiresInDays,
    } satisfies Body<typeof createTokenInput>),
  revoke: (id: number) => request<void>('DELETE', `${base}/${id}`),
};
