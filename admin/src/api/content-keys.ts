/** Content API keys (src/http/api/content/content-keys-routes.ts), for apps and partners. */
import type {
  contentKeyListOutput,
  createdContentKeyOutput,
  createContentKeyInput,
} from '../../../src/http/api/content/content-keys-schema.js';
import { request } from './client.js';
import type { Answer, Body } from './json.js';

/** A key as the server shows it: never its secret, only its first characters. */
export type ContentKey = Answer<typeof contentKeyListOutput>['keys'][number];

const base = '/api/admin/content-keys';

export const contentKeys = {
  list: () => request<Answer<typeof contentKeyListOutput>>('GET', base),
  /** The answer carries the secret: the only time it is shown. */
  create: (name: string) =>
    request<Answer<typeof createdContentKeyOutput>>('POST', base, {
      name,
    } satisfies Body<typeof createContentKeyInput>),
  revoke: (id: number) => request<void>('DELETE', `${base}/${id}`),
};
