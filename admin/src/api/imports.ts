/** Imports uploaded in the newsroom (src/http/api/imports/import-routes.ts), for editors and up. */
import type {
  importListOutput,
  oneImportOutput,
} from '../../../src/http/api/imports/import-schema.js';
import { request } from './client.js';
import type { Answer } from './json.js';
import { sendForm } from './send-form.js';

export type ImportList = Answer<typeof importListOutput>;
/** A run: who, what file, how far, and once finished its report. */
export type ImportRun = Answer<typeof oneImportOutput>['run'];
export type ImportReport = NonNullable<ImportRun['report']>;

const base = '/api/admin/imports';

export const imports = {
  list: () => request<ImportList>('GET', base),
  read: (id: number) => request<Answer<typeof oneImportOutput>>('GET', `${base}/${id}`),
  /** Sends the file; the answer is the run, started. Rejects with ApiError (413: too large). */
  upload: (file: File, csrfToken: string | null, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendForm<Answer<typeof oneImportOutput>>(base, form, csrfToken, onProgress).then(
      ({ body }) => body.run,
    );
  },
};
