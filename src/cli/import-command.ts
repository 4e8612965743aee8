import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { recordImport } from '../services/audit/record-import.js';
import {
  emptyFileReport,
  importContent,
  type FileImportReport,
  type ImportTally,
} from '../services/import-file.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

const REPORT_LISTS = ['imported', 'queued', 'updated', 'skipped', 'failed', 'missing'] as const;

export const IMPORT_HELP = `Usage: dateline import FILE... [--json]

Imports stories from WordPress (WXR) and Ghost exports, and articles in the Dateline article
format (one article or an array per file). A file's format is told from its content, not its
name. Agency copy (RSS/Atom feeds, NewsML-G2, NITF, ninjs) lands in the wire queue, for
editors to make stories of: a version already there is skipped, a newer one updates its item.
An XML file that declares entities of its own (a DTD with <!ENTITY>) is refused unread.

WordPress and Ghost: posts and pages become stories (categories, or Ghost's primary tag, give
the section; tags; authors give bylines; dates, status and slugs kept, a taken slug getting a
suffix). A featured photo is fetched from its address when it can be; when not, the story is
imported without it and the photo reported under "missing". The old address of each post
answers with a permanent redirect to its story. WordPress files are streamed, never read whole.
Importing the same file again updates the stories whose source changed and leaves the rest:
an interrupted import is finished by running it again.

Our format: the body is an array of paragraphs, a Markdown string, or HTML ("bodyFormat":
"html"); a lead image file is read relative to the JSON file. HTML of every format passes an
allow-list sanitizer. Each item is all-or-nothing; a bad one is reported with its reason.
Stories are filed and published as the newsroom's are: a revision each, and webhooks and CDN
purges sent by the job worker (or \`dateline jobs run\`).

  --json   print {"imported":[{"id","url"}],"queued":[{"id"}],"updated":[{"id","url"}],
           "skipped":[{"item","reason"}],"failed":[{"item","error"}],
           "missing":[{"item","url","error"}]}

Exit codes: 0 nothing failed, 1 any item failed, 2 usage error.`;

/** One file's outcomes added to `tally`; answers how many article numbers it used. */
async function importFile(
  context: CommandContext,
  file: string,
  tally: ImportTally,
  firstItem: number,
): Promise<number> {
  await access(file).catch(() => {
    throw new UsageError(`cannot read ${file}`);
  });
  const content = await context.importFiles.open(file, file, { bytesRead: 0 });
  return importContent(context.importDeps(dirname(resolve(file))), content, tally, { firstItem });
}

function printReport(terminal: Terminal, total: FileImportReport, json: boolean) {
  if (json) terminal.out(JSON.stringify(total));
  else {
    for (const done of total.imported) terminal.out(`imported ${done.id} ${done.url}`);
    for (const item of total.queued)
      terminal.out(`${item.updated ? 'updated wire item' : 'queued wire item'} ${item.id}`);
    for (const done of total.updated) terminal.out(`updated ${done.id} ${done.url}`);
    for (const left of total.skipped) terminal.out(`skipped ${left.item}: ${left.reason}`);
  }
  for (const photo of total.missing)
    terminal.err(`import: ${photo.item}: photo missing, ${photo.url}: ${photo.error}`);
  for (const failure of total.failed)
    terminal.err(`import: item ${failure.item}: ${failure.error}`);
}

/** Imports every file; returns the exit code. */
export async function importFiles(
  context: CommandContext,
  terminal: Terminal,
  files: string[],
  json: boolean,
) {
  if (files.length === 0) throw new UsageError('name at least one file to import');
  const total = emptyFileReport();
  let firstItem = 0;
  for (const file of files) {
    const tally = { report: emptyFileReport() };
    firstItem += await importFile(context, file, tally, firstItem);
    const { report } = tally;
    await recordImport(context, {
      file,
      imported: report.imported.length + report.updated.length + report.queued.length,
      failed: report.failed.length,
    });
    // One at a time: a spread `push` overflows the stack past about 100,000 entries.
    for (const list of REPORT_LISTS)
      for (const entry of report[list]) (total[list] as unknown[]).push(entry);
  }
  context.publication.invalidate();
  printReport(terminal, total, json);
  return total.failed.length === 0 ? EXIT.ok : EXIT.failure;
}
