/**
 * Remembered bring-your-own models, in this device's IndexedDB: the model.json, labels and
 * preprocessing in `models` (small, listed on every visit) and the weight files as Blobs in `files`
 * (read only to load). Both are written in one transaction, so a failure (a full quota) leaves
 * nothing half-written. Every file carries its sha256, checked when the model is loaded again.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ImagePreprocessing } from '../models/images/model.ts';
import type { TargetSize } from '../models/images/pil-resize.ts';
import { KindedError } from '../runtime/rpc.ts';
import { isQuotaError, type StorageEstimate, storageFullMessage } from './storage-full.ts';

export interface RememberedModel {
  id: string;
  name: string;
  savedAt: number;
  bytes: number;
  inputSize: TargetSize;
  classes: number;
  preprocessing: ImagePreprocessing;
}

interface ModelRecord extends RememberedModel {
  modelJson: string;
  modelJsonSha256: string;
  labels?: string[];
  files: Array<{ name: string; sha256: string; size: number }>;
}

interface Schema extends DBSchema {
  models: { key: string; value: ModelRecord };
  files: { key: [string, number]; value: { id: string; index: number; blob: Blob } };
}

const DB_NAME = 'tabml-remembered-models';

let db: Promise<IDBPDatabase<Schema>> | null = null;
const open = () =>
  (db ??= openDB<Schema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('models', { keyPath: 'id' });
      database.createObjectStore('files', { keyPath: ['id', 'index'] });
    },
  }));

/** What a full storage means here: nothing was kept, the loaded model still serves this tab. */
const KEPT_NOTHING = 'Nothing was kept; the model still works in this tab. Deleting remembered models you no longer need also frees space.';

const storageFull = (needed: number, estimate: StorageEstimate | null) =>
  new KindedError(storageFullMessage('this model', needed, estimate, KEPT_NOTHING), 'storage');

async function storageEstimate(): Promise<StorageEstimate | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.quota !== undefined && estimate.usage !== undefined ? { quota: estimate.quota, usage: estimate.usage } : null;
}

export async function rememberModel(record: Omit<ModelRecord, 'id' | 'savedAt'>, blobs: readonly Blob[]): Promise<RememberedModel> {
  const needed = record.bytes + record.modelJson.length * 2;
  const estimate = await storageEstimate();
  if (estimate && estimate.quota - estimate.usage < needed) throw storageFull(needed, estimate);
  const full: ModelRecord = { ...record, id: crypto.randomUUID(), savedAt: Date.now() };
  const database = await open();
  const tx = database.transaction(['models', 'files'], 'readwrite');
  try {
    await Promise.all([
      tx.objectStore('models').put(full),
      ...blobs.map((blob, index) => tx.objectStore('files').put({ id: full.id, index, blob })),
      tx.done,
    ]);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failure
    }
    if (!isQuotaError(err)) throw err;
    console.error('tabml: remembering the model failed', err);
    throw storageFull(needed, await storageEstimate());
  }
  return summary(full);
}

const summary = ({ id, name, savedAt, bytes, inputSize, classes, preprocessing }: ModelRecord): RememberedModel => ({
  id,
  name,
  savedAt,
  bytes,
  inputSize,
  classes,
  preprocessing,
});

export async function listRemembered(): Promise<RememberedModel[]> {
  const all = await (await open()).getAll('models');
  return all.map(summary).sort((a, b) => b.savedAt - a.savedAt);
}

export async function readRemembered(id: string): Promise<{ record: ModelRecord; blobs: Blob[] }> {
  const database = await open();
  const record = await database.get('models', id);
  if (!record) throw new Error('This remembered model is no longer on this device (it was deleted in another tab).');
  const blobs: Blob[] = [];
  for (let index = 0; index < record.files.length; index++) {
    const file = await database.get('files', [id, index]);
    if (!file)
      throw new Error(
        `The remembered model “${record.name.slice(0, 40)}” is missing a weight file: ` +
          `the stored copy is damaged. Delete it and load the model from its files again.`,
      );
    blobs.push(file.blob);
  }
  return { record, blobs };
}

export async function forgetModel(id: string): Promise<boolean> {
  const database = await open();
  const tx = database.transaction(['models', 'files'], 'readwrite');
  const had = (await tx.objectStore('models').get(id)) !== undefined;
  await tx.objectStore('models').delete(id);
  await tx.objectStore('files').delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
  await tx.done;
  return had;
}
