import { useState } from 'preact/hooks';
import type { DraftChanges } from '../api/newsroom.js';
import type { ArticleDraft, Author, Section } from '../api/types.js';
import { errorFor, Field } from '../components/field.js';
import type { SummaryField } from '../components/summary-fields.js';
import { readingTime } from './reading-time.js';
import { BodyEditor } from './body-editor.js';
import { LeadPhotoField } from './lead-photo-field.js';
import { LibraryPhotoField } from '../media/library-photo-field.js';

type Update = (changes: DraftChanges) => void;
type Errors = Record<string, string>;
type TextKey =
  | 'headline'
  | 'standfirst'
  | 'dateline'
  | 'signOff'
  | 'seoTitle'
  | 'seoDescription'
  | 'socialTitle'
  | 'socialDescription';

interface TextFieldProps {
  id: string;
  name: TextKey;
  label: string;
  hint?: string;
  draft: ArticleDraft;
  errors: Errors;
  editable: boolean;
  update: Update;
  /** Rows for a textarea; a one-line input without. */
  rows?: number;
  class?: string;
}

/** One text field of the draft, labelled, with its hint and the server's error. */
function TextField(props: TextFieldProps) {
  const { id, name, draft, editable, update, rows } = props;
  const onInput = (event: Event) =>
    update({ [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <Field id={id} label={props.label} hint={props.hint} error={errorFor(props.errors, name)}>
      {(aria) =>
        rows ? (
          <textarea
            {...aria}
            rows={rows}
            disabled={!editable}
            value={draft[name]}
            onInput={onInput}
          />
        ) : (
          <input
            {...aria}
            class={props.class}
            disabled={!editable}
            value={draft[name]}
            onInput={onInput}
          />
        )
      }
    </Field>
  );
}

const tagsFrom = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

function TagsField(props: { tags: string[]; editable: boolean; error?: string; update: Update }) {
  const { tags, update } = props;
  // The text as typed (a trailing comma included); the draft holds the parsed list.
  const [text, setText] = useState(tags.join(', '));
  const shown = tagsFrom(text).join('\n') === tags.join('\n') ? text : tags.join(', ');
  return (
    <Field id="tags" label="Tags" hint="Separate tags with commas." error={props.error}>
      {(aria) => (
        <input
          {...aria}
          disabled={!props.editable}
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

interface BylinesFieldProps {
  bylines: number[];
  authors: Author[];
  enabled: boolean;
  error?: string;
  update: Update;
}

function BylinesField({ bylines, authors, enabled, error, update }: BylinesFieldProps) {
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

function SectionField(props: {
  draft: ArticleDraft;
  sections: Section[];
  errors: Errors;
  editable: boolean;
  update: Update;
}) {
  const { draft, update } = props;
  return (
    <Field id="section" label="Section" error={errorFor(props.errors, 'sectionId')}>
      {(aria) => (
        <select
          {...aria}
          required
          disabled={!props.editable}
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
  );
}

/** What a link to the story shows when shared: its own words and photo, if it needs them. */
function SocialFields(props: {
  draft: ArticleDraft;
  errors: Errors;
  editable: boolean;
  update: Update;
}) {
  return (
    <>
      <TextField
        {...props}
        id="social-title"
        name="socialTitle"
        label="Social title"
        hint="What a shared link shows. Leave empty to use the SEO title or the headline."
      />
      <TextField
        {...props}
        id="social-description"
        name="socialDescription"
        label="Social description"
        hint="Leave empty to use the SEO description or the standfirst."
        rows={2}
      />
      <LibraryPhotoField
        id="social-image"
        legend="Social image"
        hint="A photo from the library for shared links."
        empty="None: shared links show the lead photo."
        mediaId={props.draft.socialImageId}
        editable={props.editable}
        error={errorFor(props.errors, 'socialImageId')}
        onChange={(socialImageId) => props.update({ socialImageId })}
      />
    </>
  );
}

function SeoFields(props: {
  draft: ArticleDraft;
  errors: Errors;
  editable: boolean;
  update: Update;
}) {
  const { draft, errors, editable, update } = props;
  return (
    <fieldset class="seo">
      <legend>SEO and social</legend>
      <TextField
        {...props}
        id="seo-title"
        name="seoTitle"
        label="SEO title"
        hint="Leave empty to use the headline."
      />
      <TextField
        {...props}
        id="seo-description"
        name="seoDescription"
        label="SEO description"
        hint="Leave empty to use the standfirst."
        rows={2}
      />
      <SocialFields {...props} />
      <Field
        id="slug"
        label="Slug"
        hint="The last part of the article's address: lower-case words joined by hyphens."
        error={errorFor(errors, 'slug')}
      >
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
  );
}

/** The draft's fields as the error summary links to them. */
export const DRAFT_FIELDS: readonly SummaryField[] = [
  { name: 'headline', id: 'headline', label: 'Headline' },
  { name: 'standfirst', id: 'standfirst', label: 'Standfirst' },
  { name: 'dateline', id: 'dateline', label: 'Dateline' },
  { name: 'sectionId', id: 'section', label: 'Section' },
  { name: 'body', id: 'body-editor', label: 'Body' },
  { name: 'lead.caption', id: 'lead-caption', label: 'Lead photo caption' },
  { name: 'lead.credit', id: 'lead-credit', label: 'Lead photo credit' },
  { name: 'lead.alt', id: 'lead-alt', label: 'Lead photo alt text' },
  { name: 'signOff', id: 'sign-off', label: 'Sign-off' },
  { name: 'tags', id: 'tags', label: 'Tags' },
  { name: 'seoTitle', id: 'seo-title', label: 'SEO title' },
  { name: 'seoDescription', id: 'seo-description', label: 'SEO description' },
  { name: 'slug', id: 'slug', label: 'Slug' },
];

/** The body's length as the writer sees it grow: "412 words · 2 min read". */
function WordCount({ body }: { body: ArticleDraft['body'] }) {
  const { words, minutes } = readingTime(body);
  return (
    <p class="word-count">
      {words.toLocaleString('en')} {words === 1 ? 'word' : 'words'} · {minutes} min read
    </p>
  );
}

interface DraftFormProps {
  draft: ArticleDraft;
  errors: Errors;
  editable: boolean;
  canSetBylines: boolean;
  sections: Section[];
  authors: Author[];
  /** Remounts the body editor when the text is replaced from the server. */
  bodyKey: number;
  update: Update;
}

/** Every field of the draft: the text, where it goes, and how search engines see it. */
export function DraftForm(props: DraftFormProps) {
  const { draft, errors, editable, update, bodyKey } = props;
  const common = { draft, errors, editable, update };
  return (
    <div class="draft-form">
      <TextField
        {...common}
        id="headline"
        name="headline"
        label="Headline"
        class="headline-input"
      />
      <TextField
        {...common}
        id="standfirst"
        name="standfirst"
        label="Standfirst"
        hint="The summary under the headline."
        rows={2}
      />
      <div class="field-row">
        <TextField
          {...common}
          id="dateline"
          name="dateline"
          label="Dateline"
          hint="Where it was filed, e.g. Muscat."
        />
        <SectionField {...common} sections={props.sections} />
      </div>
      <BodyEditor
        key={bodyKey}
        initial={draft.body}
        editable={editable}
        error={errorFor(errors, 'body')}
        onChange={(body) => update({ body })}
      />
      <WordCount body={draft.body} />
      <LeadPhotoField
        lead={draft.lead}
        editable={editable}
        errors={errors}
        onChange={(lead) => update({ lead })}
      />
      <TextField
        {...common}
        id="sign-off"
        name="signOff"
        label="Sign-off"
        hint="The source named at the end: Agencies, Reuters, a staff credit."
      />
      <TagsField
        key={bodyKey}
        tags={draft.tags}
        editable={editable}
        error={errorFor(errors, 'tags')}
        update={update}
      />
      <BylinesField
        bylines={draft.bylines}
        authors={props.authors}
        enabled={editable && props.canSetBylines}
        error={errorFor(errors, 'bylines')}
        update={update}
      />
      <SeoFields {...common} />
    </div>
  );
}
