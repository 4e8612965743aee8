import type { MediaStorage } from '../../services/media/media-ports.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { S3MediaStorage } from './s3-media-storage.js';
import type { S3MediaStorageOptions } from './s3-media-storage.js';

/** Where media lives: a folder on this machine (the default) or a bucket shared by instances. */
export type MediaStorageSettings =
  { kind: 'local'; dir: string } | ({ kind: 's3' } & S3MediaStorageOptions);

/** The media store the settings (config.media.storage) describe. */
export function createMediaStorage(settings: MediaStorageSettings): MediaStorage {
  return settings.kind === 's3'
    ? new S3MediaStorage(settings)
    : new LocalMediaStorage(settings.dir);
}
