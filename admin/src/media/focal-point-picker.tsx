import type { FocalPoint, MediaItem } from '../api/types.js';

/** How far one press of an arrow key moves the point, as a fraction of the photo. */
const KEY_STEP = 0.05;

/** Whole percents: finer than anyone aims, and what the crops' file names carry. */
const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 100) / 100));
const percent = (n: number) => `${Math.round(n * 100)}%`;

export const describeFocalPoint = (point: FocalPoint) =>
  `${percent(point.x)} across, ${percent(point.y)} down`;

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-KEY_STEP, 0],
  ArrowRight: [KEY_STEP, 0],
  ArrowUp: [0, -KEY_STEP],
  ArrowDown: [0, KEY_STEP],
};

interface PhotoWithFocusProps {
  item: MediaItem;
  point: FocalPoint;
  /** The tallest the photo may be shown, in rem; it is never wider than its container. */
  maxHeight: number;
}

/** The photo's preview with a marker where its subject is; crops keep that point in frame. */
export function PhotoWithFocus({ item, point, maxHeight }: PhotoWithFocusProps) {
  const ratio = item.width / item.height || 1;
  // Sized from the photo's own shape, so it takes its place (and clicks) before it loads.
  const frame = {
    backgroundColor: item.placeholderColor,
    aspectRatio: `${item.width} / ${item.height}`,
    width: `min(100%, ${(maxHeight * ratio).toFixed(2)}rem)`,
  };
  return (
    <div class="focal-frame" style={frame}>
      <img
        src={item.urls.preview}
        alt=""
        width={item.width}
        height={item.height}
        draggable={false}
      />
      <span
        class="focal-marker"
        aria-hidden="true"
        style={{ left: percent(point.x), top: percent(point.y) }}
      />
    </div>
  );
}

interface FocalPointPickerProps {
  id: string;
  item: MediaItem;
  point: FocalPoint;
  onChange: (point: FocalPoint) => void;
  disabled?: boolean;
}

/**
 * The preview as a control: a click puts the focal point there; with the focus on it, the arrow
 * keys move the point in 5% steps. The position is announced as it changes.
 */
export function FocalPointPicker({ id, item, point, onChange, disabled }: FocalPointPickerProps) {
  const pick = (event: MouseEvent) => {
    const photo = (event.currentTarget as HTMLElement).querySelector('img');
    const frame = photo?.getBoundingClientRect();
    if (!frame || frame.width === 0 || frame.height === 0) return;
    onChange({
      x: clamp((event.clientX - frame.left) / frame.width),
      y: clamp((event.clientY - frame.top) / frame.height),
    });
  };
  const nudge = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    onChange({ x: clamp(point.x + move[0]), y: clamp(point.y + move[1]) });
  };

  return (
    <div class="focal-picker">
      <p class="label" id={`${id}-label`}>
        Focal point
      </p>
      <p class="hint" id={`${id}-hint`}>
        Click the photo where its subject is, or use the arrow keys; crops for cards and social
        media keep this point in frame.
      </p>
      <div
        id={id}
        class="focal-control"
        role="application"
        tabIndex={disabled ? -1 : 0}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint ${id}-where`}
        aria-disabled={disabled ? 'true' : undefined}
        onClick={disabled ? undefined : pick}
        onKeyDown={disabled ? undefined : nudge}
      >
        <PhotoWithFocus item={item} point={point} maxHeight={28} />
      </div>
      <p class="hint" id={`${id}-where`} aria-live="polite">
        At {describeFocalPoint(point)}.
      </p>
    </div>
  );
}
