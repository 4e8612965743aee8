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
import { changesBetween, differs } from './draft-changes.js';
import { useLocalBackup } from './local-backup.js';

export const AUTOSAVE_MS = 10_000;

/** Messages by field (`headline`, `lead.alt`, …); `form` for those of no field. */
export type FieldErrors = Record<string, string>;

/** One field, or stretch of body blocks, both editors changed differently. */
export interface ConflictingChange {
  /** What a choice is sent under: `headline`, `body.3`. */
  key: string;
  field: string;
  /** For the body: where the stretch starts in the text both started from. */
  block?: number;
  theirs: unknown;
  yours: unknown;
}

/** Which version the writer keeps, by conflict key. */
export type ConflictChoices = Record<string, 'yours' | 'theirs'>;

/** A save refused because someone else changed the same thing; the refused text is kept as `kept`. */
export interface Conflict {
  current: number;
  kept: number;
  message: string;
  conflicts: ConflictingChange[];
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
  socialTitle: '',
  socialDescription: '',
  socialImageId: null,
};

export const errorsFrom = (error: unknown): FieldErrors =>
  error instanceof ApiError && error.field
    ? { [error.field]: error.message }
    : { form: messageOf(error) };

function conflictOf(error: ApiError): Conflict {
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  const conflicts = error.details.conflicts;
  return {
    current: number(error.details.revision),
    kept: number(error.details.conflictRevision),
    message: error.message,
    conflicts: Array.isArray(conflicts) ? (conflicts as ConflictingChange[]) : [],
  };
}

export interface DraftEditor {
  draft: ArticleDraft;
  revision: number;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  lastSaveKind: SaveKind | null;
  /** The last save of a live story waits as its next version, unseen by readers. */
  notYetLive: boolean;
  errors: FieldErrors;
  /** The errors answer a save the writer asked for, not an autosave: they may take focus. */
  errorsAsked: boolean;
  conflict: Conflict | null;
  /** Changes whenever the body is replaced from the server: the body editor remounts on it. */
  bodyKey: number;
  update: (changes: DraftChanges) => void;
  /** Saves the changes; true when the server has everything the writer sees. */
  save: (kind?: SaveKind) => Promise<boolean>;
  /** Takes the server's text as it is now (after a conflict, or a restore). */
  reload: (article: DeskArticle) => void;
  /**
   * Puts text kept unsaved in this browser back in the editor, based on the revision it started
   * from: if others saved since, saving it gives the usual conflict rather than overwriting them.
   */
  restoreText: (backup: { draft: ArticleDraft; base: ArticleDraft; revision: number }) => void;
  /** Takes a newer revision from the server, unless the writer has unsaved changes. */
  adopt: (article: DeskArticle) => void;
  /**
   * After a conflict: saves the writer's text again with a version chosen for each conflict;
   * the server merges it with the newest revision, so what only others changed stays theirs.
   * Takes the merged text into the editor on success.
   */
  resolve: (choices: ConflictChoices) => Promise<DeskArticle | null>;
}

type SaveKind = 'save' | 'autosave';

/** The last text the server is known to have. */
interface Saved {
  base: ArticleDraft;
  revision: number;
  at: Date | null;
  kind: SaveKind | null;
  notYetLive?: boolean;
}

type Outcome =
  | { ok: true; revision: number; notYetLive: boolean; merged?: DeskArticle }
  | { ok: false; conflict: Conflict }
  | { ok: false; errors: FieldErrors };

