/**
 * Several wire items made one draft (ADR 0061): the desk ticks items in the queue, across
 * filters and pages, in the order the story should run; the first ticked leads.
 */
import { useState } from 'preact/hooks';
import { wire, type WireSummary } from '../api/wire.js';
import { DraftButton } from './wire-preview.js';

/** The most items one draft may be merged from (the server's limit). */
const MAX_CHOSEN = 10;

/** An item as the chosen list shows it. */
export type ChosenItem = Pick<WireSummary, 'id' | 'headline' | 'agency'>;

/** The items ticked, in the order ticked, and a way to tick or untick one. */
export function useChosenItems() {
  const [chosen, setChosen] = useState<ChosenItem[]>([]);
  const toggle = (item: ChosenItem) =>
    setChosen((now) =>
      now.some((c) => c.id === item.id)
        ? now.filter((c) => c.id !== item.id)
        : now.length < MAX_CHOSEN
          ? [...now, { id: item.id, headline: item.headline, agency: item.agency }]
          : now,
    );
  return { chosen, toggle, clear: () => setChosen([]) };
}

/** The tick box beside an item in the queue. */
export function ChooseBox(props: {
  item: WireSummary;
  chosen: ChosenItem[];
  toggle: (item: ChosenItem) => void;
}) {
  const { item, chosen } = props;
  const at = chosen.findIndex((c) => c.id === item.id);
  const full = at < 0 && chosen.length >= MAX_CHOSEN;
  return (
    <input
      type="checkbox"
      class="wire-choose"
      checked={at >= 0}
      disabled={full}
      aria-label={`Merge “${item.headline}”`}
      title={full ? `At most ${MAX_CHOSEN} items make one draft` : undefined}
      onChange={() => props.toggle(item)}
    />
  );
}

/** The items ticked, the lead first, and the button that makes one draft of them. */
export function ChosenItems(props: { chosen: ChosenItem[]; clear: () => void }) {
  const { chosen } = props;
  if (chosen.length === 0) return null;
  const agencies = new Set(chosen.map((c) => c.agency.toLowerCase()));
  return (
    <section class="wire-merge panel" aria-label="Items to merge">
      <h2>
        {chosen.length === 1 ? '1 item ticked' : `${chosen.length} items ticked`}, in the order the
        story runs
      </h2>
      <ol>
        {chosen.map((c, index) => (
          <li key={c.id}>
            {c.headline}{' '}
            <span class="wire-meta-inline">
              ({c.agency}
              {index === 0 ? ', the lead' : ''})
            </span>
          </li>
        ))}
      </ol>
      <p class="hint">
        {chosen.length < 2
          ? 'Tick another item to merge it into this one.'
          : `Signed off “${agencies.size > 1 ? 'Agencies' : chosen[0]!.agency}”; the headline, dateline and photo come from the lead.`}
      </p>
      <div class="wire-merge-actions">
        <DraftButton
          make={() => wire.merge(chosen.map((c) => c.id))}
          label={`Merge ${chosen.length} into one draft`}
          disabled={chosen.length < 2}
        />
        <button type="button" onClick={() => props.clear()}>
          Clear
        </button>
      </div>
    </section>
  );
}
