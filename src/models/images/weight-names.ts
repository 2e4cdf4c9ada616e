/**
 * Weights are matched to layers by name (tfjs does that, never by order); this fixes the names Keras 3
 * writes differently from what tfjs 4.22 looks for: a DepthwiseConv2D's `kernel` (tfjs:
 * `depthwise_kernel`), and a leading model name (`sequential/dense_1/kernel`, tfjs#8321) when that
 * prefix is the only difference. Any other name is left for tfjs to match.
 */
import type * as tf from '@tensorflow/tfjs';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
const MAX_DEPTH = 64;

interface Names {
  /** Layer name → its class, through nested models and wrappers. */
  layers: Map<string, string>;
  /** Names of the model and its nested models. */
  models: Set<string>;
}

function collect(entry: unknown, depth: number, names: Names): void {
  if (!isObject(entry) || depth > MAX_DEPTH) return;
  const config = entry.config;
  const name = typeof entry.name === 'string' ? entry.name : isObject(config) && typeof config.name === 'string' ? config.name : null;
  const cls = String(entry.class_name);
  if (name !== null && MODEL_CLASSES.has(cls)) names.models.add(name);
  else if (name !== null) names.layers.set(name, cls);
  const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (Array.isArray(layers)) for (const layer of layers) collect(layer, depth + 1, names);
  if (isObject(config)) for (const key of ['layer', 'backward_layer', 'forward_layer']) collect(config[key], depth + 1, names);
}

function layerNames(topology: Json): Names {
  const names: Names = { layers: new Map(), models: new Set() };
  collect(isObject(topology.model_config) ? topology.model_config : topology, 0, names);
  return names;
}

/** The name tfjs looks for, for a weight saved as `name`. */
function tfjsName(name: string, names: Names, saved: ReadonlySet<string>): string {
  let tokens = name.split('/');
  // Strip leading model names while what follows is `<layer>/<weight>` of a layer this model has.
  while (
    tokens.length > 2 &&
    names.models.has(tokens[0]) &&
    !names.layers.has(tokens[0]) &&
    names.layers.has(tokens.slice(1, -1).join('/'))
  ) {
    tokens = tokens.slice(1);
  }
  const [layer, weight] = tokens.length === 2 ? tokens : [null, null];
  if (layer !== null && weight === 'kernel' && names.layers.get(layer) === 'DepthwiseConv2D' && !saved.has(`${layer}/depthwise_kernel`)) {
    return `${layer}/depthwise_kernel`;
  }
  return tokens.join('/');
}

/** The manifest's weight specs with the names tfjs 4.22 looks for (the same objects when none differ). */
export function tfjsWeightNames(
  topology: Json,
  specs: tf.io.WeightsManifestEntry[],
): { specs: tf.io.WeightsManifestEntry[]; renamed: number } {
  const names = layerNames(topology);
  const saved = new Set(specs.map((s) => s.name));
  let renamed = 0;
  const out = specs.map((spec) => {
    const name = tfjsName(spec.name, names, saved);
    if (name === spec.name) return spec;
    renamed++;
    return { ...spec, name };
  });
  return { specs: out, renamed };
}
