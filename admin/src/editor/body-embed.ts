/**
 * The body's `embed` node in Tiptap: one atom block shown as a card (provider, address and a
 * caption field), never a live frame — the newsroom app runs no one else's script.
 */
import { Node, type NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EmbedProviderEntry } from '../api/embeds.js';
import { loadEmbedProviders } from './embed-providers.js';

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  return made;
}

/** What the card says of the provider: its name, and a warning when it is not allowed. */
function describe(node: ProseMirrorNode, providers: EmbedProviderEntry[] | undefined) {
  const id = textOf(node.attrs.provider);
  const entry = providers?.find((p) => p.id === id);
  const name = entry?.name ?? id;
  const warning =
    entry && !entry.allowed
      ? `${name} is not on the publication’s allow-list: readers will see a link, not the embed.`
      : '';
  return { noun: entry?.noun ?? `${name} embed`, warning };
}

/** The card of one embed; the caption field writes the node's `caption` as it is typed. */
function embedCard({ node: initial, getPos, editor }: NodeViewRendererProps) {
  let node = initial;
  let providers: EmbedProviderEntry[] | undefined;
  const dom = element('figure', 'embed-card');
  dom.contentEditable = 'false';
  dom.setAttribute('data-embed-provider', textOf(node.attrs.provider));
  const heading = element('p', 'embed-card-provider');
  const address = element('p', 'embed-card-url');
  const warning = element('p', 'embed-card-warning');
  const label = element('label');
  const input = element('input');
  input.type = 'text';
  input.readOnly = !editor.isEditable;
  label.append('Caption ', input);
  const remove = element('button', 'quiet');
  remove.type = 'button';
  remove.textContent = 'Remove embed';
  remove.hidden = !editor.isEditable;
  dom.append(heading, address, warning, label, remove);

  const sync = () => {
    const { noun, warning: warned } = describe(node, providers);
    heading.textContent = noun;
    dom.setAttribute('aria-label', noun);
    address.textContent = textOf(node.attrs.url);
    warning.textContent = warned;
    warning.hidden = warned === '';
    input.setAttribute('aria-label', `Caption of the ${noun}`);
    if (document.activeElement !== input) input.value = textOf(node.attrs.caption);
  };
  sync();
  void loadEmbedProviders()
    .then((loaded) => {
      providers = loaded;
      sync();
    })
    .catch(() => undefined);

  const change = (attrs: Record<string, unknown> | null) => {
    const at = getPos();
    if (typeof at !== 'number' || !editor.isEditable) return;
    const tr = editor.state.tr;
    if (attrs === null) tr.delete(at, at + node.nodeSize);
    else tr.setNodeMarkup(at, undefined, { ...node.attrs, ...attrs });
    editor.view.dispatch(tr);
  };
  input.addEventListener('input', () => change({ caption: input.value || null }));
  remove.addEventListener('click', () => change(null));

  return {
    dom,
    update(updated: ProseMirrorNode) {
      if (updated.type !== node.type) return false;
      node = updated;
      sync();
      return true;
    },
    // The caption field and the button handle their own keys and clicks, not the editor.
    stopEvent: (event: Event) =>
      event.target instanceof HTMLElement && event.target.closest('input, button') !== null,
    ignoreMutation: () => true,
    selectNode: () => dom.classList.add('is-selected'),
    deselectNode: () => dom.classList.remove('is-selected'),
  };
}

export const BodyEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      provider: { default: null, rendered: false },
      url: { default: null, rendered: false },
      caption: { default: null, rendered: false },
    };
  },

  // Copying a card and pasting it within the editor keeps it an embed; the server checks it.
  parseHTML() {
    return [
      {
        tag: 'figure[data-embed-provider]',
        getAttrs: (dom) => ({
          provider: dom.getAttribute('data-embed-provider'),
          url: dom.getAttribute('data-embed-url'),
          caption: dom.getAttribute('data-embed-caption') || null,
        }),
      },
    ];
  },

  renderHTML({ node }) {
    return [
      'figure',
      {
        'data-embed-provider': textOf(node.attrs.provider),
        'data-embed-url': textOf(node.attrs.url),
        'data-embed-caption': textOf(node.attrs.caption),
      },
      textOf(node.attrs.url),
    ];
  },

  addNodeView() {
    return embedCard;
  },
});
