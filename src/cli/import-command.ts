import { dirname, resolve } from 'node:path';
import type { ForeignItem } from '../domain/import/foreign-story.js';
import { isWireFormat } from '../domain/import/import-format.js';
import { recordImport } from '../services/audit/record-import.js';
import { importArticles } from '../services/import-articles.js';
import {
  emptyForeignReport,
  importForeignStories,
  type ForeignImportReport,
} from '../services/import-foreign-stories.js';
import { receiveWireItems } from '../services/wire/receive-wire-item.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';
import { ghostStories } from './ghost-file.js';
import { readImportFile, type ImportFile } from './import-file-reader.js';
import { wireRecordsOfFile } from './wire-file-records.js';
import { wxrStories } from './wxr-file.js';

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

/** The stories of another system's file, read as they are imported. */
function foreignItems(file: string, read: ImportFile): AsyncIterable<ForeignItem> | undefined {
  if ('format' in read && read.format === 'wxr') return wxrStories(file);
  if ('format' in read && read.format === 'ghost') return ghostStories(read.json);
  return undefined;
}

/** What `dateline import` reports: stories, and agency items queued (`updated` when newer). */
interface CommandReport extends ForeignImportReport {
  queued: { id: number; updated?: true }[];
}

const emptyReport = (): CommandReport => ({ ...emptyForeignReport(), queued: [] });

/** Agency copy into the wire queue, each item on its own. */
async function queueWireFile(context: CommandContext, file: string): Promise<CommandReport> {
  const deps = context.importDeps(dirname(resolve(file)));
  const wire = await receiveWireItems(deps, wireRecordsOfFile(file, {}));
  return {
    ...emptyReport(),
    queued: [...wire.queued, ...wire.updated.map(({ id }) => ({ id, updated: true as const }))],
    skipped: wire.skipped.map(({ ref, reason }) => ({ item: ref, reason })),
    failed: wire.failed.map(({ ref, error }) => ({ item: ref, error })),
  };
}

/** Adds `more` to `to`: a spread `push` overflows the stack past about 100,000 entries. */
function appendAll<T>(to: T[], more: readonly T[]) {
  for (const entry of more) to.push(entry);
}

/** One file's report, whatever its format. */
async function importFile(
  context: CommandContext,
  file: string,
  offset: number,
): Promise<{ report: CommandReport; count: number }> {
  const read = await readImportFile(file);
  if ('format' in read && isWireFormat(read.format))
    return { report: await queueWireFile(context, file), count: 0 };
  const deps = context.importDeps(dirname(resolve(file)));
  const foreign = foreignItems(file, read);
  if (foreign)
    return { report: { ...(await importForeignStories(deps, foreign)), queued: [] }, count: 0 };
  const report = emptyReport();
  if ('unreadable' in read || read.format !== 'article-json') {
    const error = 'unreadable' in read ? read.unreadable : `${file}: not a format Dateline reads`;
    report.failed.push({ item: offset, error });
    return { report, count: 1 };
  }
  const input = read.json;
  const done = await importArticles(deps, input);
  appendAll(report.imported, done.imported);
  report.failed.push(
    ...done.failed.map((f) => ({
      ...f,
      item: typeof f.item === 'number' ? f.item + offset : f.item,
    })),
  );
  return { report, count: Array.isArray(input) ? input.length : 1 };
}

function printReport(terminal: Terminal, total: CommandReport, json: boolean) {
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
  const total = emptyReport();
  let offset = 0;
  for (const file of files) {
    const { report, count } = await importFile(context, file, offset);
    await recordImport(context, {
      file,
      imported: report.imported.length + report.updated.length + report.queued.length,
      failed: report.failed.length,
    });
    appendAll(total.imported, report.imported);
    appendAll(total.queued, report.queued);
    appendAll(total.updated, report.updated);
    appendAll(total.skipped, report.skipped);
    appendAll(total.failed, report.failed);
    appendAll(total.missing, report.missing);
    offset += count;
  }
  context.publication.invalidate();
  printReport(terminal, total, json);
  return total.failed.length === 0 ? EXIT.ok : EXIT.failure;
}