/** Sends the changes of `draft` since `saved`, based on the revision they started from. */
async function sendChanges(
  id: number,
  saved: Saved,
  draft: ArticleDraft,
  kind: SaveKind,
  choices?: ConflictChoices,
): Promise<Outcome> {
  try {
    const changes = changesBetween(saved.base, draft);
    const answer = await newsroom.save(id, saved.revision, changes, kind === 'autosave', choices);
    const notYetLive = answer.pendingChanges === true;
    // Merged with a colleague's save: the server's text now holds both.
    const merged = answer.merged && (await newsroom.read(id));
    return { ok: true, revision: answer.revision, notYetLive, ...(merged && { merged }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { ok: false, conflict: conflictOf(error) };
    return { ok: false, errors: errorsFrom(error) };
  }
}

/** Autosaves every AUTOSAVE_MS while editable; `autosave` reads the latest text itself. */
function useAutosave(editable: boolean, autosave: () => void) {
  useEffect(() => {
    if (!editable) return;
    const timer = setInterval(autosave, AUTOSAVE_MS);
    return () => clearInterval(timer);
    // The first `autosave` serves for good: it reads everything through refs.
  }, [editable]);
}

/** One save at a time: a save asked for meanwhile waits its turn; an autosave just skips. */
function useOneSaveAtATime(attempt: (kind: SaveKind) => Promise<boolean>) {
  const inFlight = useRef<Promise<boolean> | null>(null);
  return async (kind: SaveKind = 'save'): Promise<boolean> => {
    while (inFlight.current) {
      if (kind === 'autosave') return false;
      await inFlight.current;
    }
    const run = attempt(kind);
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  };
}

/** Saves the writer's text again with the chosen versions; answers the merged text, or a new conflict. */
async function resolveConflict(
  id: number,
  { saved, draft }: { saved: Saved; draft: ArticleDraft },
  choices: ConflictChoices,
): Promise<{ conflict: Conflict } | { fresh: DeskArticle; saved: Saved }> {
  const outcome = await sendChanges(id, saved, draft, 'save', choices);
  if (!outcome.ok && 'conflict' in outcome) return { conflict: outcome.conflict };
  if (!outcome.ok) throw new Error(Object.values(outcome.errors).join(' '));
  const fresh = await newsroom.read(id);
  const at = new Date();
  const { notYetLive } = outcome;
  return {
    fresh,
    saved: { base: fresh.draft, revision: fresh.revision, at, kind: 'save', notYetLive },
  };
}

interface Latest {
  draft: ArticleDraft;
  saved: Saved;
  conflict: Conflict | null;
  failedDraft: string;
}

interface ResolveSetters {
  setSaving: (saving: boolean) => void;
  setConflict: (conflict: Conflict | null) => void;
  setSaved: (saved: Saved) => void;
  replaceText: (text: ArticleDraft) => void;
}

/** After a conflict: saves again with the chosen versions; the merged text replaces the editor's. */
function resolverFor(id: number, latest: { current: Latest }, set: ResolveSetters) {
  return async (choices: ConflictChoices) => {
    set.setSaving(true);
    const answer = await resolveConflict(id, latest.current, choices).finally(() =>
      set.setSaving(false),
    );
    if ('conflict' in answer) {
      set.setConflict((latest.current.conflict = answer.conflict));
      return null;
    }
    latest.current = { ...latest.current, saved: answer.saved, conflict: null, failedDraft: '' };
    set.setSaved(answer.saved);
    set.setConflict(null);
    set.replaceText(answer.fresh.draft);
    return answer.fresh;
  };
}

/**
 * What the server has after a save. A save merged with a colleague's brings their changes into
 * the editor, unless the writer typed meanwhile: then only the next load shows them.
 */
function savedAfter(
  outcome: Extract<Outcome, { ok: true }>,
  sent: ArticleDraft,
  now: ArticleDraft,
  kind: SaveKind,
): { saved: Saved; merged: ArticleDraft | null } {
  const take = outcome.merged && !differs(sent, now) ? outcome.merged : null;
  const { revision, notYetLive } = outcome;
  const at = new Date();
  if (!take) return { saved: { base: sent, revision, at, kind, notYetLive }, merged: null };
  const saved = { base: take.draft, revision: take.revision, at, kind, notYetLive };
  return { saved, merged: take.draft };
}

/** What the status line says about the last save. */
const whenSaved = (saved: Saved) => ({
  savedAt: saved.at,
  lastSaveKind: saved.kind,
  notYetLive: saved.notYetLive === true,
});

/** Why a save sends nothing: the server has the text, or an autosave would repeat a refusal. */
function skipOf(now: Latest, kind: SaveKind): 'saved' | 'refused' | null {
  if (!differs(now.saved.base, now.draft)) return 'saved';
  // An autosave does not repeat a save the server refused until the text changes again.
  if (kind === 'autosave' && JSON.stringify(now.draft) === now.failedDraft) return 'refused';
  return null;
}

/** The last save's field errors, and whether the writer asked for that save. */
function useSaveErrors() {
  const [errors, setErrorsOf] = useState<{ of: FieldErrors; asked: boolean }>({
    of: {},
    asked: false,
  });
  const setErrors = (of: FieldErrors, kind: SaveKind = 'save') =>
    setErrorsOf({ of, asked: kind === 'save' });
  return [errors, setErrors] as const;
}

/** Editing an existing article, loaded as `article`. */
export function useDraft(article: DeskArticle, editable: boolean): DraftEditor {
  const [draft, setDraft] = useState<ArticleDraft>(article.draft);
  const first: Saved = { base: article.draft, revision: article.revision, at: null, kind: null };
  const [saved, setSaved] = useState<Saved>(first);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useSaveErrors();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [bodyKey, setBodyKey] = useState(0);
  // The autosave timer and saves in flight read the latest values through these.
  const latest = useRef<Latest>({ draft, saved, conflict, failedDraft: '' });

  const attempt = async (kind: SaveKind): Promise<boolean> => {
    const now = latest.current;
    if (now.conflict) return false;
    const sent = now.draft;
    const skip = skipOf(now, kind);
    // Back to the saved text: whatever the server refused is no longer asked of it.
    if (skip === 'saved' && kind === 'save') setErrors({});
    if (skip) return skip === 'saved';
    setSaving(true);
    const outcome = await sendChanges(article.id, now.saved, sent, kind);
    setSaving(false);
    if (!outcome.ok) {
      latest.current.failedDraft = JSON.stringify(sent);
      if ('conflict' in outcome) setConflict((latest.current.conflict = outcome.conflict));
      else setErrors(outcome.errors, kind);
      return false;
    }
    const { saved: next, merged } = savedAfter(outcome, sent, latest.current.draft, kind);
    latest.current = { ...latest.current, saved: next, failedDraft: '' };
    setSaved(next);
    setErrors({});
    if (merged) replaceText(merged);
    return !differs(next.base, latest.current.draft);
  };

  const save = useOneSaveAtATime(attempt);

  /** Makes `base` at `revision` what the text in the editor is measured and saved against. */
  const rebase = (base: ArticleDraft, revision: number) => {
    const next = { ...saved, base, revision };
    latest.current = { ...latest.current, saved: next, conflict: null, failedDraft: '' };
    setSaved(next);
    setConflict(null);
    setErrors({});
  };

  const replaceText = (text: ArticleDraft) => {
    latest.current.draft = text;
    setDraft(text);
    setBodyKey((key) => key + 1);
  };

  const reload = (fresh: DeskArticle) => {
    rebase(fresh.draft, fresh.revision);
    replaceText(fresh.draft);
  };

  const setters = { setSaving, setConflict, setSaved, replaceText };

  useAutosave(editable, () => void save('autosave'));
  useLocalBackup(article.id, saved.base, draft, saved.revision);

  return {
    draft,
    revision: saved.revision,
    dirty: differs(saved.base, draft),
    saving,
    ...whenSaved(saved),
    errors: errors.of,
    errorsAsked: errors.asked,
    conflict,
    bodyKey,
    update: (changes) => {
      const next = { ...latest.current.draft, ...changes };
      latest.current.draft = next;
      setDraft(next);
    },
    save,
    reload,
    restoreText: (backup) => {
      rebase(backup.base, backup.revision);
      replaceText(backup.draft);
    },
    adopt: (fresh) => {
      const { saved: known, draft: text } = latest.current;
      if (fresh.revision !== known.revision && !differs(known.base, text)) reload(fresh);
    },
    resolve: resolverFor(article.id, latest, setters),
  };
}
