import { type KeyboardEvent, useRef } from 'react';
import { useFileDrop } from '../common/use-file-drop.ts';

/** The drop target: drop one or many pictures, or click (Enter/Space) to pick them. */
export function ImageDrop({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const { dragging, dropHandlers } = useFileDrop(onFiles);
  const pick = () => input.current?.click();
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
      {...dropHandlers}
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
