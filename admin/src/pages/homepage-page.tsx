import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { DeskEntry, FrontCuration, Section } from '../api/types.js';
import { Field } from '../components/field.js';
import { FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { formErrorsOf } from '../components/form-submit.js';
import { PagePreview } from '../components/page-preview.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { RunningOrder } from './running-order.js';

/** The most top stories the server keeps. */
const MAX_TOP = 12;

/** The front being arranged: the home page, or a section's front. */
interface Front {
  sectionId: number | null;
  /** "Home page", or the section's name. */
  name: string;
}

async function loadCuration(front: Front) {
  const [curation, list] = await Promise.all([
    newsroom.front(front.sectionId),
    newsroom.list({ status: 'published', sectionId: front.sectionId ?? '' }),
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

/** The top stories in order, reordered by dragging or from the keyboard, and a way to add one. */
function TopStories({ top, published, lead, error, onChange }: TopStoriesProps) {
  const [adding, setAdding] = useState('');
  const headline = (id: number) =>
    published.find((a) => a.id === id)?.headline ?? `Story ${id} (not published)`;
  const addable = published.filter((a) => a.id !== lead && !top.includes(a.id));

  return (
    <fieldset>
      <legend>Top stories, in order</legend>
      {error && <p class="error">{error}</p>}
      <p class="hint">Drag a story into place, or move it with its buttons.</p>
      <RunningOrder
        order={top}
        headline={headline}
        onChange={onChange}
        emptyHint="None chosen: the newest stories follow the lead."
      />
      {top.length < MAX_TOP && addable.length > 0 && (
        <div class="field-row add-story">
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
  front: Front;
  initial: FrontCuration;
  published: DeskEntry[];
}

/** The lead story and the top stories, previewed as readers would see them, saved together. */
function CurationForm({ front, initial, published }: CurationFormProps) {
  const [lead, setLead] = useState(initial.lead);
  const [top, setTop] = useState(initial.top);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = () => {
    setNotice(null);
    setErrors({});
  };
  const choice = { lead, top: top.filter((id) => id !== lead) };
  const label = front.sectionId === null ? 'home page' : `${front.name} front`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    changed();
    try {
      const saved = await newsroom.saveFront(front.sectionId, choice);
      setLead(saved.lead);
      setTop(saved.top);
      setNotice(`${front.sectionId === null ? 'Home page' : `${front.name} front`} saved.`);
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
            <option value="">
              {front.sectionId === null
                ? 'The newest story with a photo (automatic)'
                : 'None: the newest stories in order'}
            </option>
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
      <PagePreview
        url={newsroom.frontPreviewUrl(front.sectionId, choice)}
        frameTitle={`Preview of the ${label}`}
      >
        <p class="hint">The {label} as readers will see it with this order, before you save it.</p>
      </PagePreview>
      <FormActions busy={busy} label={`Save ${label}`} busyLabel="Saving…" notice={notice} />
    </form>
  );
}

/** One front's running order, loaded afresh whenever another front is chosen. */
function FrontCurator({ front }: { front: Front }) {
  const [loaded] = useLoad(() => loadCuration(front), [front.sectionId]);
  if (loaded.state === 'missing')
    return <p class="empty">This server cannot arrange the {front.name}.</p>;
  if (loaded.state !== 'ready') return <LoadStatus loaded={loaded} />;
  return (
    <CurationForm
      front={front}
      initial={loaded.value.curation}
      published={loaded.value.published}
    />
  );
}

/** Which front to arrange: the home page or one of the sections. */
function FrontChooser(props: {
  sections: Section[];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  return (
    <Field id="front-choice" label="Front" hint="The home page, or a section’s front.">
      {(aria) => (
        <select
          {...aria}
          value={props.value === null ? '' : String(props.value)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            props.onChange(value ? Number(value) : null);
          }}
        >
          <option value="">Home page</option>
          {props.sections.map((section) => (
            <option key={section.id} value={String(section.id)}>
              {section.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The fronts' running order: each front's lead story, then its top stories in order (editors). */
export function HomepagePage() {
  usePageTitle('Front pages');
  const [sections] = useLoad(() => newsroom.sections(), []);
  const [sectionId, setSectionId] = useState<number | null>(null);
  const list = sections.state === 'ready' ? sections.value : [];
  const section = list.find((s) => s.id === sectionId);
  const front = section
    ? { sectionId: section.id, name: section.name }
    : { sectionId: null, name: 'Home page' };
  return (
    <>
      <h1>Front pages</h1>
      <FrontChooser sections={list} value={front.sectionId} onChange={setSectionId} />
      <FrontCurator key={front.sectionId ?? 'home'} front={front} />
    </>
  );
}
