/** One wire item read in full: what changed in its newest version, and a draft made of it. */
import { useState } from 'preact/hooks';
import type { FieldChange } from '../api/types.js';
import { wire, type WireItem } from '../api/wire.js';
import { ChangesView } from '../editor/revision-changes.js';
import { FormError } from '../components/form-parts.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { Link, navigate } from '../router.js';
import { formatInZone } from './paper-time.js';

/** The diff in the form the revision history shows it: the headline, then the text. */
function changesOf(changes: NonNullable<WireItem['changes']>): FieldChange[] {
  const fields: FieldChange[] = [];
  if (changes.headline.some((part) => part.op !== 'same'))
    fields.push({
      field: 'headline',
      label: 'Headline',
      paragraphs: [{ op: 'changed', parts: changes.headline }],
    });
  if (changes.body.some((paragraph) => paragraph.op !== 'same'))
    fields.push({ field: 'body', label: 'Text', paragraphs: changes.body });
  return fields;
}

function WhatChanged({ item }: { item: WireItem }) {
  if (!item.changes) return null;
  return (
    <details class="wire-changes" open>
      <summary>
        Updated: version {item.version} replaced version {item.changes.previousVersion}
      </summary>
      <p class="hint">
        <del>Struck through</del>: only in version {item.changes.previousVersion}.{' '}
        <ins>Underlined</ins>: new in version {item.version}.
      </p>
      <ChangesView changes={changesOf(item.changes)} />
    </details>
  );
}

/** Says a story behind the wire has taken the newest version, then shows the item again. */
function CatchUp(props: { id: number; articleId: number; headline: string; onDone: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const catchUp = async () => {
    setBusy(true);
    try {
      await wire.caughtUp(props.id, props.articleId);
      props.onDone();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="quiet" disabled={busy} onClick={() => void catchUp()}>
        It has the newest version<span class="visually-hidden">: {props.headline}</span>
      </button>
      <FormError message={error} />
    </>
  );
}

/** The stories made from the item, and which of them a newer version has overtaken. */
function MadeFrom({ item, reload }: { item: WireItem; reload: () => void }) {
  if (item.articles.length === 0) return null;
  return (
    <>
      <h3>Made into</h3>
      <ul class="plain-list">
        {item.articles.map((article) => (
          <li key={article.id}>
            <Link href={`/articles/${article.id}`}>{article.headline}</Link>{' '}
            <span class="hint">from version {article.madeFromVersion}</span>
            {article.behind && (
              <>
                {' '}
                <span class="status wire-updated">The wire has a newer version</span>{' '}
                <CatchUp
                  id={item.id}
                  articleId={article.id}
                  headline={article.headline}
                  onDone={reload}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A button that makes a draft with `make` and opens it in the editor; says why when it fails. */
export function DraftButton(props: {
  make: () => Promise<{ id: number }>;
  label: string;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const make = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const made = await props.make();
      navigate(`/articles/${made.id}`);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };
  return (
    <div class="actions">
      <button
        type="button"
        class="primary"
        disabled={busy || props.disabled}
        onClick={() => void make()}
      >
        {busy ? 'Making the draft…' : props.label}
      </button>
      <FormError message={error} />
    </div>
  );
}

function ItemHeading({ item, timeZone }: { item: WireItem; timeZone: string }) {
  return (
    <>
      <h2>{item.headline}</h2>
      <p class="wire-meta">
        <span>{item.agency}</span>
        {item.dateline && <span>{item.dateline}</span>}
        {item.urgency !== null && <span>Urgency {item.urgency}</span>}
        <span>Version {item.version}</span>
        <time dateTime={item.sentAt}>{formatInZone(item.sentAt, timeZone)}</time>
      </p>
    </>
  );
}

function ItemText({ item }: { item: WireItem }) {
  return (
    <>
      {item.bylines.length > 0 && <p class="hint">By {item.bylines.join(', ')}</p>}
      <div class="wire-text">
        {item.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {item.subjects.length > 0 && <p class="hint">Subjects: {item.subjects.join(', ')}</p>}
      {item.photos.length > 0 && (
        <>
          <h3>Photos offered</h3>
          <ul class="plain-list">
            {item.photos.map((photo) => (
              <li key={photo.href}>
                {photo.caption || photo.href}{' '}
                {photo.credit && <span class="hint">({photo.credit})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Loads one item and shows it, with its diff and the button that makes it a draft. */
export function WirePreview({ id, timeZone }: { id: number; timeZone: string }) {
  const [loaded, reload] = useLoad(() => wire.item(id), [id]);
  if (loaded.state === 'loading') return <p class="loading">Loading the item…</p>;
  if (loaded.state === 'failed') return <p class="form-error">{loaded.message}</p>;
  if (loaded.state === 'missing') return <p class="empty">This item is no longer on the wire.</p>;
  const item = loaded.value;
  return (
    <article class="wire-item">
      <ItemHeading item={item} timeZone={timeZone} />
      <WhatChanged item={item} />
      <ItemText item={item} />
      <DraftButton make={() => wire.draft(item.id)} label="Make draft" />
      <MadeFrom item={item} reload={reload} />
    </article>
  );
}
