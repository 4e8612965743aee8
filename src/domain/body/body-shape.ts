/** How deep quotes, lists and list items may nest: three levels of lists, item inside item. */
export const MAX_NESTING = 6;

/** How many blocks a body may hold, counting those inside lists and quotes. */
export const MAX_BLOCKS = 2_000;

// Text blocks hold inline nodes, which never nest further.
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

/**
 * What is wrong with the raw JSON's overall shape (too deep, too many blocks), as a message
 * naming the path, or null. Recursion stops at MAX_NESTING, so hostile input cannot exhaust
 * the stack; the schema checks everything else.
 */
export function findShapeProblem(json: unknown): string | null {
  const walk = { blocks: 0 };
  return visit(json, 'body', 0, walk);
}

function visit(
  node: unknown,
  path: string,
  depth: number,
  walk: { blocks: number },
): string | null {
  const content = contentOf(node);
  if (content === undefined) return null;
  for (let index = 0; index < content.length; index++) {
    const childPath = `${path}.content[${index}]`;
    if (++walk.blocks > MAX_BLOCKS)
      return `${childPath}: a body holds at most ${MAX_BLOCKS} blocks`;
    const child = content[index];
    if (!isContainer(child)) continue;
    if (depth + 1 > MAX_NESTING)
      return `${childPath}: blocks nest at most ${MAX_NESTING} levels deep`;
    const problem = visit(child, childPath, depth + 1, walk);
    if (problem !== null) return problem;
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
