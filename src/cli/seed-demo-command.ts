import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publicationSettingsSchema } from '../domain/publication/publication-settings.js';
import { parseWith } from '../domain/validation.js';
import { applySettings } from '../services/apply-settings.js';
import { importArticles } from '../services/import-articles.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT } from './command-context.js';
import { packageRoot } from '../config/package-root.js';

export const SEED_DEMO_HELP = `Usage: dateline seed-demo [--json]

Loads the demo newspaper (publication settings, sections, authors, articles and photos)
into an empty database. Does nothing when articles already exist.`;

/** Seeds the demo content; returns the exit code. */
export async function seedDemo(context: CommandContext, terminal: Terminal, json = false) {
  if (await context.storage.stores.articles.any()) {
    terminal.err('seed-demo: the database already has articles; nothing to do');
    if (json) terminal.out(JSON.stringify({ seeded: false }));
    return EXIT.ok;
  }
  const demoDir = join(packageRoot(), 'demo');
  const publication = JSON.parse(
    await readFile(join(demoDir, 'publication.json'), 'utf8'),
  ) as unknown;
  await applySettings(
    { stores: context.storage.stores, clock: context.clock },
    parseWith(publicationSettingsSchema, publication),
  );
  const articles = JSON.parse(await readFile(join(demoDir, 'articles.json'), 'utf8')) as unknown;
  const report = await importArticles(context.importDeps(demoDir), articles);
  context.publication.invalidate();
  if (json) terminal.out(JSON.stringify({ seeded: true, ...report }));
  else
    terminal.err(
      `seed-demo: ${report.imported.length} articles imported, ${report.failed.length} failed`,
    );
  for (const failure of report.failed) terminal.err(`  item ${failure.item}: ${failure.error}`);
  return report.failed.length === 0 ? EXIT.ok : EXIT.failure;
}
