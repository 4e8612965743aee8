import { readFile } from 'node:fs/promises';
import { CLI_CALLER } from '../domain/audit/audit-entry.js';
import { publicationSettingsSchema } from '../domain/publication/publication-settings.js';
import { parseWith } from '../domain/validation.js';
import { applySettings } from '../services/apply-settings.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const SETTINGS_HELP = `Usage: dateline settings apply FILE.json [--json]
       dateline settings show

apply  validates the publication settings in FILE.json (name, editorInChief, timezone,
       locale, hijri {calendar, adjustDays, monthStartOverrides}, weather {provider,
       label, lat, lon}) and stores them; nothing is stored when any field is wrong.
show   prints the stored settings as JSON.`;

/** `settings apply FILE` and `settings show`; returns the exit code. */
export async function settingsCommand(context: CommandContext, terminal: Terminal, args: string[]) {
  const [action, file] = args;
  if (action === 'show') {
    const { settings } = await context.publication.current();
    terminal.out(JSON.stringify(settings, null, 2));
    return EXIT.ok;
  }
  if (action !== 'apply' || !file) throw new UsageError('expected: settings apply FILE.json');
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const settings = await applySettings(
    { stores: context.storage.stores, clock: context.clock },
    parseWith(publicationSettingsSchema, input),
    CLI_CALLER,
  );
  context.publication.invalidate();
  terminal.out(JSON.stringify(settings));
  return EXIT.ok;
}
