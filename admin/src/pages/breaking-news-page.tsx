import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { BreakingNews, DeskEntry } from '../api/types.js';
import { useConfirm } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Field } from '../components/field.js';
import { FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { formErrorsOf } from '../components/form-submit.js';
import { usePageTitle } from '../components/page-title.js';
import { usePaperZone } from '../components/paper-clock.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { formatPaperTime } from './paper-time.js';

/** The server's limit on the banner's text. */
const TEXT_MAX = 160;

/** How long a banner may be shown for, as the form offers it; three hours unless chosen. */
const DURATIONS = [
  ['30', '30 minutes'],
  ['60', '1 hour'],
  ['120', '2 hours'],
  ['180', '3 hours'],
  ['360', '6 hours'],
  ['720', '12 hours'],
  ['1440', '24 hours'],
  ['2880', '2 days'],
  ['10080', '7 days'],
] as const;

type LinkKind = 'none' | 'story' | 'address';

/** The fields a refusal may name, as the error summary links to them. */
const SUMMARY_FIELDS = [
  { name: 'text', id: 'breaking-text', label: 'Text' },
  { name: 'articleId', id: 'breaking-story', label: 'Story' },
  { name: 'link', id: 'breaking-address', label: 'Address' },
  { name: 'expiresAt', id: 'breaking-duration', label: 'Show for' },
];

interface Form {
  text: string;
  linkKind: LinkKind;
  articleId: string;
  address: string;
  minutes: string;
}

const formOf = (banner: BreakingNews | null): Form => ({
  text: banner?.text ?? '',
  linkKind: banner?.articleId ? 'story' : banner?.link ? 'address' : 'none',
  articleId: banner?.articleId ? String(banner.articleId) : '',
  address: banner && !banner.articleId ? (banner.link ?? '') : '',
  minutes: '180',
});

/** The request the form makes: the link as chosen, the expiry from now. */
const bannerOf = (form: Form) => ({
  text: form.text,
  ...(form.linkKind === 'story' && form.articleId ? { articleId: Number(form.articleId) } : {}),
  ...(form.linkKind === 'address' && form.address.trim() ? { link: form.address } : {}),
  expiresAt: new Date(Date.now() + Number(form.minutes) * 60_000).toISOString(),
});

/** A link asked for and not given: the banner must not go up without it unnoticed. */
function missingLink(form: Form): Record<string, string> | null {
  if (form.linkKind === 'story' && !form.articleId)
    return { articleId: 'choose a published story' };
  if (form.linkKind === 'address' && !form.address.trim()) return { link: 'type an address' };
  return null;
}

/** What readers see now, who set it and until when, and the button that takes it down. */
function ShowingNow(props: { banner: BreakingNews | null; onRemoved: () => void }) {
  const zone = usePaperZone();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { banner } = props;
  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await newsroom.removeBreakingNews();
      props.onRemoved();
    } catch (caught) {
      setFailure(messageOf(caught));
      setBusy(false);
    }
  };
  return (
    <section class="panel breaking-now" aria-labelledby="breaking-now-heading">
      <h2 id="breaking-now-heading">Showing now</h2>
      {banner ? (
        <>
          <p class="breaking-preview">
            <strong>Breaking</strong> {banner.text}
          </p>
          {banner.link && <p class="meta">Links to {banner.link}</p>}
          <p class="meta">
            Until {formatPaperTime(banner.expiresAt, zone)}. Set by{' '}
            {banner.setBy?.name ?? 'someone outside the newsroom'} on{' '}
            {formatPaperTime(banner.setAt, zone)}.
          </p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Removing…' : 'Remove now'}
            </button>
          </div>
        </>
      ) : (
        <p class="empty">No banner is showing.</p>
      )}
      <FormError message={failure ?? undefined} />
    </section>
  );
}

