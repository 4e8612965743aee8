/**
 * Which kind of file `dateline import` was given, told from its content, never its name: the
 * same `.xml` may be a WordPress export, a feed or an agency's NewsML-G2, and a `.json` may be
 * ours, Ghost's or IPTC's ninjs.
 */

/** Files that become stories: an archive moving in. */
export const ARCHIVE_FORMATS = ['article-json', 'wxr', 'ghost'] as const;
/** Files that land on the wire desk: agency copy for editors to pick from. */
export const WIRE_FORMATS = ['rss', 'atom', 'newsml-g2', 'newsml-1', 'nitf', 'ninjs'] as const;

export type ImportFormat = (typeof ARCHIVE_FORMATS)[number] | (typeof WIRE_FORMATS)[number];

/** Whether a file of this format is agency copy, for the wire queue rather than the archive. */
export const isWireFormat = (format: string): format is (typeof WIRE_FORMATS)[number] =>
  (WIRE_FORMATS as readonly string[]).includes(format);

/** What people call each format, for messages. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  'article-json': 'Dateline article JSON',
  wxr: 'WordPress export (WXR)',
  ghost: 'Ghost export',
  rss: 'RSS feed',
  atom: 'Atom feed',
  'newsml-g2': 'IPTC NewsML-G2',
  'newsml-1': 'NewsML 1',
  nitf: 'NITF',
  ninjs: 'IPTC ninjs',
};

const G2_ROOTS = ['newsitem', 'newsmessage', 'packageitem', 'conceptitem', 'planningitem'];

/** The name of the first element, past the declaration, comments, PIs and DOCTYPE. */
export function rootElementName(head: string): string | undefined {
  const body = head
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
  return /<([A-Za-z_][\w:.-]*)/.exec(body)?.[1]?.toLowerCase();
}

/** An XML file's format from its first few kilobytes, or undefined when it is none we read. */
export function detectXmlFormat(head: string): ImportFormat | undefined {
  const root = rootElementName(head);
  if (root === undefined) return undefined;
  const local = root.replace(/^[\w.-]+:/, '');
  if (root === 'rss') return /xmlns:wp\s*=|wordpress\.org\/export/i.test(head) ? 'wxr' : 'rss';
  // RSS 1.0 is RDF; Microsoft's CDF `<CHANNEL>` is the feed format RSS grew beside.
  if (root === 'rdf:rdf' || root === 'channel') return 'rss';
  if (local === 'feed') return 'atom';
  if (G2_ROOTS.includes(local)) return 'newsml-g2';
  if (local === 'newsml') return 'newsml-1';
  if (local === 'nitf') return 'nitf';
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ghost's exports: `{db: [{meta, data}]}`, `{meta, data}`, or the migrate tool's `{posts}`. */
function isGhost(value: Record<string, unknown>): boolean {
  if (Array.isArray(value.db)) return true;
  if (isObject(value.data) && ('posts' in value.data || 'users' in value.data)) return true;
  // Ghost's own import tests wrap an export once more, beside its images: `{images, data}`.
  if (isObject(value.data) && isGhost(value.data)) return true;
  return Array.isArray(value.posts) && value.posts.every((p) => isObject(p) && 'data' in p);
}

/** ninjs items name themselves by `uri` (3.x) or `guid` (1.x), with a version time. */
function isNinjs(value: Record<string, unknown>): boolean {
  const named = typeof value.uri === 'string' || typeof value.guid === 'string';
  return named && ('versionCreated' in value || 'versioncreated' in value);
}

/** A parsed JSON file's format, or undefined when it is none we read. */
export function detectJsonFormat(value: unknown): ImportFormat | undefined {
  if (Array.isArray(value)) return value.every(isObject) ? 'article-json' : undefined;
  if (!isObject(value)) return undefined;
  if (isGhost(value)) return 'ghost';
  if (isNinjs(value)) return 'ninjs';
  // Anything else is read as ours, so the report names the field at fault.
  return 'article-json';
}
