import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Author, AuthorDetails, AuthorKind } from '../api/types.js';
import { Field } from '../components/field.js';
import { FormActions, FormError } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { LibraryPhotoField } from '../media/library-photo-field.js';
import { useUser } from '../session.js';
import { formErrorsOf } from '../components/form-submit.js';
import { ErrorSummary } from '../components/error-summary.js';

const MAX_LINKS = 5;

const KINDS: [AuthorKind, string][] = [
  ['staff', 'Staff'],
  ['guest', 'Contributor or guest'],
  ['agency', 'Agency (credited as an organisation)'],
];

/** Links as typed, one a line; blank lines are dropped when sent. */
function LinksField(props: {
  prefix: string;
  links: string[];
  error?: string;
  onChange: (changes: Partial<AuthorDetails>) => void;
}) {
  return (
    <Field
      id={`${props.prefix}-links`}
      label="Links"
      hint={`One a line, at most ${MAX_LINKS}: a website, or profiles elsewhere (https://…, or @handle on X).`}
      error={props.error}
    >
      {(aria) => (
        <textarea
          {...aria}
          rows={3}
          value={props.links.join('\n')}
          onInput={(event) => props.onChange({ links: event.currentTarget.value.split('\n') })}
        />
      )}
    </Field>
  );
}

/** The name, bio, photo, links and (for editors) kind of a profile. */
function ProfileFields(props: {
  prefix: string;
  details: AuthorDetails;
  errors: Record<string, string>;
  chooseKind: boolean;
  onChange: (changes: Partial<AuthorDetails>) => void;
}) {
  const { prefix, details, errors, chooseKind, onChange: set } = props;
  return (
    <>
      <Field id={`${prefix}-name`} label="Name on the byline" error={errors.name}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            maxLength={120}
            value={details.name}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        id={`${prefix}-bio`}
        label="Short bio"
        hint="Shown on the author page"
        error={errors.bio}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={1000}
            value={details.bio}
            onInput={(event) => set({ bio: event.currentTarget.value })}
          />
        )}
      </Field>
      <LibraryPhotoField
        id={`${prefix}-photo`}
        legend="Photo"
        hint="A photo from the library, shown on the author page."
        empty="No photo."
        mediaId={details.photoId}
        editable
        error={errors.photoId}
        onChange={(photoId) => set({ photoId })}
      />
      <LinksField prefix={prefix} links={details.links} error={errors.links} onChange={set} />
      {chooseKind && (
        <Field id={`${prefix}-kind`} label="Kind" error={errors.kind}>
          {(aria) => (
            <select
              {...aria}
              value={details.kind}
              onChange={(event) => set({ kind: event.currentTarget.value as AuthorKind })}
            >
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}

/** A byline profile's form; `author` absent makes a new one. Only editors choose the kind. */
function ProfileForm(props: {
  prefix: string;
  author?: Author;
  chooseKind: boolean;
  onSaved: (author: Author) => void;
}) {
  const { author, prefix } = props;
  const [details, setDetails] = useState<AuthorDetails>({
    name: author?.name ?? '',
    bio: author?.bio ?? '',
    kind: author?.kind ?? 'guest',
    photoId: author?.photoId ?? null,
    links: author?.links ?? [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (changes: Partial<AuthorDetails>) => setDetails({ ...details, ...changes });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const sent = { ...details, links: details.links.map((l) => l.trim()).filter(Boolean) };
      const saved = author
        ? await newsroom.changeAuthor(author.id, sent)
        : await newsroom.createAuthor(sent);
      setNotice(author ? 'Profile saved.' : `${saved.name} can now be given bylines.`);
      const { name, bio, kind, photoId, links } = saved;
      setDetails(
        author
          ? { name, bio, kind, photoId, links }
          : { name: '', bio: '', kind: details.kind, photoId: null, links: [] },
      );
      props.onSaved(saved);
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['name', 'bio', 'kind', 'photoId', 'links']));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormError message={errors.form} />
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'name', id: `${prefix}-name`, label: 'Name on the byline' },
          { name: 'bio', id: `${prefix}-bio`, label: 'Short bio' },
          { name: 'kind', id: `${prefix}-kind`, label: 'Kind' },
        ]}
      />
      <ProfileFields
        prefix={prefix}
        details={details}
        errors={errors}
        chooseKind={props.chooseKind}
        onChange={set}
      />
      <FormActions
        busy={busy}
        label={author ? 'Save profile' : 'Add profile'}
        busyLabel="Saving…"
        notice={notice}
      />
    </form>
  );
}

/** One's own byline profile: the name and bio readers see on stories and the author page. */
export function ProfilePage() {
  usePageTitle('Your profile');
  const user = useUser();
  const [loaded, reload] = useLoad(() => newsroom.authors(), []);
  const own = loaded.state === 'ready' && loaded.value.find((a) => a.id === user.authorId);
  return (
    <>
      <h1>Your profile</h1>
      {loaded.state === 'loading' && <p class="loading">Loading…</p>}
      {own && (
        <>
          <p>
            Readers find your stories at <a href={`/author/${own.slug}`}>/author/{own.slug}</a>.
          </p>
          <ProfileForm prefix="profile" author={own} chooseKind={false} onSaved={reload} />
        </>
      )}
      {loaded.state === 'ready' && !own && <p>Your account has no byline profile.</p>}
    </>
  );
}

/** Every byline profile, for editors: colleagues', contributors' and agencies'. */
export function PeoplePage() {
  usePageTitle('Bylines');
  const [loaded, reload] = useLoad(() => newsroom.authors(), []);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <>
      <h1>Bylines</h1>
      {loaded.state === 'loading' && <p class="loading">Loading…</p>}
      {loaded.state === 'ready' && (
        <ul class="people">
          {loaded.value.map((author) => (
            <li key={author.id}>
              <a href={`/author/${author.slug}`}>{author.name}</a> ({author.kind}){' '}
              {editing === author.id ? (
                <ProfileForm
                  prefix={`author-${author.id}`}
                  author={author}
                  chooseKind
                  onSaved={reload}
                />
              ) : (
                <button type="button" class="quiet" onClick={() => setEditing(author.id)}>
                  Edit<span class="visually-hidden"> {author.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-profile-heading">
        <h2 id="new-profile-heading">Add a contributor or an agency</h2>
        <ProfileForm prefix="new-profile" chooseKind onSaved={reload} />
      </section>
    </>
  );
}
