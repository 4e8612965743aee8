import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { invalid, isDomainError } from '../domain/errors.js';
import { exportArchive, type ExportFolder } from '../services/export-archive.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const EXPORT_HELP = `Usage: dateline export DIR [--drafts] [--json]

Writes the paper's archive into DIR (made if missing; it must be empty) in the formats
Dateline reads back, so the paper can always leave, or move, with it:

  settings.json          the publication's settings, for \`dateline settings apply\`
  articles/NNNNNN.json   every published article, a hundred a file, for \`dateline import\`
                         (body, section, bylines, tags, dates, slug, lead photo, corrections)
  photos/HASH/NAME       every photo's original file, with photo.json (its library details)
  sections.json          every section; authors.json every author profile

Taken-down and killed stories are left out.

  --drafts  also drafts and stories in review (scheduled ones go in as in review)
  --json    print {"dir","articles","skipped","photos","sections","authors","settings",
            "missingPhotos"}

Read it back into an empty database:
  dateline settings apply DIR/settings.json && dateline import DIR/articles/*.json

Exit codes: 0 written, 1 failed, 2 usage error.`;

/** The export folder on disk; an existing folder must be empty so two exports never mix. */
async function folderAt(dir: string): Promise<ExportFolder> {
  try {
    await mkdir(dir, { recursive: true });
    if ((await readdir(dir)).length > 0) throw invalid(`${dir} is not empty: name a new folder`);
    // A folder that cannot take files fails here, before any work.
    await writeFile(join(dir, '.dateline-export'), '');
    await rm(join(dir, '.dateline-export'));
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw invalid(`cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return {
    async write(path, content) {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    },
  };
}

/** `dateline export DIR`; returns the exit code. */
export async function exportCommand(
  context: CommandContext,
  terminal: Terminal,
  args: string[],
  options: { drafts: boolean; json: boolean },
) {
  const [target, ...extra] = args;
  if (!target) throw new UsageError('name the folder to export to: dateline export DIR');
  if (extra.length > 0) throw new UsageError(`one folder only; unexpected ${extra.join(' ')}`);
  const dir = resolve(target);
  const folder = await folderAt(dir);
  const report = await exportArchive(
    { stores: context.storage.stores, files: context.media.files },
    folder,
    { drafts: options.drafts },
  );
  if (options.json) terminal.out(JSON.stringify({ dir, ...report }));
  else
    terminal.out(
      `exported ${report.articles} articles, ${report.photos} photos, ${report.sections} ` +
        `sections and ${report.authors} authors to ${dir}` +
        (report.skipped ? ` (${report.skipped} articles left out)` : ''),
    );
  for (const name of report.missingPhotos)
    terminal.err(`export: the original of photo ${name} is missing from the media store`);
  return report.missingPhotos.length === 0 ? EXIT.ok : EXIT.failure;
}
