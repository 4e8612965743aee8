import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid, tooLarge } from '../../../domain/errors.js';
import { formatFileSize } from '../../../domain/media/file-size.js';
import { refuseUnstorableText } from '../../../domain/storable-text.js';
import { parseWith } from '../../../domain/validation.js';
import { deletePhoto } from '../../../services/media/delete-photo.js';
import { editPhoto } from '../../../services/media/edit-photo.js';
import type { MediaDeps } from '../../../services/media/media-deps.js';
import { listPhotos, listUploaders, readPhoto } from '../../../services/media/read-photos.js';
import { uploadFieldsSchema, uploadPhoto } from '../../../services/media/upload-photo.js';
import type { Stores } from '../../../services/ports.js';
import { defineEndpoint } from '../define-endpoint.js';
import { presentPhoto } from './media-presenter.js';
import {
  editPhotoInput,
  idParams,
  listPhotosInput,
  nothing,
  photoListOutput,
  photoOutput,
  photoWithUsageOutput,
  uploadersOutput,
  uploadForm,
} from './media-schema.js';

/** Text fields an upload may carry beside the file. */
const MAX_FIELDS = 10;

const uploaderNames = async (stores: Stores) =>
  new Map((await stores.media.uploaders()).map((u) => [u.id, u.name]));

const isTooLarge = (error: unknown) =>
  (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';

/** Reads the upload's file and fields, once the uploader has a place in the queue. */
async function receiveUpload(request: FastifyRequest, maxBytes: number) {
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS } });
  if (!part || part.fieldname !== 'file')
    throw invalid('file: send the photo in a field named file', 'file');
  const bytes = await part.toBuffer().catch((error: unknown) => {
    if (!isTooLarge(error)) throw error;
    const limit = formatFileSize(maxBytes);
    throw tooLarge(`${part.filename} is larger than ${limit}, the most a photo may be`);
  });
  const fields = Object.fromEntries(
    Object.values(part.fields)
      .flat()
      .filter((field) => field !== undefined && field.type === 'field')
      .map((field) => [field.fieldname, (field as { value: unknown }).value]),
  );
  // Multipart fields arrive after the edge's hook has looked at the request.
  refuseUnstorableText(fields);
  return { file: { name: part.filename, bytes }, fields: parseWith(uploadFieldsSchema, fields) };
}

/** The photo library: upload, list, read, change, delete. */
export function registerMediaRoutes(server: FastifyInstance, media: MediaDeps) {
  registerUpload(server, media);
  registerLibrary(server, media);
}

function registerUpload(server: FastifyInstance, media: MediaDeps) {
  const { stores } = media.storage;

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/media',
    input: nothing,
    output: photoOutput,
    multipart: uploadForm,
    permission: 'media.upload',
    status: 201,
    handle: async ({ actor, request, reply }) => {
      if (!request.isMultipart())
        throw invalid('file: send the photo as multipart/form-data in a field named file', 'file');
      const { media: photo, created } = await uploadPhoto(media, actor, () =>
        receiveUpload(request, media.limits.maxBytes),
      );
      const presented = presentPhoto(photo, await uploaderNames(stores), actor);
      // The same bytes were already in the library: the photo there, not a new one.
      if (!created) return reply.code(200).header('cache-control', 'no-store').send(presented);
      return presented;
    },
  });
}

function registerLibrary(server: FastifyInstance, media: MediaDeps) {
  const { stores } = media.storage;

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/media',
    input: listPhotosInput,
    output: photoListOutput,
    permission: 'media.upload',
    handle: async ({ input, actor }) => {
      const photos = await listPhotos(stores, actor, input);
      const names = await uploaderNames(stores);
      return photos.map((photo) => presentPhoto(photo, names, actor));
    },
  });

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/media/uploaders',
    input: nothing,
    output: uploadersOutput,
    permission: 'media.upload',
    handle: ({ actor }) => listUploaders(stores, actor),
  });

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/media/:id',
    input: idParams,
    output: photoWithUsageOutput,
    permission: 'media.upload',
    handle: async ({ input, actor }) => {
      const photo = await readPhoto(stores, actor, input.id);
      return { ...presentPhoto(photo, await uploaderNames(stores), actor), usage: photo.usage };
    },
  });

  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/media/:id',
    input: editPhotoInput,
    output: photoOutput,
    permission: 'media.upload',
    handle: async ({ input, actor }) => {
      const { id, ...changes } = input;
      const photo = await editPhoto(media, actor, id, changes);
      return presentPhoto(photo, await uploaderNames(stores), actor);
    },
  });

  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/media/:id',
    input: idParams,
    output: z.void(),
    permission: 'media.upload',
    status: 204,
    handle: async ({ input, actor }) => {
      await deletePhoto(media, actor, input.id);
      return undefined;
    },
  });
}
