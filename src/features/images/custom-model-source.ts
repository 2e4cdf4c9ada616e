/**
 * Gathers a bring-your-own model's files on the page: from picked/dropped files (model.json, its .bin
 * shards, and optionally a labels file) or from a URL to model.json. The app's Content-Security-Policy
 * only lets it connect to its own origin and to the models origin (VITE_MODELS_URL), so any other URL
 * is refused up front with what to do instead.
 */
import { readManifest } from '../../models/images/custom-model.ts';
import { parseLabels } from '../../models/images/labels.ts';
import type { ShardSource } from '../../models/images/read-shards.ts';

export interface CustomModelSource {
  modelJson: string;
  /** Files stay Blobs (on disk) until the worker reads them, shard by shard. */
  weights: ShardSource[];
  labels?: string[];
  /** A short name for the model, for the cards. */
  name: string;
}

const isModelJson = (text: string) => {
  try {
    const json = JSON.parse(text) as { modelTopology?: unknown };
    return typeof json === 'object' && json !== null && 'modelTopology' in json;
  } catch {
    return false;
  }
};

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** The shard names a model.json lists (empty when its manifest is damaged: the worker says what is wrong). */
function shardNames(modelJson: string): Set<string> {
  try {
    const manifest = readManifest((JSON.parse(modelJson) as { weightsManifest?: unknown }).weightsManifest);
    return new Set(manifest.flatMap((g) => g.paths).map(baseName));
  } catch {
    return new Set();
  }
}

const isText = (file: File) => /\.(json|txt|labels)$/i.test(file.name) || file.type.startsWith('text/') || file.type === 'application/json';

export async function sourceFromFiles(files: readonly File[]): Promise<CustomModelSource> {
  let modelJson: string | null = null;
  let modelName = 'your model';
  const texts: Array<[File, string]> = [];
  for (const file of files.filter(isText)) {
    if (file.size > 50e6) continue; // a weight shard named .json: not read as text
    const text = await file.text();
    if (isModelJson(text)) {
      if (modelJson !== null) throw new Error('Two model.json files were given; pick the files of one model.');
      modelJson = text;
      modelName = file.name === 'model.json' ? 'your model' : file.name.replace(/\.json$/i, '');
    } else {
      texts.push([file, text]);
    }
  }
  const foreign = (file: File) =>
    `“${file.name.slice(0, 60)}” is not part of a TensorFlow.js model: pick model.json, ` +
    `the weight files it lists, and optionally a labels file (.txt or .json).`;
  if (modelJson === null) {
    // A photo picked here by mistake says so, before the missing model.json does.
    const stray = files.find((f) => !isText(f) && !/\.bin$/i.test(f.name) && /\.\w+$/.test(f.name));
    if (stray) throw new Error(foreign(stray));
    throw new Error('No model.json among these files. Pick model.json together with its weight files.');
  }
  // Weight files are the ones model.json names (tensorflowjs 0.8 wrote them without .bin), and any .bin.
  const named = shardNames(modelJson);
  const weights: ShardSource[] = [];
  let labels: string[] | undefined;
  for (const file of files) {
    if (named.has(baseName(file.name)) || /\.bin$/i.test(file.name)) weights.push({ name: file.name, data: file });
    else if (isText(file)) {
      const text = texts.find(([f]) => f === file)?.[1];
      if (text !== undefined && !isModelJson(text)) labels = parseLabels(text);
    } else {
      throw new Error(foreign(file));
    }
  }
  return { modelJson, weights, labels, name: modelName };
}

/** Origins this page may fetch from, per its Content-Security-Policy. */
export function allowedOrigins(pageUrl: string, modelsBaseUrl: string): string[] {
  return [...new Set([new URL(pageUrl).origin, new URL(modelsBaseUrl, pageUrl).origin])];
}

export async function sourceFromUrl(url: string, pageUrl: string, modelsBaseUrl: string, signal?: AbortSignal): Promise<CustomModelSource> {
  let modelUrl: URL;
  try {
    modelUrl = new URL(url.trim(), pageUrl);
  } catch {
    throw new Error(`“${url}” is not a web address. Give the address of a model.json file.`);
  }
  const allowed = allowedOrigins(pageUrl, modelsBaseUrl);
  if (!allowed.includes(modelUrl.origin)) {
    throw new Error(
      `This page only downloads from ${allowed.join(' and ')}, so that nothing you classify can leave your device. ` +
        `Download model.json and its .bin files from ${modelUrl.origin} yourself, then drop them here.`,
    );
  }
  const get = async (u: URL) => {
    let response: Response;
    try {
      response = await fetch(u, { signal });
    } catch {
      throw new Error(`Could not download ${u.href}: the network request failed. Check the address and your connection.`);
    }
    if (!response.ok) throw new Error(`Could not download ${u.href}: the server answered ${response.status}.`);
    return response;
  };
  const modelJson = await (await get(modelUrl)).text();
  if (!isModelJson(modelJson)) throw new Error(`${modelUrl.href} is not a TensorFlow.js model.json.`);
  const manifest = readManifest((JSON.parse(modelJson) as { weightsManifest?: unknown }).weightsManifest);
  const weights = await Promise.all(
    manifest.flatMap((g) => g.paths).map(async (p) => ({ name: p, data: await (await get(new URL(p, modelUrl))).blob() })),
  );
  return { modelJson, weights, name: modelUrl.pathname.split('/').slice(-2, -1)[0] || 'your model' };
}
