import { dirname, resolve } from 'node:path';
import { recordImport } from '../services/audit/record-import.js';
import { importArticles, type ImportReport } from '../services/import-articles.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';
import { notYetImported, readImportFile } from './import-file-reader.js';

export const IMPORT_HELP = `Usage: dateline import FILE... [--json]

Imports articles in the Dateline article format: one article or an array per file.
A file's format is told from its content, not its name. WordPress (WXR) and Ghost exports,
RSS/Atom feeds, NewsML-G2, NITF and ninjs are recognised and reported as not imported yet;
an XML file that declares entities of its own (a DTD with <!ENTITY>) is refused unread.
The body is an array of paragraphs, a Markdown string, or HTML ("bodyFormat": "html"),
which passes an allow-list sanitizer. A lead image file is read relative to the JSON file.
Each article is all-or-nothing; a malformed one is reported with the field at fault.
Stories are filed and published as the newsroom's are: a revision each, and webhooks and CDN
purges sent by the job worker (or \`dateline jobs run\`).

  --json   print {"imported":[{"id","url"}],"failed":[{"item","error"}]}

Exit codes: 0 all imported, 1 any failed, 2 usage error.`;

/** Imports every file; returns the exit code. */
export async function importFiles(
  context: CommandContext,
  terminal: Terminal,
  files: string[],
  json: boolean,
) {
  if (files.length === 0) throw new UsageError('name at least one file to import');
  const total: ImportReport = { imported: [], failed: [] };
  let offset = 0;
  for (const file of files) {
    const read = await readImportFile(file);
    const input = 'json' in read ? read.json : undefined;
    const refusal =
      'unreadable' in read
        ? read.unreadable
        : read.format !== 'article-json'
          ? notYetImported(file, read.format)
          : undefined;
    const report = refusal
      ? { imported: [], failed: [{ item: 0, error: refusal }] }
      : await importArticles(context.importDeps(dirname(resolve(file))), input);
    await recordImport(context, {
      file,
      imported: report.imported.length,
      failed: report.failed.length,
    });
    total.imported.push(...report.imported);
    total.failed.push(...report.failed.map((f) => ({ ...f, item: f.item + offset })));
    offset += Array.isArray(input) ? input.length : 1;
  }
  context.publication.invalidate();
  if (json) terminal.out(JSON.stringify(total));
  else {
    for (const done of total.imported) terminal.out(`imported ${done.id} ${done.url}`);
  }
  for (const failure of total.failed)
    terminal.err(`import: item ${failure.item}: ${failure.error}`);
  return total.failed.length === 0 ? EXIT.ok : EXIT.failure;
}
