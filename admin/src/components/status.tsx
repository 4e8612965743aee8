import type { ArticleStatus } from '../api/types.js';
import { formatPaperTime } from '../pages/paper-time.js';
import { usePaperZone } from './paper-clock.js';

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

/** A time as the newsroom reads it, in the paper's zone and labelled with it, in a <time> element. */
export function When({ at }: { at: string | null }) {
  const timeZone = usePaperZone();
  if (!at) return <span class="muted">—</span>;
  return <time dateTime={at}>{formatPaperTime(at, timeZone)}</time>;
}
