import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { ArticleDraft, Author, Section } from '../api/types.js';
import { ActionBar } from '../editor/action-bar.js';
import { DRAFT_FIELDS, DraftForm } from '../editor/draft-form.js';
import { differs } from '../editor/draft-changes.js';
import { BackupNotice, useLocalBackup } from '../editor/local-backup.js';
import { EMPTY_DRAFT, errorsFrom, type FieldErrors } from '../editor/use-draft.js';
import { leaveFreely, useUnsavedGuard } from '../editor/use-unsaved-guard.js';
import { Link, navigate } from '../router.js';
import { atLeast, useUser } from '../session.js';
import { usePageTitle } from '../components/page-title.js';
import { FormError } from '../components/form-parts.js';
import { ErrorSummary } from '../components/error-summary.js';

function NoSections() {
  const user = useUser();
  return (
    <p class="banner">
      There are no sections to file in yet, so no article can be created.{' '}
      {atLeast(user.role, 'editor') ? (
        <Link href="/sections">Add a section</Link>
      ) : (
        'Ask an editor to add one.'
      )}
    </p>
  );
}

/**
 * A new article: the same form, created as a draft on the first save. Until then its text is
 * kept in this browser, so a reload, a closed tab or a wrong click costs nothing.
 */
export function NewArticleEditor({
  sections,
  authors,
}: {
  sections: Section[];
  authors: Author[];
}) {
  const user = useUser();
  usePageTitle('New article');
  const [draft, setDraft] = useState<ArticleDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<{ of: FieldErrors; focusSummary: boolean }>({
    of: {},
    focusSummary: true,
  });
  const [busy, setBusy] = useState(false);
  const [bodyKey, setBodyKey] = useState(0);
  const canSetBylines = atLeast(user.role, 'editor');
  const backup = useLocalBackup('new', EMPTY_DRAFT, draft, 0);

  const create = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    if (!draft.sectionId) {
      // The one thing missing is right here: go to it rather than to the summary.
      document.getElementById('section')?.focus();
      return setErrors({ of: { sectionId: 'Choose a section.' }, focusSummary: false });
    }
    setBusy(true);
    setErrors({ of: {}, focusSummary: true });
    try {
      const { bylines, ...rest } = draft;
      const created = await newsroom.create(canSetBylines && bylines.length ? draft : rest);
      backup.forget();
      leaveFreely();
      navigate(`/articles/${created.id}`, { replace: true });
    } catch (caught) {
      setErrors({ of: errorsFrom(caught), focusSummary: true });
      setBusy(false);
    }
  };
  useUnsavedGuard({ dirty: differs(EMPTY_DRAFT, draft), save: () => void create() });

  return (
    <div class="editor">
      <div class="editor-head">
        <h1 id="editor-heading">New article</h1>
      </div>
      {sections.length === 0 && <NoSections />}
      <BackupNotice
        of="new"
        serverDraft={EMPTY_DRAFT}
        onRestore={(kept) => {
          setDraft(kept.draft);
          setBodyKey((key) => key + 1);
        }}
      />
      <FormError message={errors.of.form} />
      <ErrorSummary errors={errors.of} fields={DRAFT_FIELDS} takeFocus={errors.focusSummary} />
      <form
        id="article-form"
        aria-labelledby="editor-heading"
        noValidate
        onSubmit={(event) => void create(event)}
      >
        <DraftForm
          draft={draft}
          errors={errors.of}
          editable={!busy}
          canSetBylines={canSetBylines}
          sections={sections}
          authors={authors}
          bodyKey={bodyKey}
          update={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        />
        <ActionBar>
          <button type="submit" class="primary" disabled={busy}>
            Create draft
          </button>
        </ActionBar>
      </form>
    </div>
  );
}
