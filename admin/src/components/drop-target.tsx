import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

/** Tracks drags over the zone; entering a child fires enter before the parent's leave. */
function useDragging() {
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  return {
    dragging,
    handlers: {
      onDragEnter: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
    },
    reset: () => {
      depth.current = 0;
      setDragging(false);
    },
  };
}

/** A dashed area files may be dropped on, highlighted while they are dragged over it. */
export function DropTarget(props: {
  onFiles: (files: File[]) => void;
  children: ComponentChildren;
}) {
  const { dragging, handlers, reset } = useDragging();
  return (
    <div
      class={`drop-target${dragging ? ' dragging' : ''}`}
      {...handlers}
      onDrop={(event) => {
        event.preventDefault();
        reset();
        props.onFiles(Array.from(event.dataTransfer?.files ?? []));
      }}
    >
      {props.children}
    </div>
  );
}
