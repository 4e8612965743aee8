/** One photo sent to the library, its progress reported as it goes. */
import type { uploadFieldsSchema } from '../../../src/services/media/upload-photo.js';
import { csrfTokenNow } from '../api/client.js';
import { sendForm } from '../api/send-form.js';
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

  return sendForm<MediaItem>('/api/admin/media', form, csrfToken, onProgress).then(
    ({ status, body }) => ({ item: body, isNew: status === 201 }),
  );
}
