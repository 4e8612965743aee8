import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { recordImport } from '../services/audit/record-import.js';
import { importArticles, type ImportReport } from '../services/import-articles.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const IMPORT_HELP = `Usage: dateline import FILE.json... [--json]

Imports articles in the Dateline article format: one article or an array per file.
The body is an array of paragraphs, a Markdown string, or HTML ("bodyFormat": "html"),
which passes an allow-list sanitizer. A lead image file is read relative to the JSON file.
Each article is all-or-nothing; a malformed one is reported with the field at fault.
Stories are filed and published as the newsroom's are: a revision each, and webhooks and CDN
purges sent by the job worker (or \`dateline jobs run\`).

  --json   print {"imported":[{"id","url"}],"failed":[{"item","error"}]}

Exit codes: 0 all imported, 1 any failed, 2 usage error.`;

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return { __unparseable: `${file} is not valid JSON (${(error as Error).message})` };
  }
}

/** Imports every file; returns the exit code. */
export async function importFiles(
  context: CommandContext,
  terminal: Terminal,
  files: string[],
  json: boolean,
) {
  if (files.length === 0) throw new UsageError('name at least one JSON file to import');
  const total: ImportReport = { imported: [], failed: [] };
  let offset = 0;
  for (const file of files) {
    const input = await readJson(file);
    const parseError = (input as { __unparseable?: string }).__unparseable;
    const report = parseError
      ? { imported: [], failed: [{ item: 0, error: parseError }] }
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
