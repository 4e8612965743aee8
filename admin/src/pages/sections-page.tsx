/** Sections, for editors and the editor-in-chief: the parts of the paper and their order. */
import { useEffect, useState } from 'preact/hooks';
import { sectionsApi, type SectionChanges } from '../api/sections.js';
import type { Section } from '../api/types.js';
import { Field } from '../components/field.js';
import { ActionMessage, FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorSummary } from '../components/error-summary.js';

type Report = (text: string, failed?: boolean) => void;

const SLUG_HINT = 'Lower-case letters, digits and hyphens. Old addresses keep working.';

function NewSectionForm({ onCreated }: { onCreated: (section: Section) => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [description, setDescription] = useState('');
  const { errors, busy, submit } = useFormSubmit(['name', 'slug', 'description'], async () => {
    const made = await sectionsApi.create({ name, description, ...(slug && { slug }) });
    setName('');
    setSlug('');
    setDescription('');
    onCreated(made);
  });

  return (
    <section aria-labelledby="new-section-heading">
      <h2 id="new-section-heading">Add a section</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <ErrorSummary
          errors={errors}
          fields={[
            { name: 'name', id: 'new-section-name', label: 'Name' },
            { name: 'slug', id: 'new-section-slug', label: 'Address' },
            { name: 'description', id: 'new-section-description', label: 'Description' },
          ]}
        />
        <Field id="new-section-name" label="Name" error={errors.name}>
          {(aria) => (
            <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id="new-section-slug"
          label="Address (optional)"
          hint="Made from the name when left empty. Lower-case letters, digits and hyphens."
          error={errors.slug}
        >
          {(aria) => (
            <input {...aria} value={slug} onInput={(e) => setSlug(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="new-section-description" label="Description" error={errors.description}>
          {(aria) => (
            <input
              {...aria}
              value={description}
              onInput={(e) => setDescription(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormActions busy={busy} label="Add section" busyLabel="Adding…" notice={null} />
      </form>
    </section>
  );
}

/** Renaming in place: the name and the address, both checked by the server. */
function RenameForm(props: {
  section: Section;
  onSaved: (section: Section) => void;
  onCancel: () => void;
}) {
  const { section } = props;
  const [name, setName] = useState(section.name);
  const [slug, setSlug] = useState(section.slug);
  const { errors, busy, submit } = useFormSubmit(['name', 'slug'], async () =>
    props.onSaved(await sectionsApi.change(section.id, { name, slug })),
  );
  const id = `section-${section.id}`;
  return (
    <form class="rename" onSubmit={submit} noValidate>
      <FormError message={errors.form} />
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'name', id: `${id}-name`, label: 'Name' },
          { name: 'slug', id: `${id}-slug`, label: 'Address' },
        ]}
      />
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        {(aria) => <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id={`${id}-slug`} label="Address" hint={SLUG_HINT} error={errors.slug}>
        {(aria) => <input {...aria} value={slug} onInput={(e) => setSlug(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface RowProps {
  section: Section;
  first: boolean;
  last: boolean;
  onMove: (section: Section, by: -1 | 1) => void;
  onChanged: () => void;
  report: Report;
}

/** A button's visible words, completed for screen readers by the section's name. */
const named = (words: string, section: Section) => ({
  'aria-label': `${words}: ${section.name}`,
  children: words,
});

/** The buttons of one section; the move buttons carry ids so focus can follow the move. */
function RowActions(props: {
  section: Section;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (section: Section, by: -1 | 1) => void;
  onRename: () => void;
  onHide: () => void;
  onDelete: () => void;
}) {
  const { section, busy } = props;
  return (
    <div class="actions">
      <button
        type="button"
        id={`up-${section.id}`}
        disabled={props.first || busy}
        onClick={() => props.onMove(section, -1)}
        {...named('Move up', section)}
      />
      <button
        type="button"
        id={`down-${section.id}`}
        disabled={props.last || busy}
        onClick={() => props.onMove(section, 1)}
        {...named('Move down', section)}
      />
      <button
        type="button"
        disabled={busy}
        onClick={props.onRename}
        {...named('Rename', section)}
      />
      <button
        type="button"
        disabled={busy}
        onClick={props.onHide}
        {...named(section.hidden ? 'Show' : 'Hide', section)}
      />
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={props.onDelete}
        {...named('Delete', section)}
      />
    </div>
  );
}

/** One section: its place in the order, and what an editor can do with it. */
function SectionRow({ section, first, last, onMove, onChanged, report }: RowProps) {
  const [renaming, setRenaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      report(await work());
      onChanged();
    } catch (caught) {
      report(messageOf(caught), true);
    }
    setBusy(false);
  };
  const change = (changes: SectionChanges, done: string) =>
    act(async () => (await sectionsApi.change(section.id, changes), done));
  const remove = () =>
    act(async () => {
      if (!window.confirm(`Delete the section ${section.name}?`)) return 'Nothing was deleted.';
      await sectionsApi.remove(section.id);
      return `${section.name} is deleted.`;
    });
  return (
    <li class="section-row">
      <p class="section-name">
        <strong>{section.name}</strong> <code>/{section.slug}</code>
        {section.hidden && (
          <>
            {' '}
            <span class="tag">hidden</span>
          </>
        )}
      </p>
      <RowActions
        section={section}
        first={first}
        last={last}
        busy={busy}
        onMove={onMove}
        onRename={() => setRenaming(!renaming)}
        onHide={() =>
          void change(
            { hidden: !section.hidden },
            section.hidden
              ? `${section.name} is back in the navigation.`
              : `${section.name} is hidden from the navigation; its page still answers.`,
          )
        }
        onDelete={() => void remove()}
      />
      {renaming && (
        <RenameForm
          section={section}
          onCancel={() => setRenaming(false)}
          onSaved={(saved) => {
            setRenaming(false);
            report(`Saved. ${saved.name} is now at /${saved.slug}.`);
            onChanged();
          }}
        />
      )}
    </li>
  );
}

/** Keeps keyboard focus on the moved section's button, or its other one at either end. */
function useFocusAfterMove(moved: { id: number; by: -1 | 1 } | null, order: Section[]) {
  useEffect(() => {
    if (!moved) return;
    const same = document.getElementById(`${moved.by < 0 ? 'up' : 'down'}-${moved.id}`);
    const other = document.getElementById(`${moved.by < 0 ? 'down' : 'up'}-${moved.id}`);
    ((same as HTMLButtonElement | null)?.disabled ? other : same)?.focus();
  }, [moved, order]);
}

export function SectionsPage() {
  usePageTitle('Sections');
  const [loaded, reload] = useLoad(() => sectionsApi.list(), []);
  const [order, setOrder] = useState<Section[]>([]);
  const [moved, setMoved] = useState<{ id: number; by: -1 | 1 } | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const report: Report = (text, failed = false) => setMessage({ text, failed });
  useEffect(() => {
    if (loaded.state === 'ready') setOrder(loaded.value);
  }, [loaded]);
  useFocusAfterMove(moved, order);

  const move = async (section: Section, by: -1 | 1) => {
    const at = order.findIndex((s) => s.id === section.id);
    const next = [...order];
    [next[at], next[at + by]] = [next[at + by]!, next[at]!];
    setOrder(next);
    setMoved({ id: section.id, by });
    try {
      setOrder(await sectionsApi.reorder(next.map((s) => s.id)));
      report(`${section.name} moved ${by < 0 ? 'up' : 'down'} to place ${at + by + 1}.`);
    } catch (caught) {
      report(messageOf(caught), true);
      reload();
    }
  };

  return (
    <>
      <h1>Sections</h1>
      <p>
        The order below is the order of the reader’s navigation and home page. A hidden section
        leaves the navigation and the home page; its page and stories stay at their addresses.
      </p>
      <ActionMessage message={message} />
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' &&
        (order.length === 0 ? (
          <p>No sections yet. Add the first one below: stories are filed in sections.</p>
        ) : (
          <section aria-labelledby="sections-list-heading">
            <h2 id="sections-list-heading">In the navigation’s order</h2>
            <ol class="section-list">
              {order.map((section, i) => (
                <SectionRow
                  key={`${section.id}-${section.slug}-${section.name}`}
                  section={section}
                  first={i === 0}
                  last={i === order.length - 1}
                  onMove={(s, by) => void move(s, by)}
                  onChanged={reload}
                  report={report}
                />
              ))}
            </ol>
          </section>
        ))}
      <NewSectionForm
        onCreated={(section) => {
          report(`${section.name} is added at /${section.slug}.`);
          reload();
        }}
      />
    </>
  );
}
