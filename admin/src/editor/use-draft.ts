/**
 * The text being edited and its way to the server: what changed since the last save, saving
 * with the revision it was based on, autosave while changed, and a conflict kept in view until
 * the writer resolves it. The writer's text is never thrown away here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { newsroom, type DraftChanges } from '../api/newsroom.js';
import type { ArticleDraft, DeskArticle } from '../api/types.js';
import { messageOf } from '../components/use-load.js';

export const AUTOSAVE_MS = 10_000;

/** Messages by field (`headline`, `lead.alt`, …); `form` for those of no field. */
export type FieldErrors = Record<string, string>;

/** A save refused because someone else saved first; the refused text is kept as `kept`. */
export interface Conflict {
  current: number;
  kept: number;
  message: string;
}

export const EMPTY_DRAFT: ArticleDraft = {
  headline: '',
  standfirst: '',
  dateline: '',
  body: { type: 'doc', content: [] },
  sectionId: 0,
  tags: [],
  bylines: [],
  lead: null,
  signOff: '',
  seoTitle: '',
  seoDescription: '',
};

/** The fields of `draft` that differ from `base`. */
export function changesBetween(base: ArticleDraft, draft: ArticleDraft): DraftChanges {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof ArticleDraft)[]) {
    if (draft[key] === undefined) continue;
    if (JSON.stringify(draft[key]) !== JSON.stringify(base[key])) changes[key] = draft[key];
  }
  return changes as DraftChanges;
}

export const errorsFrom = (error: unknown): FieldErrors =>
  error instanceof ApiError && error.field
    ? { [error.field]: error.message }
    : { form: messageOf(error) };

function conflictOf(error: ApiError): Conflict {
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    current: number(error.details.revision),
    kept: number(error.details.conflictRevision),
    message: error.message,
  };
}

export interface DraftEditor {
  draft: ArticleDraft;
  revision: number;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  lastSaveKind: 'save' | 'autosave' | null;
  errors: FieldErrors;
  conflict: Conflict | null;
  /** Changes whenever the body is replaced from the server: the body editor remounts on it. */
  bodyKey: number;
  update(changes: DraftChanges): void;
  /** Saves the changes; true when the server has everything the writer sees. */
  save(kind?: 'save' | 'autosave'): Promise<boolean>;
  /** Takes the server's text as it is now (after a conflict, or a restore). */
  reload(article: DeskArticle): void;
  /** After a conflict: bases the writer's text on the newest revision and saves it. */
  saveOver(article: DeskArticle): Promise<boolean>;
  setErrors(errors: FieldErrors): void;
}

/** Editing an existing article (`id`), loaded as `article`. */
export function useDraft(id: number, article: DeskArticle, editable: boolean): DraftEditor {
  const [draft, setDraft] = useState<ArticleDraft>(article.draft);
  const [base, setBase] = useState<ArticleDraft>(article.draft);
  const [revision, setRevision] = useState(article.revision);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [lastSaveKind, setLastSaveKind] = useState<'save' | 'autosave' | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [bodyKey, setBodyKey] = useState(0);

  // The autosave timer and async saves read the latest values through this.
  const latest = useRef({ draft, base, revision, saving, conflict, failedDraft: '' });
  latest.current = { ...latest.current, draft, base, revision, saving, conflict };

  const dirty = Object.keys(changesBetween(base, draft)).length > 0;

  const save = async (kind: 'save' | 'autosave' = 'save'): Promise<boolean> => {
    const now = latest.current;
    if (now.saving || now.conflict) return false;
    const sent = now.draft;
    const changes = changesBetween(now.base, sent);
    if (Object.keys(changes).length === 0) return true;
    // An autosave does not repeat a save the server refused until the text changes again.
    if (kind === 'autosave' && JSON.stringify(sent) === now.failedDraft) return false;
    latest.current.saving = true;
    setSaving(true);
    try {
      const saved = await newsroom.save(id, now.revision, changes, kind === 'autosave');
      latest.current = { ...latest.current, base: sent, revision: saved.revision, failedDraft: '' };
      setBase(sent);
      setRevision(saved.revision);
      setSavedAt(new Date());
      setLastSaveKind(kind);
      setErrors({});
      setConflict(null);
      return Object.keys(changesBetween(sent, latest.current.draft)).length === 0;
    } catch (error) {
      latest.current.failedDraft = JSON.stringify(sent);
      if (error instanceof ApiError && error.status === 409) {
        const found = conflictOf(error);
        latest.current.conflict = found;
        setConflict(found);
      } else setErrors(errorsFrom(error));
      return false;
    } finally {
      latest.current.saving = false;
      setSaving(false);
    }
  };

  const reload = (fresh: DeskArticle) => {
    latest.current = { ...latest.current, draft: fresh.draft, base: fresh.draft, revision: fresh.revision, conflict: null };
    setDraft(fresh.draft);
    setBase(fresh.draft);
    setRevision(fresh.revision);
    setConflict(null);
    setErrors({});
    setBodyKey((key) => key + 1);
  };

  const saveOver = (fresh: DeskArticle) => {
    latest.current = { ...latest.current, base: fresh.draft, revision: fresh.revision, conflict: null, failedDraft: '' };
    setBase(fresh.draft);
    setRevision(fresh.revision);
    setConflict(null);
    return save('save');
  };

  useEffect(() => {
    if (!editable) return;
    const timer = setInterval(() => void save('autosave'), AUTOSAVE_MS);
    return () => clearInterval(timer);
    // save reads everything it needs from `latest`.
  }, [editable]);

  return {
    draft,
    revision,
    dirty,
    saving,
    savedAt,
    lastSaveKind,
    errors,
    conflict,
    bodyKey,
    update: (changes) =>
      setDraft((current) => {
        const next = { ...current, ...changes };
        latest.current.draft = next;
        return next;
      }),
    save,
    reload,
    saveOver,
    setErrors,
  };
}
