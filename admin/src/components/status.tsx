import type { ArticleStatus } from '../api/types.js';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function StatusBadge({ status, killed }: { status: ArticleStatus; killed?: boolean }) {
  if (killed) return <span class="status status-killed">Killed</span>;
  return <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time as the newsroom reads it, in the browser's zone, in a <time> element. */
export function When({ at }: { at: string | null }) {
  if (!at) return <span class="muted">—</span>;
  return <time dateTime={at}>{dateTime.format(new Date(at))}</time>;
}
