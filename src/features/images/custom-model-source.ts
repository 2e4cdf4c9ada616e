/**
 * Gathers a bring-your-own model's files on the page: from picked/dropped files (model.json, its .bin
 * shards, and optionally a labels file) or from a URL to model.json. The app's Content-Security-Policy
 * only lets it connect to its own origin and to the models origin (VITE_MODELS_URL), so any other URL
 * is refused up front with what to do instead.
 */
import { readManifest, type ModelFile } from '../../models/images/custom-model.ts';
import { parseLabels } from '../../models/images/labels.ts';

export interface CustomModelSource {
  modelJson: string;
  weights: ModelFile[];
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

export async function sourceFromFiles(files: readonly File[]): Promise<CustomModelSource> {
  let modelJson: string | null = null;
  let modelName = 'your model';
  let labels: string[] | undefined;
  const weights: ModelFile[] = [];
  for (const file of files) {
    if (/\.bin$/i.test(file.name)) {
      weights.push({ name: file.name, data: await file.arrayBuffer() });
    } else if (/\.(json|txt|labels)$/i.test(file.name) || file.type.startsWith('text/') || file.type === 'application/json') {
      const text = await file.text();
      if (isModelJson(text)) {
        if (modelJson !== null) throw new Error('Two model.json files were given; pick the files of one model.');
        modelJson = text;
        modelName = file.name === 'model.json' ? 'your model' : file.name.replace(/\.json$/i, '');
      } else {
        labels = parseLabels(text);
      }
    } else {
      throw new Error(`“${file.name}” is not part of a TensorFlow.js model: pick model.json, its .bin weight files, and optionally a labels file (.txt or .json).`);
    }
  }
  if (modelJson === null) throw new Error('No model.json among these files. Pick model.json together with its .bin weight files.');
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
    manifest.flatMap((g) => g.paths).map(async (p) => ({ name: p, data: await (await get(new URL(p, modelUrl))).arrayBuffer() })),
  );
  return { modelJson, weights, name: modelUrl.pathname.split('/').slice(-2, -1)[0] || 'your model' };
}
