/**
 * A drop zone for files: `dragging` while something is held over it (for the highlight), and the
 * three handlers to spread on the element. Every page's drop zone uses it.
 */
import { type DragEvent, useState } from 'react';

export interface FileDrop {
  dragging: boolean;
  dropHandlers: {
    onDragOver: (e: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (e: DragEvent) => void;
  };
}

/**
 * `onFiles` gets the dropped files (never an empty list). `nested`: the zone sits inside another
 * drop zone, so a drop here must not reach the outer one too.
 */
export function useFileDrop(onFiles: (files: File[]) => void, { nested = false } = {}): FileDrop {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropHandlers: {
      onDragOver: (e) => {
        e.preventDefault(); // without it the browser opens the file instead of dropping it here
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e) => {
        e.preventDefault();
        if (nested) e.stopPropagation();
        setDragging(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      },
    },
  };
}
