/**
 * Bring your own model: pick or drop model.json + its .bin shards (+ an optional labels file), or give
 * a URL; choose the preprocessing it was trained with. Once loaded, new pictures go to it.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useInference } from '../../app/inference.tsx';
import { plainMessage } from '../../app/plain-message.ts';
import type { ImagePreprocessing } from '../../models/images/model.ts';
import type { ReadProgress } from '../../models/images/read-shards.ts';
import { modelsBaseUrl } from '../../runtime/models-url.ts';
import type { CustomModelInfo } from '../../workers/inference-protocol.ts';
import type { RememberedModel } from '../../workers/remembered-models.ts';
import { useFileDrop } from '../common/use-file-drop.ts';
import { type CustomModelSource, sourceFromFiles, sourceFromUrl } from './custom-model-source.ts';

export interface LoadedCustomModel {
  name: string;
  info: CustomModelInfo;
}

export function CustomModelPanel({
  loaded,
  onLoaded,
  preprocessing,
  onPreprocessing,
}: {
  loaded: LoadedCustomModel | null;
  onLoaded: (model: LoadedCustomModel | null) => void;
  preprocessing: ImagePreprocessing;
  onPreprocessing: (p: ImagePreprocessing) => void;
}) {
  const { client } = useInference();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [remembered, setRemembered] = useState<RememberedModel[]>([]);
  const [rememberedId, setRememberedId] = useState<string | null>(null);

  const refreshRemembered = useCallback(async () => {
    try {
      setRemembered(await client.call('listRememberedImageModels', {}));
    } catch (err) {
      console.warn('tabml: remembered models could not be listed', err);
    }
  }, [client]);
  useEffect(() => {
    void refreshRemembered();
  }, [refreshRemembered]);

  const run = async (work: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(plainMessage(err, fallback));
      return false;
    } finally {
      setBusy(false);
      setProgress(null);
    }
    return true;
  };

  const load = (gather: () => Promise<CustomModelSource>) =>
    run(async () => {
      try {
        const source = await gather();
        // File objects cross to the worker as handles to the files on disk, not copies of their bytes.
        const info = await client.call('loadCustomImageModel', source, { onUpdate: setProgress });
        setRememberedId(null);
        onLoaded({ name: source.name, info });
      } catch (err) {
        onLoaded(null);
        throw err;
      }
    }, 'This model could not be loaded. Check that model.json and its weight files come from the same conversion, then pick them again.');

  const remember = () =>
    run(async () => {
      const saved = await client.call('rememberCustomImageModel', { preprocessing }, { onUpdate: setProgress });
      setRememberedId(saved.id);
      await refreshRemembered();
    }, 'This model could not be kept on this device. Try again, or free some storage first.');

  const loadRemembered = (model: RememberedModel) =>
    run(async () => {
      try {
        const { remembered: saved, ...info } = await client.call('loadRememberedImageModel', { id: model.id }, { onUpdate: setProgress });
        onPreprocessing(saved.preprocessing);
        setRememberedId(saved.id);
        onLoaded({ name: saved.name, info });
      } catch (err) {
        onLoaded(null);
        throw err;
      }
    }, 'This remembered model could not be loaded. Delete it and load the model from its files again.');

  const forget = (model: RememberedModel) =>
    run(async () => {
      await client.call('deleteRememberedImageModel', { id: model.id });
      if (rememberedId === model.id) setRememberedId(null);
      await refreshRemembered();
    }, 'This remembered model could not be deleted. Try again.');

  const fromFiles = (files: File[]) => files.length && void load(() => sourceFromFiles(files));
  // A model's files: no drop zone around this one may take them for photos.
  const { dragging, dropHandlers } = useFileDrop(fromFiles, { nested: true });
  const fromUrl = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) void load(() => sourceFromUrl(url, location.href, modelsBaseUrl()));
  };
  const unload = () => {
    void client.call('unloadCustomImageModel', {});
    setRememberedId(null);
    onLoaded(null);
  };
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.bytes) / progress.total) : 0;

  return (
    <details className="panel byo-panel" open={loaded !== null || undefined}>
      <summary>Bring your own model</summary>
      <p className="muted small">
        A TensorFlow.js model as <code>tensorflowjs_converter</code> writes it (Keras 2 or 3, or a graph model from a SavedModel), e.g. a
        Keras VGG16. Its files stay on this device; the input size and classes are read from the model.
      </p>
      <div className={`byo-drop${dragging ? ' dragging' : ''}`} data-testid="byo-drop" {...dropHandlers}>
        <label className="button">
          Choose model.json + .bin files (+ labels)…
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="byo-files"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              fromFiles(files);
            }}
          />
        </label>
        <span className="muted small">or drop them here. Labels: a JSON array, or one per line.</span>
      </div>
      <form className="row" onSubmit={fromUrl}>
        <input
          type="url"
          placeholder="https://…/model.json"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          data-testid="byo-url"
          aria-label="Address of model.json"
        />
        <button type="submit" disabled={busy} data-testid="byo-load-url">
          Load from URL
        </button>
      </form>
      <div className="row">
        <label>
          Preprocessing{' '}
          <select
            data-testid="byo-mode"
            value={preprocessing.mode}
            onChange={(e) => onPreprocessing({ ...preprocessing, mode: e.target.value as ImagePreprocessing['mode'] })}
          >
            <option value="caffe">caffe: BGR, ImageNet means subtracted (Keras VGG16, ResNet50)</option>
            <option value="tf">tf: scaled to [−1, 1] (MobileNet, Inception)</option>
            <option value="raw">raw: scaled to [0, 1]</option>
          </select>
        </label>
        <label>
          Resize{' '}
          <select
            data-testid="byo-interpolation"
            value={preprocessing.interpolation}
            onChange={(e) => onPreprocessing({ ...preprocessing, interpolation: e.target.value as ImagePreprocessing['interpolation'] })}
          >
            <option value="nearest">nearest (Keras load_img default)</option>
            <option value="bilinear">bilinear, antialiased (PIL)</option>
          </select>
        </label>
      </div>
      {remembered.length > 0 && (
        <div>
          <p className="small">Remembered on this device (they load without the files, also offline):</p>
          <ul className="byo-remembered" data-testid="byo-remembered">
            {remembered.map((m) => (
              <li key={m.id} data-id={m.id}>
                <button type="button" disabled={busy} onClick={() => void loadRemembered(m)} data-testid="byo-load-remembered">
                  {m.name}
                </button>{' '}
                <span className="muted small">
                  {(m.bytes / 1e6).toFixed(1)} MB, {m.inputSize[0]}×{m.inputSize[1]}, {m.classes} classes, saved{' '}
                  {new Date(m.savedAt).toLocaleString()}
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  onClick={() => void forget(m)}
                  data-testid="byo-delete"
                  aria-label={`Delete ${m.name}`}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {busy && (
        <div className="model-progress" data-testid="byo-progress">
          <span className="muted">
            {progress
              ? `${progress.phase === 'checking' ? 'Checking' : 'Reading'} ` +
                `${(progress.bytes / 1e6).toFixed(1)} of ${(progress.total / 1e6).toFixed(1)} MB…`
              : 'Loading the model…'}
          </span>
          {progress && (
            <div role="progressbar" aria-label="Model files read" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <div className="bar" style={{ width: `${percent}%` }} />
            </div>
          )}
        </div>
      )}
      {error && (
        <p className="notice" role="alert" data-testid="byo-error">
          {error}
        </p>
      )}
      {loaded && (
        <p data-testid="byo-status">
          Using <strong>{loaded.name}</strong>:{' '}
          {`${loaded.info.inputSize[0]}×${loaded.info.inputSize[1]} input, ${loaded.info.labels.length} classes, `}
          {(loaded.info.parameters / 1e6).toFixed(1)} M parameters.{' '}
          <button type="button" className="link" onClick={unload} data-testid="byo-unload">
            Back to cat or coffee
          </button>{' '}
          {rememberedId === null ? (
            <button type="button" disabled={busy} onClick={() => void remember()} data-testid="byo-remember">
              Remember this model
            </button>
          ) : (
            <span className="muted small" data-testid="byo-remembered-note">
              Remembered on this device.
            </span>
          )}
        </p>
      )}
      {loaded?.info.notice && (
        <p className="muted small" data-testid="byo-notice">
          {loaded.info.notice}
        </p>
      )}
    </details>
  );
}
