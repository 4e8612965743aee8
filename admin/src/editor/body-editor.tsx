/**
 * The article body in Tiptap, limited to what the server's body schema holds: no strike, code
 * or code blocks; links without target or rel; images carry caption and credit.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BodyDocument } from '../api/types.js';
import { BodyEmbed } from './body-embed.js';
import { BodyToolbar } from './body-toolbar.js';
import { toServerBody } from './body-to-server.js';

const BodyImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: { default: null },
      credit: { default: null },
      width: { default: null },
      height: { default: null },
      // The photo library's item, so the page can print its variants (render-body-html).
      mediaId: { default: null },
    };
  },
});

function createEditor(element: HTMLElement, content: BodyDocument, editable: boolean) {
  return new Editor({
    element,
    editable,
    content: content as JSONContent,
    extensions: [
      StarterKit.configure({
        strike: false,
        code: false,
        codeBlock: false,
        heading: { levels: [2, 3, 4] },
      }),
      Link.configure({ openOnClick: false, autolink: false, linkOnPaste: true }),
      BodyImage.configure({ inline: false, allowBase64: false }),
      BodyEmbed,
    ],
    editorProps: {
      attributes: {
        id: 'body-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
        'aria-describedby': 'body-hint',
        class: 'prose',
      },
    },
  });
}

interface BodyEditorProps {
  initial: BodyDocument;
  editable: boolean;
  error?: string;
  onChange: (body: BodyDocument) => void;
}

/** The rich-text body; remount it (change its key) to load a different text. */
export function BodyEditor({ initial, editable, error, onChange }: BodyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const created = createEditor(host.current, initial, editable);
    created.on('update', () => changed.current(toServerBody(created.getJSON())));
    setEditor(created);
    return () => created.destroy();
    // The initial text is read once: typing must not recreate the editor.
  }, []);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return (
    <div class={`field body-field${error ? ' has-error' : ''}`}>
      <span class="label" id="body-label">
        Body
      </span>
      <p class="hint" id="body-hint">
        Ctrl+B bold, Ctrl+I italic, Ctrl+S saves; the toolbar adds headings, lists, quotes, links,
        photos and embeds.
      </p>
      {editor && editable && <BodyToolbar editor={editor} />}
      <div ref={host} class="body-editor" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
