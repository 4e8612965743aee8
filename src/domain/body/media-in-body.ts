/**
 * The library photos a body shows inline: image nodes that carry a mediaId. Walks the raw
 * JSON so it works on any stored body, whatever else the schema has learned since.
 */
export function mediaIdsInBody(body: unknown): number[] {
  const found = new Set<number>();
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const { type, attrs, content } = node as { type?: unknown; attrs?: unknown; content?: unknown };
    if (type === 'image' && typeof attrs === 'object' && attrs !== null) {
      const id = (attrs as { mediaId?: unknown }).mediaId;
      if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) found.add(id);
    }
    if (Array.isArray(content)) stack.push(...(content as unknown[]));
  }
  return [...found].sort((a, b) => a - b);
}
