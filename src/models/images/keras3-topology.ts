/**
 * Keras 3 topologies (TensorFlow 2.16 and later) rewritten into the Keras 2 form tfjs 4.22 reads,
 * through nested models: `batch_shape` → `batch_input_shape`; `{args, kwargs}` inbound nodes holding
 * `__keras_tensor__`s → `[[layer, node, tensor, kwargs], …]`; flat `input_layers`/`output_layers`
 * (Keras ≥ 3.11) → nested; `DTypePolicy` objects → dtype strings. Only what tfjs cannot read is
 * touched: a Keras 2 topology comes back unchanged.
 *
 * Works in place on the freshly parsed model.json (nothing else holds it) and says what it changed.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

/** Nested models deeper than this are not a real export: say so instead of overflowing the stack. */
const MAX_DEPTH = 64;

export class TopologyError extends Error {}

const tooDeep = () =>
  new TopologyError(
    'This model.json nests models or layer inputs too deeply to be a converted ' +
      'Keras model. Choose the model.json that tensorflowjs_converter wrote, unchanged.',
  );

/** What a Keras 3 dtype policy means for tfjs, which computes in float32 (mixed precision included). */
function policyDtype(policy: Json): string {
  const config = isObject(policy.config) ? policy.config : {};
  const name = typeof config.name === 'string' ? config.name : '';
  return name === 'int32' || name === 'bool' ? name : 'float32';
}

/** Lists the Keras tensors an `{args, kwargs}` node's arguments hold, in order (Add and Concatenate take a list). */
function kerasTensors(value: unknown, depth: number, found: Array<[unknown, unknown, unknown]>): void {
  if (depth > MAX_DEPTH) throw tooDeep();
  if (Array.isArray(value)) {
    for (const v of value) kerasTensors(v, depth + 1, found);
  } else if (isObject(value)) {
    const history = isObject(value.config) ? value.config.keras_history : undefined;
    if (value.class_name === '__keras_tensor__' && Array.isArray(history) && history.length >= 3) {
      found.push([history[0], history[1], history[2]]);
    } else {
      for (const v of Object.values(value)) kerasTensors(v, depth + 1, found);
    }
  }
}

const holdsTensor = (value: unknown) => {
  const found: Array<[unknown, unknown, unknown]> = [];
  kerasTensors(value, 0, found);
  return found.length > 0;
};

/** One `{args, kwargs}` node in the list form; keyword arguments that are tensors (a mask) tfjs cannot take. */
function listNode(node: Json, layerName: string): unknown[] {
  const tensors: Array<[unknown, unknown, unknown]> = [];
  kerasTensors(node.args, 0, tensors);
  if (tensors.length === 0) {
    throw new TopologyError(
      `Layer “${String(layerName).slice(0, 40)}” has inputs this page cannot ` +
        `read. Choose the model.json that tensorflowjs_converter wrote, unchanged.`,
    );
  }
  const kwargs: Json = {};
  if (isObject(node.kwargs)) {
    for (const [key, value] of Object.entries(node.kwargs)) if (!holdsTensor(value)) kwargs[key] = value;
  }
  return tensors.map(([layer, index, tensor]) => [layer, index, tensor, kwargs]);
}

/** `["name", 0, 0]` (one input, Keras ≥ 3.11) → `[["name", 0, 0]]`. */
const nested = (refs: unknown) => (Array.isArray(refs) && typeof refs[0] === 'string' ? [refs] : refs);

function normaliseLayer(entry: unknown, depth: number, changes: Set<string>, policies: Json[]): void {
  if (!isObject(entry)) return;
  if (depth > MAX_DEPTH) throw tooDeep();
  const config = entry.config;
  if (isObject(config)) {
    if (isObject(config.dtype) && typeof config.dtype.class_name === 'string' && config.dtype.class_name.endsWith('DTypePolicy')) {
      policies.push(config);
    }
    if (entry.class_name === 'InputLayer' && config.batch_shape !== undefined && config.batch_input_shape === undefined) {
      config.batch_input_shape = config.batch_shape;
      delete config.batch_shape;
      changes.add('batch_shape → batch_input_shape');
    }
    // Wrappers (TimeDistributed, Bidirectional) hold their layers in their config.
    for (const key of ['layer', 'backward_layer', 'forward_layer']) normaliseLayer(config[key], depth + 1, changes, policies);
  }
  if (typeof entry.class_name === 'string' && MODEL_CLASSES.has(entry.class_name)) normaliseModel(entry, depth + 1, changes, policies);
  if (Array.isArray(entry.inbound_nodes) && entry.inbound_nodes.some((n) => isObject(n) && 'args' in n)) {
    const name = typeof entry.name === 'string' ? entry.name : isObject(config) ? String(config.name) : 'layer';
    entry.inbound_nodes = entry.inbound_nodes.map((n) => (isObject(n) && 'args' in n ? listNode(n, name) : n));
    changes.add('inbound_nodes {args, kwargs} → lists');
  }
}

function normaliseModel(model: Json, depth: number, changes: Set<string>, policies: Json[]): void {
  const config = model.config;
  // Keras 2.1's Sequential kept its layers as the config itself.
  const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (Array.isArray(layers)) for (const layer of layers) normaliseLayer(layer, depth, changes, policies);
  if (!isObject(config)) return;
  for (const key of ['input_layers', 'output_layers']) {
    const refs = nested(config[key]);
    if (refs !== config[key]) {
      config[key] = refs;
      changes.add('flat input/output layers → nested');
    }
  }
}

/** Rewrites `topology` (a model.json's modelTopology) where tfjs 4.22 cannot read it; returns what changed. */
export function normaliseKeras3(topology: Json): string[] {
  const changes = new Set<string>();
  const policies: Json[] = [];
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  normaliseModel(model, 0, changes, policies);
  // tfjs reads float32 policy objects as they are (the hand-patched Keras 3 exports rely on it); they
  // are rewritten with the rest of a raw Keras 3 topology, or when they ask for another dtype.
  const plain = policies.every(
    (config) => policyDtype(config.dtype as Json) === 'float32' && (config.dtype as Json & { config?: Json }).config?.name === 'float32',
  );
  if (policies.length && (changes.size || !plain)) {
    for (const config of policies) config.dtype = policyDtype(config.dtype as Json);
    changes.add('dtype policies → dtype names');
  }
  return [...changes];
}
