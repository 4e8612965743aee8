import { useState } from 'preact/hooks';
import type { DraftChanges } from '../api/newsroom.js';
import type { ArticleDraft, Author, Section } from '../api/types.js';
import { errorFor, Field } from '../components/field.js';
import { BodyEditor } from './body-editor.js';
import { LeadPhotoField } from './lead-photo-field.js';

interface DraftFormProps {
  draft: ArticleDraft;
  errors: Record<string, string>;
  editable: boolean;
  canSetBylines: boolean;
  sections: Section[];
  authors: Author[];
  /** Remounts the body editor when the text is replaced from the server. */
  bodyKey: number;
  update(changes: DraftChanges): void;
}

const tagsFrom = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

function TagsField({ tags, editable, error, update }: { tags: string[]; editable: boolean; error?: string; update(changes: DraftChanges): void }) {
  // The text as typed (a trailing comma included); the draft holds the parsed list.
  const [text, setText] = useState(tags.join(', '));
  const shown = tagsFrom(text).join('\n') === tags.join('\n') ? text : tags.join(', ');
  return (
    <Field id="tags" label="Tags" hint="Separate tags with commas." error={error}>
      {(aria) => (
        <input
          {...aria}
          disabled={!editable}
          value={shown}
          onInput={(event) => {
            setText(event.currentTarget.value);
            update({ tags: tagsFrom(event.currentTarget.value) });
          }}
        />
      )}
    </Field>
  );
}

function BylinesField(props: { bylines: number[]; authors: Author[]; enabled: boolean; error?: string; update(changes: DraftChanges): void }) {
  const { bylines, authors, enabled, error, update } = props;
  const toggle = (id: number, on: boolean) =>
    update({ bylines: on ? [...bylines, id] : bylines.filter((b) => b !== id) });
  return (
    <fieldset class={`bylines${error ? ' has-error' : ''}`} aria-describedby="bylines-hint">
      <legend>Bylines</legend>
      <p class="hint" id="bylines-hint">
        {enabled ? 'Who the article is by, in this order.' : 'Only editors change bylines.'}
      </p>
      {authors.length === 0 && <p class="empty">No author profiles to choose from.</p>}
      <ul class="checkbox-list">
        {authors.map((author) => (
          <li key={author.id}>
            <label>
              <input
                type="checkbox"
                disabled={!enabled}
                checked={bylines.includes(author.id)}
                onChange={(event) => toggle(author.id, event.currentTarget.checked)}
              />{' '}
              {author.name}
            </label>
          </li>
        ))}
      </ul>
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}

/** Every field of the draft: the text, where it goes, and how search engines see it. */
export function DraftForm(props: DraftFormProps) {
  const { draft, errors, editable, update } = props;
  const text = (key: 'headline' | 'standfirst' | 'dateline' | 'signOff' | 'seoTitle' | 'seoDescription') =>
    (event: Event) => update({ [key]: (event.currentTarget as HTMLInputElement).value });

  return (
    <div class="draft-form">
      <Field id="headline" label="Headline" error={errorFor(errors, 'headline')}>
        {(aria) => <input {...aria} class="headline-input" required disabled={!editable} value={draft.headline} onInput={text('headline')} />}
      </Field>
      <Field id="standfirst" label="Standfirst" hint="The summary under the headline." error={errorFor(errors, 'standfirst')}>
        {(aria) => <textarea {...aria} rows={2} disabled={!editable} value={draft.standfirst} onInput={text('standfirst')} />}
      </Field>
      <div class="field-row">
        <Field id="dateline" label="Dateline" hint="Where it was filed, e.g. Muscat." error={errorFor(errors, 'dateline')}>
          {(aria) => <input {...aria} disabled={!editable} value={draft.dateline} onInput={text('dateline')} />}
        </Field>
        <Field id="section" label="Section" error={errorFor(errors, 'sectionId')}>
          {(aria) => (
            <select
              {...aria}
              required
              disabled={!editable}
              value={draft.sectionId ? String(draft.sectionId) : ''}
              onChange={(event) => update({ sectionId: Number(event.currentTarget.value) })}
            >
              <option value="">Choose a section</option>
              {props.sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <BodyEditor
        key={props.bodyKey}
        initial={draft.body}
        editable={editable}
        error={errorFor(errors, 'body')}
        onChange={(body) => update({ body })}
      />
      <LeadPhotoField lead={draft.lead} editable={editable} errors={errors} onChange={(lead) => update({ lead })} />
      <Field id="sign-off" label="Sign-off" hint="The source named at the end: Agencies, Reuters, a staff credit." error={errorFor(errors, 'signOff')}>
        {(aria) => <input {...aria} disabled={!editable} value={draft.signOff} onInput={text('signOff')} />}
      </Field>
      <TagsField key={props.bodyKey} tags={draft.tags} editable={editable} error={errorFor(errors, 'tags')} update={update} />
      <BylinesField
        bylines={draft.bylines}
        authors={props.authors}
        enabled={editable && props.canSetBylines}
        error={errorFor(errors, 'bylines')}
        update={update}
      />
      <fieldset class="seo">
        <legend>Search engines and address</legend>
        <Field id="seo-title" label="SEO title" hint="Leave empty to use the headline." error={errorFor(errors, 'seoTitle')}>
          {(aria) => <input {...aria} disabled={!editable} value={draft.seoTitle} onInput={text('seoTitle')} />}
        </Field>
        <Field id="seo-description" label="SEO description" hint="Leave empty to use the standfirst." error={errorFor(errors, 'seoDescription')}>
          {(aria) => <textarea {...aria} rows={2} disabled={!editable} value={draft.seoDescription} onInput={text('seoDescription')} />}
        </Field>
        <Field id="slug" label="Slug" hint="The last part of the article's address: lower-case words joined by hyphens." error={errorFor(errors, 'slug')}>
          {(aria) => (
            <input
              {...aria}
              disabled={!editable}
              value={draft.slug ?? ''}
              onInput={(event) => update({ slug: event.currentTarget.value.trim() || undefined })}
            />
          )}
        </Field>
      </fieldset>
    </div>
  );
}
