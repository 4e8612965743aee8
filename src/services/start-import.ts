import { entryBy } from '../domain/audit/audit-entry.js';
import { invalid, isDomainError, tooLarge } from '../domain/errors.js';
import { formatFileSize } from '../domain/media/file-size.js';
import { HEARTBEAT_MS, keptReport, type ImportRun } from '../domain/import/import-run.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import { refuseUnstorableText } from '../domain/storable-text.js';
import type { ForeignImportDeps } from './import-foreign-stories.js';
import { countsOf, emptyFileReport, importContent, type ImportTally } from './import-file.js';
import type { ImportContent, ImportFiles, ImportUploads, ReadProgress } from './import-ports.js';
import type { ImportsUnderWay } from './imports-under-way.js';

export interface UploadImportDeps extends ForeignImportDeps {
  importFiles: ImportFiles;
  uploads: ImportUploads;
  /** The longest file an upload may be (IMPORT_UPLOAD_MAX_MB). */
  maxBytes: number;
  /** Sections and bylines an import adds must show on the next page this server renders. */
  afterImport(): void;
  log(message: string): void;
  /** The imports this server runs, stopped with it. */
  underWay: ImportsUnderWay;
  /** How often progress is noted: `HEARTBEAT_MS` unless a test wants to watch closely. */
  progressEveryMs?: number;
}

/** An uploaded file: its own name, and its bytes as they arrive. */
export interface ImportUpload {
  name: string;
  stream: AsyncIterable<Uint8Array>;
}

/** The name to show for the file: its last part, as browsers send it, without control bytes. */
function fileNameOf(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base) throw invalid('file: the upload names no file', 'file');
  refuseUnstorableText(base, 'file');
  return base.slice(0, 200);
}

/** Ends the run with its report, or with why it stopped, and notes it in the audit trail. */
async function endRun(
  deps: UploadImportDeps,
  actor: Actor,
  run: ImportRun,
  tally: ImportTally,
  bytesRead: number,
  error: string | null,
) {
  const counts = countsOf(tally);
  const status = error === null ? ('finished' as const) : ('failed' as const);
  const report = keptReport(tally.report);
  const { stores } = deps.storage;
  await stores.importRuns.finish(
    run.id,
    { status, bytesRead, counts, report, error },
    deps.clock.now(),
  );
  const details = { file: run.fileName, format: run.format, ...counts };
  const entry = entryBy(actor, 'import.ran', {
    target: { type: 'import_run', id: run.id },
    details,
  });
  await stores.audit.record(entry, deps.clock.now());
}

const STOPPED =
  'the server stopped before the file was done: upload it again to finish it (what was imported stays, and is not imported twice)';

/**
 * Imports the file in the background of this server: notes its progress every
 * `HEARTBEAT_MS` (the heartbeat that tells a live run from one whose server stopped), then
 * its report. Never rejects: what goes wrong ends the run as failed, with the reason.
 */
async function runImport(
  deps: UploadImportDeps,
  actor: Actor,
  run: ImportRun,
  content: ImportContent,
  progress: ReadProgress,
  path: string,
): Promise<void> {
  const tally: ImportTally = { report: emptyFileReport() };
  const note = () =>
    deps.storage.stores.importRuns
      .progress(
        run.id,
        { bytesRead: progress.bytesRead, counts: countsOf(tally) },
        deps.clock.now(),
      )
      .catch((error: unknown) =>
        deps.log(`import ${run.id}: progress not noted: ${String(error)}`),
      );
  const ticker = setInterval(() => void note(), deps.progressEveryMs ?? HEARTBEAT_MS);
  let error: string | null = null;
  try {
    await importContent(deps, content, tally, { signal: deps.underWay.signal });
    if (tally.stopped) error = STOPPED;
  } catch (thrown) {
    error = isDomainError(thrown) ? thrown.message : 'the import stopped on an error of ours';
    if (!isDomainError(thrown)) deps.log(`import ${run.id} (${run.fileName}): ${String(thrown)}`);
  } finally {
    clearInterval(ticker);
  }
  try {
    await endRun(deps, actor, run, tally, Math.min(progress.bytesRead, run.sizeBytes), error);
    deps.afterImport();
  } catch (thrown) {
    deps.log(`import ${run.id}: its end could not be recorded: ${String(thrown)}`);
  } finally {
    await deps.uploads.discard(path).catch(() => {});
  }
}

/**
 * Receives an uploaded file to a temporary file (a longer one than allowed is refused as too
 * large), tells its format from its content (empty or unreadable: refused with the reason),
 * and starts importing it in the background of this server (ADR 0059). Answers the run at
 * once, and the promise of its end (which never rejects).
 */
export async function startImport(
  deps: UploadImportDeps,
  actor: Actor,
  upload: ImportUpload,
): Promise<{ run: ImportRun; finished: Promise<void> }> {
  authorize(actor, 'import.run');
  const fileName = fileNameOf(upload.name);
  const spooled = await deps.uploads.receive(upload.stream, deps.maxBytes).catch((error) => {
    if (!isDomainError(error) || error.kind !== 'too_large') throw error;
    const limit = formatFileSize(deps.maxBytes);
    throw tooLarge(`${fileName} is larger than ${limit}, the most an import may be`);
  });
  try {
    if (spooled.bytes === 0) throw invalid(`file: ${fileName} is empty`, 'file');
    const progress = { bytesRead: 0 };
    const content = await deps.importFiles.open(spooled.path, fileName, progress);
    if ('unreadable' in content) throw invalid(`file: ${content.unreadable}`, 'file');
    const run = await deps.storage.stores.importRuns.start(
      { startedBy: actor.userId, fileName, format: content.format, sizeBytes: spooled.bytes },
      deps.clock.now(),
    );
    const finished = runImport(deps, actor, run, content, progress, spooled.path);
    deps.underWay.add(finished);
    return { run, finished };
  } catch (error) {
    await deps.uploads.discard(spooled.path);
    throw error;
  }
}
