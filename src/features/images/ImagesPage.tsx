/**
 * Images: drop, pick or paste photos; the cat-or-coffee CNN (or your own model) classifies each one on
 * this device. Every picture gets a card; bad files get a message on their card and nothing else stops.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isModelUnavailable, useInference, usePageSignal, useTaskModel } from '../../app/inference.tsx';
import { ModelStatus } from '../../app/ModelStatus.tsx';
import { plainMessage } from '../../app/plain-message.ts';
import { exposeImagesPageHooks } from '../../app/test-hooks.ts';
import type { ImagePreprocessing } from '../../models/images/model.ts';
import { decodePhoto } from '../common/picture-client.ts';
import { useResendWhenReady } from '../common/use-resend-when-ready.ts';
import { CustomModelPanel, type LoadedCustomModel } from './CustomModelPanel.tsx';
import { type CardState, ImageCard } from './ImageCard.tsx';
import { ImageDrop } from './ImageDrop.tsx';

let nextId = 1;

export function ImagesPage() {
  const { client } = useInference();
  const { state, retry, cancel } = useTaskModel('images');
  const pageSignal = usePageSignal();
  // Photos dropped before the model could be downloaded: kept, and classified once it is there.
  const kept = useResendWhenReady<number, File>(state.status === 'ready', (file, id) => {
    update(id, (c) => ({ ...c, status: 'working' }));
    queue.current = queue.current.then(() => classify(file, id, file.name || 'pasted image'));
  });
  const [cards, setCards] = useState<CardState[]>([]);
  const [custom, setCustom] = useState<LoadedCustomModel | null>(null);
  const [preprocessing, setPreprocessing] = useState<ImagePreprocessing>({ interpolation: 'nearest', mode: 'caffe' });
  const settings = useRef({ custom, preprocessing });
  settings.current = { custom, preprocessing };

  const update = useCallback(
    (id: number, next: (card: CardState) => CardState) => setCards((all) => all.map((c) => (c.id === id ? next(c) : c))),
    [],
  );

  // Previews are object URLs: each is freed when its card goes, and all of them when the page closes.
  // A card removed while it waits in the queue is skipped, or its preview freed as soon as it exists.
  const urls = useRef(new Set<string>());
  const removed = useRef(new Set<number>());
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const freePreview = useCallback((url: string | undefined) => {
    if (!url) return;
    URL.revokeObjectURL(url);
    urls.current.delete(url);
  }, []);

  const classify = useCallback(
    async (file: File, id: number, name: string) => {
      if (removed.current.has(id)) return;
      let previewUrl: string | undefined;
      try {
        const pixels = await decodePhoto(file, name);
        const preview = URL.createObjectURL(file);
        previewUrl = preview;
        urls.current.add(preview);
        if (removed.current.has(id)) return;
        update(id, (c) => ({ ...c, previewUrl: preview }));
        const { custom: model, preprocessing: options } = settings.current;
        const call = { transfer: [pixels.data.buffer], signal: pageSignal() };
        const answer = model
          ? await client.call('classifyWithCustomModel', { image: pixels, preprocessing: options }, call)
          : await client.call('classifyImage', { image: pixels }, call);
        update(id, () => ({ id, name, status: 'done', previewUrl: preview, answer, modelName: model?.name ?? 'cat or coffee' }));
      } catch (err) {
        if (isModelUnavailable(err)) {
          update(id, (c) => ({ id, name, status: 'waiting', previewUrl: c.previewUrl }));
          kept.keep(id, file); // after the card says so: a download retried meanwhile sends it at once
          return;
        }
        const message = plainMessage(
          err,
          'This picture could not be classified. Remove it and drop it again; if that fails too, reload the page.',
        );
        update(id, (c) => ({ id, name, status: 'error', previewUrl: c.previewUrl, message }));
      } finally {
        if (removed.current.has(id)) freePreview(previewUrl);
      }
    },
    [client, pageSignal, kept.keep, update, freePreview],
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

  const remove = (card: CardState) => {
    removed.current.add(card.id);
    kept.forget(card.id);
    freePreview(card.previewUrl);
    setCards((all) => all.filter((c) => c.id !== card.id));
  };

  useEffect(() => {
    exposeImagesPageHooks({
      previews: () => urls.current.size,
      decode: async (bytes: number[], type: string) => {
        const pixels = await decodePhoto(new Blob([Uint8Array.from(bytes)], { type }), 'fixture');
        return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
      },
    });
  }, []);

  return (
    <section className="page images">
      <header className="page-head">
        <h1>Images</h1>
        <p>
          Cat or coffee? A few small VGG-style networks, with Keras's exact VGG16 preprocessing, look at your photos on this device and
          average their answers. Nothing is uploaded.
        </p>
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
          <ImageCard key={card.id} card={card} modelReady={state.status === 'ready' || custom !== null} onRemove={() => remove(card)} />
        ))}
      </div>
      <CustomModelPanel loaded={custom} onLoaded={setCustom} preprocessing={preprocessing} onPreprocessing={setPreprocessing} />
    </section>
  );
}
