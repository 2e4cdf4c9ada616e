/**
 * Images: drop, pick or paste photos; the cat-or-coffee CNN (or your own model) classifies each one on
 * this device. Every picture gets a card; bad files get a message on their card and nothing else stops.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useInference, useTaskModel } from '../../app/inference';
import { ModelStatus } from '../../app/ModelStatus';
import type { ImagePreprocessing } from '../../models/images/model';
import { CustomModelPanel, type LoadedCustomModel } from './CustomModelPanel';
import { decodeImageFile } from './decode-image';
import { ImageCard, type CardState } from './ImageCard';
import { ImageDrop } from './ImageDrop';

let nextId = 1;

export function ImagesPage() {
  const { client } = useInference();
  const { state, retry, cancel } = useTaskModel('images');
  const [cards, setCards] = useState<CardState[]>([]);
  const [custom, setCustom] = useState<LoadedCustomModel | null>(null);
  const [preprocessing, setPreprocessing] = useState<ImagePreprocessing>({ interpolation: 'nearest', mode: 'caffe' });
  const settings = useRef({ custom, preprocessing });
  settings.current = { custom, preprocessing };

  const update = (id: number, next: (card: CardState) => CardState) => setCards((all) => all.map((c) => (c.id === id ? next(c) : c)));

  const classify = useCallback(
    async (file: File, id: number, name: string) => {
      try {
        const { pixels, previewUrl } = await decodeImageFile(file);
        update(id, (c) => ({ ...c, previewUrl }));
        const { custom: model, preprocessing: options } = settings.current;
        const transfer = { transfer: [pixels.data.buffer] };
        const answer = model
          ? await client.call('classifyWithCustomModel', { image: pixels, preprocessing: options }, transfer)
          : await client.call('classifyImage', { image: pixels }, transfer);
        update(id, () => ({ id, name, status: 'done', previewUrl, answer, modelName: model?.name ?? 'cat or coffee' }));
      } catch (err) {
        update(id, (c) => ({ id, name, status: 'error', previewUrl: c.previewUrl, message: (err as Error).message }));
      }
    },
    [client],
  );

  // One at a time, in order: the worker runs one model, and a grid fills predictably.
  const queue = useRef(Promise.resolve());
  const addFiles = useCallback(
    (files: File[]) => {
      // Every card shows at once ("Classifying…"); the work runs in order behind it.
      for (const file of files) {
        const id = nextId++;
        const name = file.name || 'pasted image';
        setCards((all) => [...all, { id, name, status: 'working' }]);
        queue.current = queue.current.then(() => classify(file, id, name));
      }
    },
    [classify],
  );

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      addFiles(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [addFiles]);

  // Previews are object URLs: free them when their card goes, and all of them when the page closes.
  const urls = useRef(new Set<string>());
  useEffect(() => {
    for (const c of cards) if (c.previewUrl) urls.current.add(c.previewUrl);
  }, [cards]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const remove = (card: CardState) => {
    if (card.previewUrl) {
      URL.revokeObjectURL(card.previewUrl);
      urls.current.delete(card.previewUrl);
    }
    setCards((all) => all.filter((c) => c.id !== card.id));
  };

  // The e2e decoding test measures this decoder against PIL through this handle (as window.__tabml).
  useEffect(() => {
    (window as unknown as { __tabmlImages?: unknown }).__tabmlImages = {
      decode: async (bytes: number[], type: string) => {
        const { pixels, previewUrl } = await decodeImageFile(new File([Uint8Array.from(bytes)], 'fixture', { type }));
        URL.revokeObjectURL(previewUrl);
        return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
      },
    };
  }, []);

  return (
    <section className="page images">
      <header className="page-head">
        <h1>Images</h1>
        <p>Cat or coffee? A small VGG-style network, with Keras's exact VGG16 preprocessing, looks at your photos on this device. Nothing is uploaded.</p>
      </header>
      <ModelStatus state={state} retry={retry} cancel={cancel} what="image model" />
      <ImageDrop onFiles={addFiles} />
      {custom && <p className="muted small">New pictures go to {custom.name}.</p>}
      {cards.length > 0 && (
        <div className="row">
          <button type="button" onClick={() => cards.forEach(remove)}>
            Clear all
          </button>
        </div>
      )}
      <div className="image-grid" aria-live="polite">
        {cards.map((card) => (
          <ImageCard key={card.id} card={card} onRemove={() => remove(card)} />
        ))}
      </div>
      <CustomModelPanel loaded={custom} onLoaded={setCustom} preprocessing={preprocessing} onPreprocessing={setPreprocessing} />
    </section>
  );
}
