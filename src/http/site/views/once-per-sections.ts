import type { Section } from '../../../domain/section/section.js';
import type { SafeHtml } from '../../jsx/jsx.js';

/**
 * Parts of every page that follow only the sections (the navigation, the footer's links) are
 * rendered once per publication snapshot: its sections list is one array until settings or
 * sections change, and the parts are dropped with it.
 */
const rendered = new WeakMap<readonly Section[], Map<string, SafeHtml>>();

/** The part named `key` for these sections, rendered on first use. */
export function oncePerSections(
  sections: readonly Section[],
  key: string,
  render: () => SafeHtml,
): SafeHtml {
  let parts = rendered.get(sections);
  if (!parts) {
    parts = new Map();
    rendered.set(sections, parts);
  }
  let part = parts.get(key);
  if (!part) {
    part = render();
    parts.set(key, part);
  }
  return part;
}
