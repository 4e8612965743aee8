import { z } from 'zod';
import { ARCHIVE_FORMATS, WIRE_FORMATS } from '../../../domain/import/import-format.js';
import { recordIdParam } from '../../../domain/validation.js';

export const listImportsInput = z.object({}).strict();
export const importIdInput = z.object({ id: recordIdParam }).strict();
export const startImportInput = z.object({}).strict();

/** The upload's form, for the documentation. */
export const importUploadForm = z.object({
  file: z
    .string()
    .describe(
      'The file (binary): a WordPress export (WXR), a Ghost export, Dateline article JSON, or agency copy (RSS, Atom, NewsML-G2, NITF, ninjs)',
    ),
});

const count = z.number().int().min(0);

const counts = z.object({
  imported: count,
  updated: count,
  queued: count,
  skipped: count,
  failed: count,
  missing: count,
});

const storyLink = z.object({ id: z.number().int(), url: z.string() });

/** The finished import's report: each list holds at most its first 1,000 entries. */
const report = z.object({
  imported: z.array(storyLink),
  updated: z.array(storyLink),
  /** Wire items: new, or `updated` when the file held a newer version of one. */
  queued: z.array(z.object({ id: z.number().int(), updated: z.literal(true).optional() })),
  skipped: z.array(z.object({ item: z.string(), reason: z.string() })),
  failed: z.array(
    z.object({
      item: z.union([z.string(), z.number().int()]),
      error: z.string(),
      field: z.string().optional(),
    }),
  ),
  missing: z.array(z.object({ item: z.string(), url: z.string(), error: z.string() })),
});

/** An import as the page shows it: who, what, how far, and at the end what came of it. */
export const importRunOutput = z.object({
  id: z.number().int(),
  startedBy: z.object({ id: z.number().int(), name: z.string().nullable() }),
  fileName: z.string(),
  format: z.enum([...ARCHIVE_FORMATS, ...WIRE_FORMATS]),
  /** The format as people call it. */
  formatName: z.string(),
  sizeBytes: count,
  bytesRead: count,
  /** `interrupted`: its server stopped before it finished; import the file again to finish it. */
  status: z.enum(['running', 'finished', 'failed', 'interrupted']),
  counts,
  /** Once finished; null while running, in the list, or when it failed. */
  report: report.nullable(),
  error: z.string().nullable(),
  startedAt: z.string().datetime(),
  /** When its server last noted progress. */
  heartbeatAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
});

export const oneImportOutput = z.object({ run: importRunOutput });
export const importListOutput = z.object({
  runs: z.array(importRunOutput),
  /** The longest file the server accepts, in bytes. */
  maxBytes: z.number().int(),
});

export type ImportRunView = z.infer<typeof importRunOutput>;
