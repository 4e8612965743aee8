import type { ComponentChildren } from 'preact';

interface ActionBarProps {
  children: ComponentChildren;
  /** Receives the bar's slot for the workflow's moves (Submit, Publish…), rendered elsewhere. */
  movesSlot?: (slot: HTMLElement | null) => void;
}

/**
 * Save, where the text stands, and the workflow's moves, kept at the bottom of the screen while
 * the form scrolls: on a phone Publish would otherwise sit thousands of pixels down. It is the
 * form's last part, so the keyboard reaches it right after the fields.
 */
export function ActionBar({ children, movesSlot }: ActionBarProps) {
  return (
    <div class="action-bar" role="group" aria-label="Save and publish">
      {children}
      {movesSlot && <div class="moves" ref={movesSlot} />}
    </div>
  );
}
