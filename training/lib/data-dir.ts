/** Where the training and evaluation data live: DATA_DIR, default ../shared/data beside the repository. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function dataDir(): string {
  const dir = path.resolve(process.env.DATA_DIR ?? path.join(REPO_ROOT, '../shared/data'));
  if (!existsSync(dir)) {
    throw new Error(`No training data at ${dir}. Set DATA_DIR to the folder that holds mnist/, patents/, btc/ and cat-coffee/.`);
  }
  return dir;
}
