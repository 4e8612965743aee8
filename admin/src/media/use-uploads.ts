import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaItem } from '../api/types.js';
import { messageOf } from '../components/use-load.js';
import { currentCsrfToken, uploadPhoto, type Uploaded } from './upload-photo.js';
import { createUploadQueue } from './upload-queue.js';

/** More at once would only share the same connection and keep every bar crawling. */
export const MAX_PARALLEL_UPLOADS = 3;

export type UploadState = 'waiting' | 'sending' | 'uploaded' | 'known' | 'refused';

/** One file of a batch, as its row in the list shows it. */
export interface Upload {
  key: number;
  name: string;
  state: UploadState;
  /** Fraction sent, 0..1. */
  progress: number;
  /** The server's refusal, when refused. */
  message: string;
  item: MediaItem | null;
}

interface Job {
  key: number;
  file: File;
  token: Promise<string | null>;
}

/**
 * Uploads files, at most MAX_PARALLEL_UPLOADS at a time, keeping a row per file for the list;
 * `onUploaded` hears of every photo that is now in the library (new or already there).
 */
export function useUploads(onUploaded: (item: MediaItem, isNew: boolean) => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(1);
  const live = useRef(true);
  const heard = useRef(onUploaded);
  heard.current = onUploaded;

  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const update = (key: number, changes: Partial<Upload>) => {
    if (live.current)
      setUploads((rows) => rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  };

  const finished = (key: number, outcome: Uploaded) => {
    update(key, {
      state: outcome.isNew ? 'uploaded' : 'known',
      progress: 1,
      item: outcome.item,
    });
    if (live.current) heard.current(outcome.item, outcome.isNew);
  };

  const run = async (job: Job) => {
    update(job.key, { state: 'sending' });
    try {
      const token = await job.token;
      const outcome = await uploadPhoto(job.file, token, (progress) =>
        update(job.key, { progress }),
      );
      finished(job.key, outcome);
    } catch (caught) {
      update(job.key, { state: 'refused', message: messageOf(caught) });
    }
  };

  // Made once: `run` reaches the rows only through setters and refs, which never change.
  const [queue] = useState(() => createUploadQueue<Job>(MAX_PARALLEL_UPLOADS, run));

  /** Queues the files; they start as soon as fewer than three are being sent. */
  const add = (files: File[]) => {
    if (files.length === 0) return;
    const token = currentCsrfToken();
    // A failed token request is reported by each file's row, not as an unhandled rejection.
    token.catch(() => undefined);
    const jobs = files.map((file) => ({ key: nextKey.current++, file, token }));
    setUploads((rows) => [
      ...rows,
      ...jobs.map(({ key, file }) => ({
        key,
        name: file.name,
        state: 'waiting' as const,
        progress: 0,
        message: '',
        item: null,
      })),
    ]);
    queue.add(jobs);
  };

  /** Forgets the rows of files that are done (sent or refused). */
  const clearFinished = () =>
    setUploads((rows) => rows.filter((row) => row.state === 'waiting' || row.state === 'sending'));

  return { uploads, add, clearFinished };
}
