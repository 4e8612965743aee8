import { CLI_CALLER } from '../../domain/audit/audit-entry.js';
import type { Clock, Reads, Stores } from '../ports.js';

/** Notes in the audit trail an import run from the command line: the file and its counts. */
export async function recordImport(
  deps: { storage: Reads<Pick<Stores, 'audit'>>; clock: Clock },
  run: { file: string; imported: number; failed: number },
): Promise<void> {
  await deps.storage.stores.audit.record(
    {
      event: 'import.ran',
      actor: CLI_CALLER,
      target: { type: 'file', id: run.file },
      details: { imported: run.imported, failed: run.failed },
    },
    deps.clock.now(),
  );
}
