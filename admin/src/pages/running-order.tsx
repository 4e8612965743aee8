import { useState } from 'preact/hooks';

interface RunningOrderProps {
  /** The chosen stories' ids, in order. */
  order: number[];
  headline: (id: number) => string;
  onChange: (order: number[]) => void;
  /** What an empty list means. */
  emptyHint: string;
}

/** Moves the keyboard to the story that moved (to its other button at either end). */
function focusMoved(id: number, by: -1 | 1) {
  requestAnimationFrame(() => {
    const same = document.getElementById(`top-${id}-${by < 0 ? 'up' : 'down'}`);
    const other = document.getElementById(`top-${id}-${by < 0 ? 'down' : 'up'}`);
    ((same as HTMLButtonElement | null)?.disabled ? other : same)?.focus();
  });
}

/**
 * What makes the list's items draggable: the item being dragged, the one it would land on, and
 * the handlers each item takes. `drop` is told which item went where.
 */
function useDragToReorder(
  headline: (id: number) => string,
  drop: (id: number, to: number) => void,
) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const end = () => {
    setDragged(null);
    setTarget(null);
  };
  return (id: number, index: number) => ({
    draggable: true,
    class: [dragged === id && 'dragged', target === index && dragged !== id && 'drop-target']
      .filter(Boolean)
      .join(' '),
    onDragStart: (event: DragEvent) => {
      event.dataTransfer?.setData('text/plain', headline(id));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      setDragged(id);
    },
    onDragOver: (event: DragEvent) => {
      if (dragged === null) return;
      event.preventDefault();
      setTarget(index);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      if (dragged !== null && dragged !== id) drop(dragged, index);
      end();
    },
    onDragEnd: end,
  });
}

/**
 * Chosen stories in order: dragged into place with the mouse, or moved with each one's Move up
 * and Move down buttons from the keyboard. Every move is announced, since a screen reader
 * cannot see the list change.
 */
export function RunningOrder({ order, headline, onChange, emptyHint }: RunningOrderProps) {
  const [announcement, setAnnouncement] = useState('');
  const moveTo = (id: number, position: number) => {
    const next = order.filter((other) => other !== id);
    next.splice(position, 0, id);
    onChange(next);
    setAnnouncement(`Moved “${headline(id)}” to position ${position + 1} of ${next.length}.`);
  };
  const remove = (id: number) => {
    onChange(order.filter((other) => other !== id));
    setAnnouncement(`Removed “${headline(id)}” from the top stories.`);
  };
  const dragProps = useDragToReorder(headline, moveTo);
  const button = (id: number, label: string, props: Record<string, unknown>) => (
    <button type="button" {...props}>
      {label}
      <span class="visually-hidden"> {headline(id)}</span>
    </button>
  );

  return (
    <>
      {order.length === 0 && <p class="hint">{emptyHint}</p>}
      <ol class="top-stories">
        {order.map((id, index) => (
          <li key={id} {...dragProps(id, index)}>
            <span class="grip" aria-hidden="true" title="Drag to reorder">
              ⠿
            </span>
            <span class="headline">{headline(id)}</span>
            <span class="moves">
              {button(id, 'Move up', {
                id: `top-${id}-up`,
                disabled: index === 0,
                onClick: () => {
                  moveTo(id, index - 1);
                  focusMoved(id, -1);
                },
              })}
              {button(id, 'Move down', {
                id: `top-${id}-down`,
                disabled: index === order.length - 1,
                onClick: () => {
                  moveTo(id, index + 1);
                  focusMoved(id, 1);
                },
              })}
              {button(id, 'Remove', { class: 'quiet', onClick: () => remove(id) })}
            </span>
          </li>
        ))}
      </ol>
      <p class="visually-hidden" aria-live="polite" id="running-order-status">
        {announcement}
      </p>
    </>
  );
}
