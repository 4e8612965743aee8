/**
 * A multipart form sent with XMLHttpRequest rather than fetch: only it reports how much of the
 * request body has been sent, which upload progress bars need.
 */
import { ApiError, apiErrorFrom } from './client.js';

const unreachable = () =>
  new ApiError(
    0,
    'The server could not be reached. Check your connection and try again.',
    undefined,
    {},
  );

/**
 * POSTs the form with the session's CSRF token; `onProgress` gets the fraction sent (0..1).
 * Resolves with the status and the JSON answer of a 2xx; rejects with ApiError otherwise.
 */
export function sendForm<T>(
  url: string,
  form: FormData,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status > 299)
        return reject(apiErrorFrom(xhr.status, xhr.responseText));
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) as T });
      } catch {
        reject(new ApiError(xhr.status, 'The server’s answer could not be read.', undefined, {}));
      }
    };
    xhr.onerror = () => reject(unreachable());
    xhr.send(form);
  });
}
