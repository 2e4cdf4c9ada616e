/**
 * Downloads a model package (meta.json, then model.json and weight shards), reporting progress
 * in bytes and checking every file's sha256 against meta.json before anything is handed to tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { ErrorKind } from './error-kinds.ts';
import { verifySha256 } from './integrity.ts';
import { type ModelMeta, type PackageFile, readModelMeta, totalBytes } from './model-meta.ts';

export { packageUrl } from './model-package-url.ts';

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export class PackageError extends Error {
  constructor(
    message: string,
    readonly kind: Extract<ErrorKind, 'network' | 'integrity' | 'format' | 'cancelled'>,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface ModelPackage {
  meta: ModelMeta;
  artifacts: tf.io.ModelArtifacts;
  /** Every downloaded file by name (verified), for the extra ones a task needs, e.g. a vocabulary. */
  files: ReadonlyMap<string, Uint8Array>;
}

async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    if (signal?.aborted) throw new PackageError('The download was cancelled.', 'cancelled');
    throw new PackageError(`Could not download ${url}: the network request failed. Check your connection, then retry.`, 'network');
  }
  if (!response.ok) {
    throw new PackageError(
      `Could not download ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      'network',
    );
  }
  return response;
}

/** Reads a body chunk by chunk so progress can be reported as bytes arrive. */
async function readBody(response: Response, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.byteLength);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onBytes(value.byteLength);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

export async function fetchModelPackage(
  baseUrl: string,
  onProgress: (p: LoadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<ModelPackage> {
  const metaResponse = await fetchOk(new URL('meta.json', baseUrl).href, signal);
  let parsed: unknown;
  try {
    parsed = await metaResponse.json();
  } catch {
    throw new PackageError(`${baseUrl}meta.json is not valid JSON.`, 'format');
  }
  const read = readModelMeta(parsed, `${baseUrl}meta.json`);
  if ('problem' in read) throw new PackageError(read.problem, 'format');
  const { meta } = read;

  const total = totalBytes(meta);
  let loaded = 0;
  onProgress({ loadedBytes: 0, totalBytes: total });
  // One file failing stops the others: no wasted bytes, and no progress reported after an error.
  const abort = new AbortController();
  signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const download = async (file: PackageFile) => {
    const response = await fetchOk(new URL(file.name, baseUrl).href, abort.signal);
    const bytes = await readBody(response, (n) => {
      loaded += n;
      if (!abort.signal.aborted) onProgress({ loadedBytes: Math.min(loaded, total), totalBytes: total });
    });
    await verifySha256(file.name, bytes, file.sha256).catch((err: Error) => {
      throw new PackageError(`${err.message} Retry the download; if it keeps failing, the server has a broken copy.`, 'integrity');
    });
    return [file.name, bytes] as const;
  };
  let files: Map<string, Uint8Array>;
  try {
    files = new Map(await Promise.all(meta.files.map(download)));
  } catch (err) {
    abort.abort();
    if (signal?.aborted) throw new PackageError('The download was cancelled.', 'cancelled');
    throw err;
  }

  return packageFromFiles(meta, files);
}

/** A package from its files (already checked against meta.json): the weight shards joined in manifest order. */
export function packageFromFiles(meta: ModelMeta, files: Map<string, Uint8Array>): ModelPackage {
  const modelJson = JSON.parse(new TextDecoder().decode(files.get('model.json'))) as {
    modelTopology: object;
    weightsManifest: tf.io.WeightsManifestConfig;
  };
  const shards = modelJson.weightsManifest.flatMap((group) => group.paths);
  const missing = shards.filter((p) => !files.has(p));
  if (missing.length) throw new PackageError(`meta.json does not list the weight files ${missing.join(', ')}.`, 'format');
  const weightData = new Uint8Array(shards.reduce((n, p) => n + files.get(p)!.byteLength, 0));
  let offset = 0;
  for (const p of shards) {
    weightData.set(files.get(p)!, offset);
    offset += files.get(p)!.byteLength;
  }
  return {
    meta,
    artifacts: {
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    },
    files,
  };
}

/** Builds a fresh tfjs layers model from downloaded artifacts (on the current backend). */
export function layersModelFrom(pkg: ModelPackage): Promise<tf.LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(pkg.artifacts));
}
