import type { FirstRunItem, FirstRunStep } from '../api/types.js';
import { Link } from '../router.js';

/** Each step of a new paper: what to do, and the page where it is done. */
const STEPS: Record<FirstRunStep, { label: string; href: string }> = {
  settings: { label: 'Name the paper and set its time zone', href: '/settings' },
  sections: { label: 'Make the sections stories are filed in', href: '/sections' },
  invite: { label: 'Invite someone to the newsroom', href: '/users' },
  first_story: { label: 'Publish the first story', href: '/articles/new' },
};

/**
 * The editor-in-chief's list of a new paper's first steps, each done or still to do; the
 * server leaves it out once every step is done.
 */
export function FirstRunChecklist({ items }: { items: FirstRunItem[] | null }) {
  if (!items || items.length === 0) return null;
  const done = items.filter((item) => item.done).length;
  return (
    <section class="panel first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Getting the paper ready</h2>
      <p class="hint">
        {done} of {items.length} done. This list leaves the dashboard once every step is done.
      </p>
      <ol class="checklist">
        {items.map(({ step, done: isDone }) => (
          <li key={step} class={isDone ? 'done' : undefined}>
            <span class={`step-state${isDone ? ' done' : ''}`}>{isDone ? 'Done' : 'To do'}</span>
            <Link href={STEPS[step].href}>{STEPS[step].label}</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
