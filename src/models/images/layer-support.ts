/**
 * Layers tfjs 4.22 cannot run, found before anything is built: refused with the layer's name and what
 * to do. Random* augmentation layers change pictures only while training (identity at inference), so
 * they are taken out of the topology with a notice instead. Runs on the list-form topology that
 * keras3-topology.ts leaves.
 */
import * as tf from '@tensorflow/tfjs';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
const MAX_DEPTH = 64;

/** Keras's augmentation layers that return their input unchanged at inference (RandomCrop does not). */
const AUGMENTATION = new Set([
  'RandomFlip',
  'RandomRotation',
  'RandomZoom',
  'RandomContrast',
  'RandomTranslation',
  'RandomBrightness',
  'RandomHeight',
  'RandomWidth',
  'RandomSaturation',
  'RandomHue',
  'RandomColorJitter',
  'RandomGrayscale',
  'RandomSharpness',
  'RandomShear',
  'RandomPosterization',
  'RandomInvert',
  'RandomColorDegeneration',
  'RandomElasticTransform',
]);

export class UnsupportedLayerError extends Error {}

const short = (s: unknown) => {
  const text = String(s);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const layerName = (entry: Json) =>
  short(typeof entry.name === 'string' ? entry.name : isObject(entry.config) ? entry.config.name : entry.class_name);

/** Why tfjs cannot run this layer (and what to do), or null when it can. */
function problem(entry: Json): string | null {
  const cls = entry.class_name;
  const config = isObject(entry.config) ? entry.config : {};
  if (typeof cls !== 'string') return null; // tfjs names what it cannot read
  if (cls === 'GRU' && config.reset_after === true) {
    return (
      `Layer “${layerName(entry)}” is a GRU with reset_after=True (the Keras default), which ` +
      `TensorFlow.js cannot run: build it with GRU(…, reset_after=False), train again, and re-export.`
    );
  }
  if (cls === 'Lambda') {
    return (
      `Layer “${layerName(entry)}” is a Lambda layer: it holds Python code, which cannot run in a ` +
      `browser. Replace it with built-in Keras layers (or do that step before the model), then re-export.`
    );
  }
  if (cls === 'RandomCrop') {
    return (
      `Layer “${layerName(entry)}” is a RandomCrop layer, which ` +
      `TensorFlow.js cannot run: remove augmentation layers before converting.`
    );
  }
  if (!MODEL_CLASSES.has(cls) && !AUGMENTATION.has(cls) && !(cls in tf.serialization.SerializationMap.getMap().classNameMap)) {
    return (
      `Layer “${layerName(entry)}” is a ${short(cls)}, which TensorFlow.js 4.22 does not know ` +
      `(a custom or newer Keras layer): rebuild the model from built-in layers, then re-export.`
    );
  }
  return null;
}

interface Found {
  problems: string[];
  dropped: string[];
}

function checkLayer(entry: unknown, depth: number, found: Found): void {
  if (!isObject(entry)) return;
  if (depth > MAX_DEPTH) return; // keras3-topology.ts refuses such depths first
  const why = problem(entry);
  if (why) found.problems.push(why);
  const config = entry.config;
  if (isObject(config)) for (const key of ['layer', 'backward_layer', 'forward_layer', 'cell']) checkLayer(config[key], depth + 1, found);
  if (typeof entry.class_name === 'string' && MODEL_CLASSES.has(entry.class_name)) checkModel(entry, depth + 1, found);
}

type Ref = [unknown, unknown, unknown, unknown?];
const isRef = (r: unknown): r is Ref => Array.isArray(r) && typeof r[0] === 'string';

/** Takes augmentation layers out of a model's layer list; in a functional model, their consumers read their input instead. */
function dropAugmentation(config: Json | unknown[], found: Found): void {
  const layers = Array.isArray(config) ? config : config.layers;
  if (!Array.isArray(layers)) return;
  const removed = new Map<string, Json>();
  const kept = layers.filter((entry) => {
    if (!isObject(entry) || typeof entry.class_name !== 'string' || !AUGMENTATION.has(entry.class_name)) return true;
    removed.set(String(entry.name ?? (isObject(entry.config) ? entry.config.name : '')), entry);
    found.dropped.push(layerName(entry));
    return false;
  });
  if (removed.size === 0) return;
  // A Sequential's first layer may carry the input shape: the next layer takes it over.
  const first = layers[0];
  if (
    isObject(first) &&
    kept[0] !== first &&
    isObject(first.config) &&
    first.config.batch_input_shape &&
    isObject(kept[0]) &&
    isObject(kept[0].config)
  ) {
    kept[0].config.batch_input_shape ??= first.config.batch_input_shape;
  }
  /** Where a reference to a dropped layer's output really comes from (through chains of dropped layers). */
  const source = (ref: Ref, hops = 0): Ref => {
    const dropped = removed.get(String(ref[0]));
    if (!dropped || hops > layers.length) return ref;
    const nodes = Array.isArray(dropped.inbound_nodes) ? dropped.inbound_nodes : [];
    const node = nodes[Number(ref[1])] ?? nodes[0];
    const input = Array.isArray(node) ? node[0] : undefined;
    if (!isRef(input)) return ref;
    return source([input[0], input[1], input[2], ref[3] ?? input[3]], hops + 1);
  };
  for (const entry of kept) {
    if (!isObject(entry) || !Array.isArray(entry.inbound_nodes)) continue;
    entry.inbound_nodes = entry.inbound_nodes.map((node) => (Array.isArray(node) ? node.map((r) => (isRef(r) ? source(r) : r)) : node));
  }
  if (!Array.isArray(config)) {
    config.layers = kept;
    if (Array.isArray(config.output_layers)) config.output_layers = config.output_layers.map((r) => (isRef(r) ? source(r).slice(0, 3) : r));
  } else {
    config.splice(0, config.length, ...kept);
  }
}

function checkModel(model: Json, depth: number, found: Found): void {
  const config = model.config;
  if (!Array.isArray(config) && !isObject(config)) return;
  dropAugmentation(config, found);
  const layers = Array.isArray(config) ? config : config.layers;
  if (Array.isArray(layers)) for (const layer of layers) checkLayer(layer, depth, found);
}

/**
 * Refuses layers tfjs cannot run (naming the first) and drops augmentation layers from `topology`
 * in place; returns the notice for the person, or null when nothing was dropped.
 */
export function checkLayerSupport(topology: Json): string | null {
  const found: Found = { problems: [], dropped: [] };
  checkModel(isObject(topology.model_config) ? topology.model_config : topology, 0, found);
  if (found.problems.length) {
    // The first in full; a message with every one would be too long to read.
    const others = found.problems.length - 1;
    throw new UnsupportedLayerError(found.problems[0] + (others ? ` ${others} more layer${others > 1 ? 's' : ''} cannot run either.` : ''));
  }
  if (found.dropped.length === 0) return null;
  const names = found.dropped.slice(0, 3).join(', ') + (found.dropped.length > 3 ? ` and ${found.dropped.length - 3} more` : '');
  return (
    `Left out ${found.dropped.length === 1 ? 'the augmentation layer' : `${found.dropped.length} augmentation layers`} ` +
    `${names}: they change pictures only while training.`
  );
}
