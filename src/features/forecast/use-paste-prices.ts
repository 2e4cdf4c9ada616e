/** Pasting a CSV (a file or text) anywhere on the page but into a field loads it. */
import { useEffect } from 'react';

export function usePastePrices(onFile: (file: File) => void, onText: (text: string) => void) {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const file = event.clipboardData?.files[0];
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!file && text.trim() === '') return;
      event.preventDefault();
      if (file) onFile(file);
      else onText(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFile, onText]);
}
