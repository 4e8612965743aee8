import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';

/** The reader's page for the saved text, in a frame that reloads after every save. */
export function PreviewPanel({ articleId, revision }: { articleId: number; revision: number }) {
  const [open, setOpen] = useState(false);
  const url = newsroom.previewUrl(articleId);
  return (
    <section class="panel preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
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
        // The key reloads the frame whenever a new revision is saved.
        <iframe key={revision} id="preview-frame" title="Preview of the saved article" src={url} />
      )}
    </section>
  );
}
