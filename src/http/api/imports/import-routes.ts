import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid, tooLarge } from '../../../domain/errors.js';
import { FORMAT_NAMES } from '../../../domain/import/import-format.js';
import { formatFileSize } from '../../../domain/media/file-size.js';
import {
  listImportRuns,
  readImportRun,
  type SeenImportRun,
} from '../../../services/read-import-runs.js';
import { startImport, type UploadImportDeps } from '../../../services/start-import.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  importIdInput,
  importListOutput,
  importUploadForm,
  listImportsInput,
  oneImportOutput,
  startImportInput,
  type ImportRunView,
} from './import-schema.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

const present = (run: SeenImportRun): ImportRunView => ({
  id: run.id,
  startedBy: { id: run.startedBy, name: run.startedByName },
  fileName: run.fileName,
  format: run.format,
  formatName: FORMAT_NAMES[run.format],
  sizeBytes: run.sizeBytes,
  bytesRead: run.bytesRead,
  status: run.status,
  counts: run.counts,
  report: run.report,
  error: run.error,
  startedAt: run.startedAt.toISOString(),
  heartbeatAt: run.heartbeatAt.toISOString(),
  finishedAt: iso(run.finishedAt),
});

const SEND_A_FILE = 'file: send the file as multipart/form-data in a field named file';

/** The multipart upload's file part, streamed as it arrives; the limit is the spool's to keep. */
async function uploadedFile(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) throw invalid(SEND_A_FILE, 'file');
  // One byte past the limit, so that the spool, not the parser, says the file is too large.
  const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 0 } });
  if (!part || part.fieldname !== 'file') throw invalid(SEND_A_FILE, 'file');
  return { name: part.filename, stream: part.file };
}

const isTooLarge = (error: unknown) =>
  (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Imports from the newsroom (editors and up; ADR 0059): upload a file, which this server then
 * imports in the background; the run's progress and report, from any instance; recent runs.
 */
export function registerImportRoutes(server: FastifyInstance, deps: UploadImportDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/imports',
    input: startImportInput,
    output: oneImportOutput,
    multipart: importUploadForm,
    permission: 'import.run',
    status: 202,
    handle: async ({ actor, request }) => {
      const upload = await uploadedFile(request, deps.maxBytes);
      const started = await startImport(deps, actor, upload).catch((error: unknown) => {
        if (!isTooLarge(error)) throw error;
        // The spool stops a file a byte sooner; should the parser ever win, the answer is the same.
        const limit = formatFileSize(deps.maxBytes);
        throw tooLarge(`${upload.name} is larger than ${limit}, the most an import may be`);
      });
      // The import goes on after the answer; its end is recorded whatever happens.
      void started.finished;
      return { run: present(started.run) };
    },
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/imports',
    input: listImportsInput,
    output: importListOutput,
    permission: 'import.run',
    handle: async ({ actor }) => ({
      runs: (await listImportRuns(deps, actor)).map(present),
      maxBytes: deps.maxBytes,
    }),
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/imports/:id',
    input: importIdInput,
    output: oneImportOutput,
    permission: 'import.run',
    handle: async ({ actor, input }) => ({
      run: present(await readImportRun(deps, actor, input.id)),
    }),
  });
}
