import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { DeskEntry, HomePageCuration } from '../api/types.js';
import { Field } from '../components/field.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { formErrorsOf } from '../components/form-submit.js';
import { FormActions, FormError } from '../components/form-parts.js';

/** The most top stories the server keeps. */
const MAX_TOP = 12;

async function loadCuration() {
  const [curation, list] = await Promise.all([
    newsroom.homepage(),
    newsroom.list({ status: 'published' }),
  ]);
  return { curation, published: list.articles.filter((a) => !a.killed) };
}

interface TopStoriesProps {
  top: number[];
  published: DeskEntry[];
  lead: number | null;
  error: string | undefined;
  onChange: (top: number[]) => void;
}

/** Moves the keyboard to the story that moved (to its other button at either end). */
function focusMoved(id: number, by: -1 | 1) {
  requestAnimationFrame(() => {
    const same = document.getElementById(`top-${id}-${by < 0 ? 'up' : 'down'}`);
    const other = document.getElementById(`top-${id}-${by < 0 ? 'down' : 'up'}`);
    ((same as HTMLButtonElement | null)?.disabled ? other : same)?.focus();
  });
}

/** The top stories in order, each with buttons to move it, and a way to add one. */
function TopStories({ top, published, lead, error, onChange }: TopStoriesProps) {
  const [adding, setAdding] = useState('');
  const headline = (id: number) =>
    published.find((a) => a.id === id)?.headline ?? `Story ${id} (not published)`;
  const move = (index: number, by: -1 | 1) => {
    const next = [...top];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    onChange(next);
    focusMoved(id!, by);
  };
  const addable = published.filter((a) => a.id !== lead && !top.includes(a.id));
  const button = (id: number, label: string, props: Record<string, unknown>) => (
    <button type="button" {...props}>
      {label}
      <span class="visually-hidden"> {headline(id)}</span>
    </button>
  );

  return (
    <fieldset>
      <legend>Top stories, in order</legend>
      {error && <p class="error">{error}</p>}
      {top.length === 0 ? (
        <p class="hint">None chosen: the newest stories follow the lead.</p>
      ) : (
        <ol class="top-stories">
          {top.map((id, index) => (
            <li key={id}>
              <span>{headline(id)}</span>{' '}
              {button(id, 'Move up', {
                id: `top-${id}-up`,
                disabled: index === 0,
                onClick: () => move(index, -1),
              })}{' '}
              {button(id, 'Move down', {
                id: `top-${id}-down`,
                disabled: index === top.length - 1,
                onClick: () => move(index, 1),
              })}{' '}
              {button(id, 'Remove', {
                class: 'quiet',
                onClick: () => onChange(top.filter((other) => other !== id)),
              })}
            </li>
          ))}
        </ol>
      )}
      {top.length < MAX_TOP && addable.length > 0 && (
        <div class="field-row">
          <Field id="homepage-add" label="Add a top story">
            {(aria) => (
              <select
                {...aria}
                value={adding}
                onChange={(event) => setAdding(event.currentTarget.value)}
              >
                <option value="">Choose a published story</option>
                {addable.map((a) => (
                  <option key={a.id} value={String(a.id)}>
                    {a.headline}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              onChange([...top, Number(adding)]);
              setAdding('');
            }}
          >
            Add to top stories
          </button>
        </div>
      )}
    </fieldset>
  );
}

interface CurationFormProps {
  initial: HomePageCuration;
  published: DeskEntry[];
}

/** The lead story and the top stories, saved together. */
function CurationForm({ initial, published }: CurationFormProps) {
  const [lead, setLead] = useState(initial.lead);
  const [top, setTop] = useState(initial.top);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = () => {
    setNotice(null);
    setErrors({});
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    changed();
    try {
      const saved = await newsroom.saveHomepage({ lead, top: top.filter((id) => id !== lead) });
      setLead(saved.lead);
      setTop(saved.top);
      setNotice('Home page saved.');
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['lead', 'top']));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormError message={errors.form} />
      <Field id="homepage-lead" label="Lead story" hint="Shown first." error={errors.lead}>
        {(aria) => (
          <select
            {...aria}
            value={lead === null ? '' : String(lead)}
            onChange={(event) => {
              const id = event.currentTarget.value ? Number(event.currentTarget.value) : null;
              setLead(id);
              setTop(top.filter((other) => other !== id));
              changed();
            }}
          >
            <option value="">The newest story with a photo (automatic)</option>
            {published.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.headline}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TopStories
        top={top}
        published={published}
        lead={lead}
        error={errors.top}
        onChange={(next) => {
          setTop(next);
          changed();
        }}
      />
      <FormActions busy={busy} label="Save home page" busyLabel="Saving…" notice={notice} />
    </form>
  );
}

/** The home page's running order: the lead story, then the top stories in order (editors). */
export function HomepagePage() {
  usePageTitle('Home page');
  const [loaded] = useLoad(loadCuration, []);
  if (loaded.state === 'loading') return <p class="loading">Loading…</p>;
  if (loaded.state === 'failed')
    return (
      <p class="form-error" role="alert">
        {loaded.message}
      </p>
    );
  if (loaded.state === 'missing')
    return <p class="empty">This server cannot arrange the home page.</p>;
  return (
    <>
      <h1>Home page</h1>
      <CurationForm initial={loaded.value.curation} published={loaded.value.published} />
    </>
  );
}
