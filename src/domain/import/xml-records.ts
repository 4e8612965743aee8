/**
 * A streaming reader of XML exports: it hands over one record (a WXR `<item>`, a feed's
 * `<entry>`, a NewsML-G2 `<newsItem>`) at a time as a small tree, so memory is bounded by the
 * largest record, not the file. sax in its lenient mode reads what real exports contain (raw
 * `&` in URLs, HTML entities such as `&nbsp;`); it never expands an entity of the file's own,
 * and a file that declares any (`<!ENTITY …>` in its DTD) is refused outright: that is how XML
 * is made to read a server's files (XXE) or fill its memory (billion laughs). No DTD is fetched.
 */
import sax from 'sax';

export interface XmlElement {
  /** The element's name as written, lower-cased: `wp:post_id`, `newsitem`. */
  name: string;
  attributes: Record<string, string>;
  /** Text and elements in document order. */
  content: (string | XmlElement)[];
}

/** Why a whole file cannot be read: names what is wrong, for the import report. */
export class XmlRefusedError extends Error {}

/** Says which open elements (by their path from the root) are records to hand over. */
export type RecordPicker = (path: readonly string[]) => boolean;

export interface XmlRecord {
  path: string[];
  element: XmlElement;
}

/** How the document ended: `complete` false when it stopped inside an element (cut short). */
export interface XmlEnd {
  complete: boolean;
}

const ENTITY_DECLARATION = /<!ENTITY/i;

/** The records of an XML document read from `chunks` of text, in document order. */
export async function* readXmlRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  isRecord: RecordPicker,
): AsyncGenerator<XmlRecord, XmlEnd> {
  const parser = sax.parser(false, { lowercase: true, trim: false, normalize: false });
  const path: string[] = [];
  const open: XmlElement[] = [];
  let ready: XmlRecord[] = [];
  let refusal: XmlRefusedError | undefined;
  parser.ondoctype = (doctype) => {
    if (ENTITY_DECLARATION.test(doctype))
      refusal ??= new XmlRefusedError(
        'the file declares entities of its own (<!ENTITY …> in its DOCTYPE); Dateline reads no ' +
          'DTD and expands no such entity, so files that use them are refused',
      );
  };
  parser.onopentag = (tag) => {
    path.push(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (open.length === 0 && !isRecord(path)) return;
    const element: XmlElement = { name: tag.name, attributes: { ...attributes }, content: [] };
    open.at(-1)?.content.push(element);
    open.push(element);
  };
  parser.onclosetag = () => {
    const element = open.pop();
    if (element && open.length === 0) ready.push({ path: [...path], element });
    path.pop();
  };
  const onText = (text: string) => {
    const current = open.at(-1);
    if (current) current.content.push(text);
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onerror = () => {
    // Lenient mode reports what it repaired (an unquoted attribute, a stray `<`) and goes on.
    parser.error = null as unknown as Error;
  };
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (refusal) throw refusal;
    yield* ready;
    ready = [];
  }
  parser.close();
  if (refusal) throw refusal;
  yield* ready;
  return { complete: path.length === 0 && open.length === 0 };
}

/** An element's text, its children's included, as a reader would see it. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.content.map((part) => (typeof part === 'string' ? part : textOf(part))).join('');
}

/** The first child element named `name` (lower-case, prefix included). */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.content.find(
    (part): part is XmlElement => typeof part !== 'string' && part.name === name,
  );
}

/** Every child element named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return (element?.content ?? []).filter(
    (part): part is XmlElement => typeof part !== 'string' && part.name === name,
  );
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The markup inside an element (an NITF `<body.content>`), escaped again, for the sanitizer. */
export function innerMarkup(element: XmlElement): string {
  return element.content
    .map((part) => {
      if (typeof part === 'string') return escapeText(part);
      const attributes = Object.entries(part.attributes)
        .map(([name, value]) => ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`)
        .join('');
      return `<${part.name}${attributes}>${innerMarkup(part)}</${part.name}>`;
    })
    .join('');
}
