import { useEffect, useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Author, DeskArticle, Section } from '../api/types.js';
import { StatusBadge } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { ConflictPanel } from '../editor/conflict-panel.js';
import { CorrectionsPanel } from '../editor/corrections-panel.js';
import { DRAFT_FIELDS, DraftForm } from '../editor/draft-form.js';
import { ActionBar } from '../editor/action-bar.js';
import { BackupNotice } from '../editor/local-backup.js';
import { NotesPanel } from '../editor/notes-panel.js';
import { PendingChangesBanner } from '../editor/pending-changes-banner.js';
import { PreviewPanel } from '../editor/preview-panel.js';
import { SaveStatus } from '../editor/save-status.js';
import { useDraft, type DraftEditor } from '../editor/use-draft.js';
import { useUnsavedGuard } from '../editor/use-unsaved-guard.js';
import { usePresence } from '../editor/use-presence.js';
import { WorkflowPanel } from '../editor/workflow-panel.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import { NewArticleEditor } from './new-article-editor.js';
import { usePageTitle } from '../components/page-title.js';
import { FormError } from '../components/form-parts.js';
import { ViewOnSite } from '../components/view-on-site.js';
import { ErrorSummary } from '../components/error-summary.js';

/** What the last action did; `link` leads to the story when the action put it before readers. */
interface Notice {
  text: string;
  link: string | null;
}

/** True when readers see new text since `before`: the story went live, or its changes did. */
const wentLive = (before: DeskArticle, after: DeskArticle) =>
  after.publicUrl !== null && (before.publicUrl === null || (!!before.pending && !after.pending));

interface EditorLists {
  sections: Section[];
  authors: Author[];
}

