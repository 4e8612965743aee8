import type { parseDocument } from 'htmlparser2';

/** A node of the tree htmlparser2 builds (domhandler's ChildNode, which it does not re-export). */
export type DomNode = ReturnType<typeof parseDocument>['children'][number];

/** An element of that tree. */
export type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
