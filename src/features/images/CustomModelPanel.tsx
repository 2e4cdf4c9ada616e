/**
 * Bring your own model: pick or drop model.json + its .bin shards (+ an optional labels file), or give
 * a URL; choose the preprocessing it was trained with. Once loaded, new pictures go to it.
 */
import { useState, type DragEvent, type FormEvent } from 'react';
import { useInference } from '../../app/inference.tsx';
import { plainMessage } from '../../app/plain-message.ts';
import { modelsBaseUrl } from '../../runtime/models-url.ts';
import type { ImagePreprocessing } from '../../models/images/model.ts';
import type { CustomModelInfo } from '../../workers/tasks/images.ts';
import { sourceFromFiles, sourceFromUrl, type CustomModelSource } from './custom-model-source.ts';

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
  const [dragging, setDragging] = useState(false);

  const load = async (gather: () => Promise<CustomModelSource>) => {
    setBusy(true);
    setError(null);
    try {
      const source = await gather();
      // Transferred, not copied: a VGG16 is hundreds of megabytes.
      const info = await client.call(
        'loadCustomImageModel',
        { modelJson: source.modelJson, weights: source.weights, labels: source.labels },
        { transfer: source.weights.map((w) => w.data) },
      );
      onLoaded({ name: source.name, info });
    } catch (err) {
      onLoaded(null);
      setError(plainMessage(err, 'This model could not be loaded. Check that model.json and its weight files come from the same conversion, then pick them again.'));
    } finally {
      setBusy(false);
    }
  };
  const fromFiles = (files: File[]) => files.length && void load(() => sourceFromFiles(files));
  const fromUrl = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) void load(() => sourceFromUrl(url, location.href, modelsBaseUrl()));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    fromFiles(Array.from(e.dataTransfer.files));
  };
  const unload = () => {
    void client.call('unloadCustomImageModel', {});
    onLoaded(null);
  };

  return (
    <details className="panel byo-panel" open={loaded !== null || undefined}>
      <summary>Bring your own model</summary>
      <p className="muted small">
        A TensorFlow.js layers model, e.g. a Keras VGG16 converted with <code>tensorflowjs_converter --input_format keras</code>. Its files stay on this
        device; the input size is read from the model.
      </p>
      <div
        className={`byo-drop${dragging ? ' dragging' : ''}`}
        data-testid="byo-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="button">
          Choose model.json + .bin files (+ labels)…
          <input
            type="file"
            multiple
            className="visually-hidden"
            accept=".json,.bin,.txt,application/json,text/plain"
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
        <input type="url" placeholder="https://…/model.json" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="byo-url" aria-label="Address of model.json" />
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
      {busy && <p className="muted">Loading the model…</p>}
      {error && (
        <p className="notice" role="alert" data-testid="byo-error">
          {error}
        </p>
      )}
      {loaded && (
        <p data-testid="byo-status">
          Using <strong>{loaded.name}</strong>: {loaded.info.inputSize[0]}×{loaded.info.inputSize[1]} input, {loaded.info.labels.length} classes,{' '}
          {(loaded.info.parameters / 1e6).toFixed(1)} M parameters.{' '}
          <button type="button" className="link" onClick={unload} data-testid="byo-unload">
            Back to cat or coffee
          </button>
        </p>
      )}
    </details>
  );
}
