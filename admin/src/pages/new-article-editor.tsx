import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { ArticleDraft, Author, Section } from '../api/types.js';
import { ActionBar } from '../editor/action-bar.js';
import { DraftForm } from '../editor/draft-form.js';
import { EMPTY_DRAFT, errorsFrom, type FieldErrors } from '../editor/use-draft.js';
import { Link, navigate } from '../router.js';
import { atLeast, useUser } from '../session.js';
import { usePageTitle } from '../components/page-title.js';
import { FormError } from '../components/form-parts.js';

/** A new article: the same form, created as a draft on the first save. */
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const canSetBylines = atLeast(user.role, 'editor');

  const create = async (event: Event) => {
    event.preventDefault();
    if (!draft.sectionId) return setErrors({ sectionId: 'Choose a section.' });
    setBusy(true);
    setErrors({});
    try {
      const { bylines, ...rest } = draft;
      const created = await newsroom.create(canSetBylines && bylines.length ? draft : rest);
      navigate(`/articles/${created.id}`, { replace: true });
    } catch (caught) {
      setErrors(errorsFrom(caught));
      setBusy(false);
    }
  };

  return (
    <div class="editor">
      <div class="editor-head">
        <h1 id="editor-heading">New article</h1>
      </div>
      {sections.length === 0 && (
        <p class="banner">
          There are no sections to file in yet, so no article can be created.{' '}
          {atLeast(user.role, 'editor') ? (
            <Link href="/sections">Add a section</Link>
          ) : (
            'Ask an editor to add one.'
          )}
        </p>
      )}
      <FormError message={errors.form} />
      <form
        id="article-form"
        aria-labelledby="editor-heading"
        onSubmit={(event) => void create(event)}
      >
        <DraftForm
          draft={draft}
          errors={errors}
          editable={!busy}
          canSetBylines={canSetBylines}
          sections={sections}
          authors={authors}
          bodyKey={0}
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
