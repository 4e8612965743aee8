import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaItem } from '../api/types.js';
import { EmbedForm } from './embed-form.js';
import { bodyVariantOf, MediaPicker } from './media-picker.js';

interface ToolProps {
  label: string;
  active?: boolean;
  onClick: () => void;
  children: string;
}

/** A toolbar button; toggles say whether they are on (aria-pressed). */
function Tool({ label, active, onClick, children }: ToolProps) {
  return (
    <button
      type="button"
      class="tool"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      // Keep the text selection: the button must not take focus from the editor on mouse down.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The link address form under the toolbar. */
function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = editor.getAttributes('link') as { href?: string };
  const [href, setHref] = useState(current.href ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const apply = () => {
    const target = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (!target) chain.unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive('link'))
      chain
        .insertContent({
          type: 'text',
          text: target,
          marks: [{ type: 'link', attrs: { href: target } }],
        })
        .run();
    else chain.setLink({ href: target }).run();
    onDone();
  };

  return (
    <div
      class="link-form"
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          apply();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onDone();
        }
      }}
    >
      <label for="link-href">Link address</label>
      <input
        id="link-href"
        ref={input}
        type="url"
        inputMode="url"
        placeholder="https://…"
        value={href}
        onInput={(event) => setHref(event.currentTarget.value)}
      />
      <button type="button" onClick={apply}>
        Apply link
      </button>
      {editor.isActive('link') && (
        <button
          type="button"
          class="quiet"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          Remove link
        </button>
      )}
    </div>
  );
}

function insertPhoto(editor: Editor, item: MediaItem) {
  const variant = bodyVariantOf(item);
  if (!variant) return;
  editor
    .chain()
    .focus()
    .insertContent({
      type: 'image',
      attrs: {
        src: `/media/${variant.path}`,
        mediaId: item.id,
        alt: item.alt,
        caption: item.caption || null,
        credit: item.credit || null,
        width: variant.width,
        height: variant.height,
      },
    })
    .run();
}

type Chain = ReturnType<Editor['chain']>;

/** The formatting buttons: label, face, when it shows as on, and what it does. */
const FORMATS: {
  label: string;
  face: string;
  active: [string, Record<string, unknown>?];
  apply: (chain: Chain) => Chain;
}[] = [
  { label: 'Paragraph', face: '¶', active: ['paragraph'], apply: (c) => c.setParagraph() },
  {
    label: 'H2 heading',
    face: 'H2',
    active: ['heading', { level: 2 }],
    apply: (c) => c.toggleHeading({ level: 2 }),
  },
  {
    label: 'H3 heading',
    face: 'H3',
    active: ['heading', { level: 3 }],
    apply: (c) => c.toggleHeading({ level: 3 }),
  },
  { label: 'Bold', face: 'B', active: ['bold'], apply: (c) => c.toggleBold() },
  { label: 'Italic', face: 'I', active: ['italic'], apply: (c) => c.toggleItalic() },
];

const BLOCKS: typeof FORMATS = [
  {
    label: 'Bulleted list',
    face: 'Bulleted list',
    active: ['bulletList'],
    apply: (c) => c.toggleBulletList(),
  },
  {
    label: 'Numbered list',
    face: 'Numbered list',
    active: ['orderedList'],
    apply: (c) => c.toggleOrderedList(),
  },
  { label: 'Quote', face: 'Quote', active: ['blockquote'], apply: (c) => c.toggleBlockquote() },
];

/** Formatting for the body: the same few things the published page can show. */
export function BodyToolbar({ editor }: { editor: Editor }) {
  const [, setTick] = useState(0);
  const [linking, setLinking] = useState(false);
  const [picking, setPicking] = useState(false);
  const [embedding, setEmbedding] = useState(false);

  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    editor.on('transaction', rerender);
    return () => void editor.off('transaction', rerender);
  }, [editor]);

  const tool = ({ label, face, active, apply }: (typeof FORMATS)[number]) => (
    <Tool
      key={label}
      label={label}
      active={editor.isActive(...active)}
      onClick={() => apply(editor.chain().focus()).run()}
    >
      {face}
    </Tool>
  );

  return (
    <>
      <div class="toolbar" role="toolbar" aria-label="Formatting" aria-controls="body-editor">
        {FORMATS.map(tool)}
        <Tool label="Link" active={editor.isActive('link')} onClick={() => setLinking(!linking)}>
          Link
        </Tool>
        {BLOCKS.map(tool)}
        <Tool label="Insert photo" onClick={() => setPicking(true)}>
          Photo
        </Tool>
        <Tool label="Embed" onClick={() => setEmbedding(!embedding)}>
          Embed
        </Tool>
      </div>
      {linking && <LinkForm editor={editor} onDone={() => setLinking(false)} />}
      {embedding && <EmbedForm editor={editor} onDone={() => setEmbedding(false)} />}
      {picking && (
        <MediaPicker
          title="Insert a photo in the body"
          onPick={(item) => {
            setPicking(false);
            insertPhoto(editor, item);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </>
  );
}
