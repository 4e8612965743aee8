/** How deep quotes, lists and list items may nest: three levels of lists, item inside item. */
export const MAX_NESTING = 6;

// Text blocks hold inline nodes, which never nest further.
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

/**
 * The path (`body.content[0].content[1]…`) of the first container nested deeper than
 * MAX_NESTING, or null. Walks raw JSON, recursing at most MAX_NESTING + 1 levels.
 */
export function findTooDeepNode(json: unknown): string | null {
  return walk(json, 'body', 0);
}

function walk(node: unknown, path: string, depth: number): string | null {
  const content = contentOf(node);
  if (content === undefined) return null;
  for (let index = 0; index < content.length; index++) {
    const child = content[index];
    if (!isContainer(child)) continue;
    const childPath = `${path}.content[${index}]`;
    if (depth + 1 > MAX_NESTING) return childPath;
    const found = walk(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function isContainer(node: unknown): boolean {
  if (contentOf(node) === undefined) return false;
  const type = (node as { type?: unknown }).type;
  return typeof type !== 'string' || !TEXT_BLOCKS.has(type);
}

function contentOf(node: unknown): unknown[] | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const content = (node as { content?: unknown }).content;
  return Array.isArray(content) ? content : undefined;
}
