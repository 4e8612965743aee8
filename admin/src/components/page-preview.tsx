import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface PagePreviewProps {
  /** The server-rendered page: exactly what readers would see. */
  url: string;
  /** The frame's accessible name. */
  frameTitle: string;
  /** A new key reloads the frame (after a save); the url changing reloads it anyway. */
  reloadKey?: string | number;
  children?: ComponentChildren;
}

/** A reader's page shown in a frame on demand, or in a new tab. */
export function PagePreview({ url, frameTitle, reloadKey, children }: PagePreviewProps) {
  const [open, setOpen] = useState(false);
  return (
    <section class="panel preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      {children}
      <div class="actions">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="preview-frame"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide preview' : 'Show preview'}
        </button>
        <a href={url} target="_blank" rel="noopener">
          Open preview in a new tab
        </a>
      </div>
      {open && (
        <iframe key={`${reloadKey ?? ''} ${url}`} id="preview-frame" title={frameTitle} src={url} />
      )}
    </section>
  );
}
