/** A committed model package (public/models/<task>/) read from disk into the shape the app's loader gives. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelMeta } from '../../src/runtime/model-meta.ts';
import { type ModelPackage, packageFromFiles } from '../../src/runtime/model-package.ts';

export const MODELS_DIR = path.resolve(import.meta.dirname, '../../public/models');

export function readModelPackage(task: string): ModelPackage {
  const dir = path.join(MODELS_DIR, task);
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as ModelMeta;
  const files = new Map(meta.files.map((f) => [f.name, new Uint8Array(readFileSync(path.join(dir, f.name)))] as const));
  return packageFromFiles(meta, files);
}