interface LoadedEditorProps extends EditorLists {
  initial: DeskArticle;
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

function EditorHead({ article, editing }: { article: DeskArticle; editing: DraftEditor }) {
  return (
    <div class="editor-head">
      <h1 id="editor-heading">
        <span class="visually-hidden">Edit article: </span>
        {editing.draft.headline || 'Untitled'}
      </h1>
      <StatusBadge status={article.status} killed={article.killed} />
      <ViewOnSite url={article.publicUrl} />
    </div>
  );
}

/** The form's own bar: where the text stands and Save; the workflow adds its moves to it. */
function SaveBar(props: {
  editing: DraftEditor;
  editable: boolean;
  /** The live story's address: on a phone the notice at the top is out of sight after Publish. */
  publicUrl: string | null;
  movesSlot: (slot: HTMLElement | null) => void;
}) {
  const { editing, editable, publicUrl, movesSlot } = props;
  return (
    <ActionBar movesSlot={movesSlot}>
      <SaveStatus editing={editing} editable={editable} />
      <ViewOnSite url={publicUrl} />
      {editable && (
        <button type="submit" class="primary" disabled={editing.saving || !!editing.conflict}>
          Save
        </button>
      )}
    </ActionBar>
  );
}

function AccessBanner({ article, editable }: { article: DeskArticle; editable: boolean }) {
  if (article.killed)
    return <p class="banner">This story was killed. It can be read here but no longer changed.</p>;
  if (editable) return null;
  return (
    <p class="banner">
      You can read this article but your role may not edit it in its current state.
    </p>
  );
}

interface EditorToolsProps {
  article: DeskArticle;
  editing: DraftEditor;
  editable: boolean;
  refresh: (message?: string) => Promise<void>;
  movesInto: HTMLElement | null;
}

/** Beside the text: workflow, preview, history, corrections and notes. */
function EditorTools({ article, editing, editable, refresh, movesInto }: EditorToolsProps) {
  const user = useUser();
  return (
    <aside class="editor-side" aria-label="Article tools">
      <WorkflowPanel
        article={article}
        movesInto={movesInto}
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
        canCorrect={article.allowedActions.includes('correct')}
        onAdded={() => void refresh('Correction added.')}
      />
      <NotesPanel
        articleId={article.id}
        notes={article.notes}
        user={user}
        canNote={article.allowedActions.includes('note')}
      />
    </aside>
  );
}

/** An article open for editing, with its workflow, preview, corrections and notes beside it. */
function LoadedEditor({ initial, sections, authors }: LoadedEditorProps) {
  const [article, setArticle] = useState(initial);
  const [notice, setNotice] = useState<Notice | null>(null);
  const editable = article.allowedActions.includes('edit');
  const editing = useDraft(initial, editable);
  usePageTitle(`Edit: ${editing.draft.headline || 'Untitled'}`);

  const refresh = async (message?: string) => {
    const fresh = await newsroom.read(article.id);
    setArticle(fresh);
    editing.adopt(fresh);
    if (message)
      setNotice({ text: message, link: wentLive(article, fresh) ? fresh.publicUrl : null });
  };
  const save = (event?: Event) => {
    event?.preventDefault();
    setNotice(null);
    if (editable) void editing.save('save');
  };
  useUnsavedGuard({ dirty: editing.dirty, save });
  // A save of a live story waits as its next version: show the banner for it.
  useEffect(() => {
    if (editing.notYetLive && editing.revision !== article.revision) void refresh();
  }, [editing.revision, editing.notYetLive]);

  return (
    <div class="editor">
      <EditorHead article={article} editing={editing} />
      <PresenceNotice articleId={article.id} />
      <AccessBanner article={article} editable={editable} />
      <PendingChangesBanner
        article={article}
        beforePublish={() => (editable ? editing.save('save') : Promise.resolve(true))}
        onDone={(message) => void refresh(message)}
      />
      {editable && (
        <BackupNotice of={article.id} serverDraft={initial.draft} onRestore={editing.restoreText} />
      )}
      {notice && (
        <p class="notice" role="status">
          {notice.text} <ViewOnSite url={notice.link} />
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
          onResolve={async (choices) => {
            const fresh = await editing.resolve(choices);
            if (fresh) setArticle(fresh);
          }}
        />
      )}
      <FormError message={editing.errors.form} />
      <ErrorSummary errors={editing.errors} fields={DRAFT_FIELDS} takeFocus={editing.errorsAsked} />
      <EditorColumns
        article={article}
        editing={editing}
        editable={editable}
        sections={sections}
        authors={authors}
        save={save}
        refresh={refresh}
      />
    </div>
  );
}

interface EditorColumnsProps extends EditorLists {
  article: DeskArticle;
  editing: DraftEditor;
  editable: boolean;
  save: (event?: Event) => void;
  refresh: (message?: string) => Promise<void>;
}

/** The form, ending in its action bar, and the tools beside it; the workflow's moves join the bar. */
function EditorColumns({ save, sections, authors, ...tools }: EditorColumnsProps) {
  const { article, editing, editable } = tools;
  const [movesSlot, setMovesSlot] = useState<HTMLElement | null>(null);
  return (
    <div class="editor-columns">
      <form id="article-form" aria-labelledby="editor-heading" onSubmit={save}>
        <DraftForm
          draft={editing.draft}
          errors={editing.errors}
          editable={editable}
          canSetBylines={article.allowedActions.includes('set_bylines')}
          sections={sections}
          authors={authors}
          bodyKey={editing.bodyKey}
          update={editing.update}
        />
        <SaveBar
          editing={editing}
          editable={editable}
          publicUrl={article.publicUrl}
          movesSlot={setMovesSlot}
        />
      </form>
      <EditorTools {...tools} movesInto={movesSlot} />
    </div>
  );
}

/** `/articles/new` and `/articles/:id`. */
export function EditorPage({ id }: { id: number | null }) {
  const [article] = useLoad(() => (id === null ? Promise.resolve(null) : newsroom.read(id)), [id]);
  const [sections] = useLoad(() => newsroom.sections(), []);
  const [authors] = useLoad(() => newsroom.authors(), []);
  const sectionList = valueOr(sections, []);
  const authorList = valueOr(authors, []);

  if (article.state === 'loading' || sections.state === 'loading')
    return <p class="loading">Loading…</p>;
  if (article.state === 'failed' || article.state === 'missing')
    return (
      <p class="form-error" role="alert">
        {article.state === 'failed' ? article.message : 'This article could not be found.'}
      </p>
    );
  if (article.value === null)
    return <NewArticleEditor sections={sectionList} authors={authorList} />;
  return <LoadedEditor initial={article.value} sections={sectionList} authors={authorList} />;
}
