import { useEffect, useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Author, DeskArticle, Section } from '../api/types.js';
import { StatusBadge } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { may } from '../editor/article-permissions.js';
import { ConflictPanel } from '../editor/conflict-panel.js';
import { CorrectionsPanel } from '../editor/corrections-panel.js';
import { DraftForm } from '../editor/draft-form.js';
import { NotesPanel } from '../editor/notes-panel.js';
import { PreviewPanel } from '../editor/preview-panel.js';
import { SaveStatus } from '../editor/save-status.js';
import { useDraft } from '../editor/use-draft.js';
import { usePresence } from '../editor/use-presence.js';
import { WorkflowPanel } from '../editor/workflow-panel.js';
import { blockNavigation, Link } from '../router.js';
import { atLeast, useUser } from '../session.js';
import { NewArticleEditor } from './new-article-editor.js';

const LEAVE_UNSAVED = 'Your latest changes are not saved yet. Leave anyway?';

/** Asks before leaving the page (or the app's page) while the text has unsaved changes. */
export function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    blockNavigation(() => window.confirm(LEAVE_UNSAVED));
    return () => {
      window.removeEventListener('beforeunload', warn);
      blockNavigation(null);
    };
  }, [dirty]);
}

interface LoadedEditorProps {
  initial: DeskArticle;
  sections: Section[];
  authors: Author[];
}

function PresenceNotice({ articleId }: { articleId: number }) {
  const others = usePresence(articleId);
  if (others.length === 0) return null;
  const names = others.map((o) => o.name).join(', ');
  return (
    <p class="presence" role="status">
      {names} {others.length === 1 ? 'is' : 'are'} also editing this article.
    </p>
  );
}

/** An article open for editing, with its workflow, preview, corrections and notes beside it. */
function LoadedEditor({ initial, sections, authors }: LoadedEditorProps) {
  const user = useUser();
  const [article, setArticle] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const editable = may(user, 'edit', article);
  const editing = useDraft(article.id, initial, editable);
  useLeaveWarning(editing.dirty);

  const refresh = async (message?: string) => {
    const fresh = await newsroom.read(article.id);
    setArticle(fresh);
    if (fresh.revision !== editing.revision && !editing.dirty) editing.reload(fresh);
    if (message) setNotice(message);
  };

  const save = async (event?: Event) => {
    event?.preventDefault();
    setNotice(null);
    await editing.save('save');
  };

  return (
    <form class="editor" onSubmit={(event) => void save(event)} aria-labelledby="editor-heading">
      <div class="editor-head">
        <h1 id="editor-heading">
          <span class="visually-hidden">Edit article: </span>
          {editing.draft.headline || 'Untitled'}
        </h1>
        <StatusBadge status={article.status} killed={article.killed} />
        <SaveStatus editing={editing} editable={editable} />
        {editable && (
          <button type="submit" class="primary" disabled={editing.saving || !!editing.conflict}>
            Save
          </button>
        )}
      </div>
      <PresenceNotice articleId={article.id} />
      {article.killed && <p class="banner">This story was killed. It can be read here but no longer changed.</p>}
      {!editable && !article.killed && (
        <p class="banner">You can read this article but your role may not edit it in its current state.</p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {editing.conflict && (
        <ConflictPanel
          articleId={article.id}
          conflict={editing.conflict}
          onTakeTheirs={(fresh) => {
            setArticle(fresh);
            editing.reload(fresh);
          }}
          onKeepMine={(fresh) => {
            setArticle(fresh);
            return editing.saveOver(fresh);
          }}
        />
      )}
      {editing.errors.form && (
        <p class="form-error" role="alert">
          {editing.errors.form}
        </p>
      )}
      <div class="editor-columns">
        <DraftForm
          draft={editing.draft}
          errors={editing.errors}
          editable={editable}
          canSetBylines={may(user, 'set_bylines', article)}
          sections={sections}
          authors={authors}
          bodyKey={editing.bodyKey}
          update={editing.update}
        />
        <aside class="editor-side" aria-label="Article tools">
          <WorkflowPanel
            article={article}
            user={user}
            beforeMove={() => (editable ? editing.save('save') : Promise.resolve(true))}
            onMoved={(message) => void refresh(message)}
          />
          <PreviewPanel articleId={article.id} revision={editing.revision} />
          <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <p>
              Revision {editing.revision}.{' '}
              <Link href={`/articles/${article.id}/history`}>Revision history</Link>
            </p>
          </section>
          <CorrectionsPanel
            articleId={article.id}
            corrections={article.corrections}
            canCorrect={may(user, 'correct', article) && article.status === 'published'}
            onAdded={() => void refresh('Correction added.')}
          />
          <NotesPanel articleId={article.id} notes={article.notes} user={user} canNote={may(user, 'note', article) || atLeast(user.role, 'writer')} />
        </aside>
      </div>
    </form>
  );
}

/** `/articles/new` and `/articles/:id`. */
export function EditorPage({ id }: { id: number | null }) {
  const [article] = useLoad(() => (id === null ? Promise.resolve(null) : newsroom.read(id)), [id]);
  const [sections] = useLoad(() => newsroom.sections(), []);
  const [authors] = useLoad(() => newsroom.authors(), []);
  const sectionList = valueOr(sections, []);
  const authorList = valueOr(authors, []);

  if (article.state === 'loading' || sections.state === 'loading') return <p class="loading">Loading…</p>;
  if (article.state === 'failed' || article.state === 'missing')
    return (
      <p class="form-error" role="alert">
        {article.state === 'failed' ? article.message : 'This article could not be found.'}
      </p>
    );
  if (article.value === null) return <NewArticleEditor sections={sectionList} authors={authorList} />;
  return <LoadedEditor initial={article.value} sections={sectionList} authors={authorList} />;
}

