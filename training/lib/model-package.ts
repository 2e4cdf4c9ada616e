/**
 * Writes a model package's meta.json: what the app needs to load and check the package
 * (sha256 and size of every file) and where it came from (command, data, measured metrics).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelMeta, PackageFile } from '../../src/runtime/model-meta.ts';

export function describeFile(dir: string, name: string): PackageFile {
  const bytes = readFileSync(path.join(dir, name));
  return { name, bytes: statSync(path.join(dir, name)).size, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function writeMeta(dir: string, meta: Omit<ModelMeta, 'files'>, fileNames: string[]): ModelMeta {
  const full: ModelMeta = { ...meta, files: fileNames.map((f) => describeFile(dir, f)) };
  writeMetaAsIs(dir, full);
  // An export measures as it goes; what eval prints is the record (training/eval-results.test.ts compares them).
  console.log(
    `wrote ${path.join(dir, 'meta.json')}; then run \`npm run eval -- --task ${meta.task} --write\` so that its metrics are eval's`,
  );
  return full;
}

/** Writes meta.json as given; its file list (sizes, sha256) is taken on trust, as when only its metrics change. */
export function writeMetaAsIs(dir: string, meta: ModelMeta): void {
  writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
}

export function readMeta(dir: string): ModelMeta {
  return JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as ModelMeta;
}
