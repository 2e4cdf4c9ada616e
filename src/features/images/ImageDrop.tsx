import { type DragEvent, type KeyboardEvent, useRef, useState } from 'react';

/** The drop target: drop one or many pictures, or click (Enter/Space) to pick them. */
export function ImageDrop({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const pick = () => input.current?.click();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) onFiles(files);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick();
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold the file input it opens
    <div
      className={`image-drop${dragging ? ' dragging' : ''}${disabled ? ' disabled' : ''}`}
      data-testid="image-drop"
      role="button"
      tabIndex={0}
      // No aria-label: its name is its visible text, so what people see is what voice control and screen readers say.
      onClick={(e) => {
        if (e.target !== input.current) pick(); // the input's own click bubbles here too
      }}
      onKeyDown={onKey}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <strong>Drop photos here</strong>
      <span className="muted">or click to choose them, or paste one (Ctrl/⌘+V). Several at once make a grid.</span>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="image-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // picking the same file again still triggers a change
          if (files.length) onFiles(files);
        }}
      />
    </div>
  );
}
