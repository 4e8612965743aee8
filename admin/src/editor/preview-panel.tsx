import { newsroom } from '../api/newsroom.js';
import { PagePreview } from '../components/page-preview.js';

/** The reader's page for the saved text, in a frame that reloads after every save. */
export function PreviewPanel({ articleId, revision }: { articleId: number; revision: number }) {
  return (
    <PagePreview
      url={newsroom.previewUrl(articleId)}
      frameTitle="Preview of the saved article"
      reloadKey={revision}
    />
  );
}