/** The link: none, a published story, or an address (a path on the site or an http(s) one). */
function LinkFields(props: {
  form: Form;
  set: (changes: Partial<Form>) => void;
  stories: DeskEntry[];
  errors: Record<string, string>;
}) {
  const { form, set, stories, errors } = props;
  return (
    <>
      <Field
        id="breaking-link-kind"
        label="Link"
        hint="Where the banner leads readers, if anywhere."
      >
        {(aria) => (
          <select
            {...aria}
            value={form.linkKind}
            onChange={(event) => set({ linkKind: event.currentTarget.value as LinkKind })}
          >
            <option value="none">No link</option>
            <option value="story">A published story</option>
            <option value="address">An address</option>
          </select>
        )}
      </Field>
      {form.linkKind === 'story' && (
        <Field id="breaking-story" label="Story" error={errors.articleId}>
          {(aria) => (
            <select
              {...aria}
              value={form.articleId}
              onChange={(event) => set({ articleId: event.currentTarget.value })}
            >
              <option value="">Choose a published story</option>
              {stories.map((story) => (
                <option key={story.id} value={String(story.id)}>
                  {story.headline}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {form.linkKind === 'address' && (
        <Field
          id="breaking-address"
          label="Address"
          hint="A path on this site, such as /oman/roads-close, or an https:// address."
          error={errors.link}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="url"
              value={form.address}
              maxLength={500}
              onInput={(event) => set({ address: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}

/** The banner's text, link and how long it shows; asks before it goes on every page. */
function BannerForm(props: {
  banner: BreakingNews | null;
  stories: DeskEntry[];
  onSaved: () => void;
}) {
  const [form, setForm] = useState(() => formOf(props.banner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { ask, dialog } = useConfirm();
  const set = (changes: Partial<Form>) => setForm({ ...form, ...changes });
  const fields = ['text', 'link', 'articleId', 'expiresAt'];

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = missingLink(form);
    if (missing) return setErrors(missing);
    const confirmed = await ask({
      heading: props.banner ? 'Change the breaking-news banner?' : 'Show a breaking-news banner?',
      message: `Every page of the site shows “${form.text.trim()}” at once, until it expires or you remove it.`,
      confirmLabel: 'Yes, show it',
    });
    if (!confirmed) return;
    setBusy(true);
    setErrors({});
    try {
      await newsroom.setBreakingNews(bannerOf(form));
      props.onSaved();
    } catch (caught) {
      setErrors(formErrorsOf(caught, fields));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{props.banner ? 'Change the banner' : 'Set a banner'}</h2>
      <FormError message={errors.form} />
      <ErrorSummary errors={errors} fields={SUMMARY_FIELDS} />
      <Field
        id="breaking-text"
        label="Text"
        hint={`One line of plain text, at most ${TEXT_MAX} characters (${form.text.length} typed).`}
        error={errors.text}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={form.text}
            maxLength={TEXT_MAX}
            onInput={(event) => set({ text: event.currentTarget.value })}
          />
        )}
      </Field>
      <LinkFields form={form} set={set} stories={props.stories} errors={errors} />
      <Field id="breaking-duration" label="Show for" error={errors.expiresAt}>
        {(aria) => (
          <select
            {...aria}
            value={form.minutes}
            onChange={(event) => set({ minutes: event.currentTarget.value })}
          >
            {DURATIONS.map(([minutes, label]) => (
              <option key={minutes} value={minutes}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormActions busy={busy} label="Show banner" busyLabel="Showing…" notice={null} />
      {dialog}
    </form>
  );
}

async function loadBanner() {
  const [{ banner }, list] = await Promise.all([
    newsroom.breakingNews(),
    newsroom.list({ status: 'published' }),
  ]);
  return { banner, stories: list.articles.filter((story) => !story.killed) };
}

/** The breaking-news banner every reader page shows under its masthead (editors). */
export function BreakingNewsPage() {
  usePageTitle('Breaking news');
  const [loaded, reload] = useLoad(loadBanner, []);
  const [notice, setNotice] = useState<string | null>(null);
  if (loaded.state === 'missing') return <p class="empty">This server has no banner to set.</p>;
  if (loaded.state !== 'ready') return <LoadStatus loaded={loaded} />;
  const { banner, stories } = loaded.value;
  return (
    <>
      <h1>Breaking news</h1>
      <p class="hint">
        A line under the masthead of every page, shown at once and taken down at once.
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ShowingNow
        key={banner?.setAt ?? 'none'}
        banner={banner}
        onRemoved={() => {
          setNotice('The banner is down: readers no longer see it.');
          reload();
        }}
      />
      <BannerForm
        key={banner?.setAt ?? 'none'}
        banner={banner}
        stories={stories}
        onSaved={() => {
          setNotice('The banner is showing on every page.');
          reload();
        }}
      />
    </>
  );
}
