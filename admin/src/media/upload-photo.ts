/**
 * One photo sent to the library. XMLHttpRequest rather than fetch: only it reports how much of
 * the request body has been sent, which the progress bars need.
 */
import type { uploadFieldsSchema } from '../../../src/services/media/upload-photo.js';
import { ApiError, apiErrorFrom, csrfTokenNow } from '../api/client.js';
import type { Body } from '../api/json.js';
import { newsroom } from '../api/newsroom.js';
import type { MediaItem } from '../api/types.js';

/** Wording to store with the photo; the server reads these before the file. */
export type UploadWording = Body<typeof uploadFieldsSchema>;

export interface Uploaded {
  item: MediaItem;
  /** False when the same bytes were in the library already: the existing photo comes back. */
  isNew: boolean;
}

/** The session's CSRF token: the one the app holds, or the server's when it holds none yet. */
export async function currentCsrfToken(): Promise<string | null> {
  return csrfTokenNow() ?? (await newsroom.session()).csrfToken;
}

const errorOf = (xhr: XMLHttpRequest) => apiErrorFrom(xhr.status, xhr.responseText);

const unreachable = () =>
  new ApiError(
    0,
    'The server could not be reached. Check your connection and try again.',
    undefined,
    {},
  );

/** Sends the file; `onProgress` gets the fraction sent (0..1). Rejects with ApiError. */
export function uploadPhoto(
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
  wording: UploadWording = {},
): Promise<Uploaded> {
  const form = new FormData();
  // Text fields first: the server reads the stream in order and stores the file as it arrives.
  for (const [name, value] of Object.entries(wording)) if (value) form.append(name, value);
  form.append('file', file, file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/admin/media');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status !== 200 && xhr.status !== 201) return reject(errorOf(xhr));
      try {
        resolve({ item: JSON.parse(xhr.responseText) as MediaItem, isNew: xhr.status === 201 });
      } catch {
        reject(new ApiError(xhr.status, 'The server’s answer could not be read.', undefined, {}));
      }
    };
    xhr.onerror = () => reject(unreachable());
    xhr.send(form);
  });
}
