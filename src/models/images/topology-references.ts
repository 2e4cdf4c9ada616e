/**
 * A functional model's layers name the layers they take input from. tfjs 4.22 waits, forever, for a
 * named layer or node that does not exist, or for one in a cycle (a hang found by fuzzing): so every
 * reference is checked first, and a broken one refused in plain words.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
const MAX_DEPTH = 64;

const quote = (s: unknown) => {
  const text = String(s);
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
};
const broken = (why: string) =>
  new Error(`This model.json is damaged: ${why}. Choose the model.json that tensorflowjs_converter wrote, unchanged.`);

function checkFunctional(config: Json): void {
  const layers = Array.isArray(config.layers) ? config.layers.filter(isObject) : [];
  const nodeCount = new Map<string, number>();
  for (const entry of layers) {
    if (typeof entry.name !== 'string') throw broken('one of its layers has no name');
    nodeCount.set(entry.name, Math.max(1, Array.isArray(entry.inbound_nodes) ? entry.inbound_nodes.length : 0));
  }
  const check = (ref: unknown, user: string): string | null => {
    if (!Array.isArray(ref) || typeof ref[0] !== 'string') return null; // tfjs names other forms itself
    const count = nodeCount.get(ref[0]);
    if (count === undefined) throw broken(`${user} takes input from layer ${quote(ref[0])}, which the model does not have`);
    if (!Number.isInteger(ref[1]) || (ref[1] as number) < 0 || (ref[1] as number) >= count)
      throw broken(`${user} takes input from a call of layer ${quote(ref[0])} that the model does not make`);
    return ref[0];
  };
  const inputsOf = new Map<string, string[]>();
  for (const entry of layers) {
    const name = entry.name as string;
    const from: string[] = [];
    for (const node of Array.isArray(entry.inbound_nodes) ? entry.inbound_nodes : []) {
      for (const ref of Array.isArray(node) ? node : []) {
        const source = check(ref, `layer ${quote(name)}`);
        if (source !== null) from.push(source);
      }
    }
    inputsOf.set(name, from);
  }
  for (const key of ['input_layers', 'output_layers']) {
    const refs = config[key];
    if (Array.isArray(refs)) for (const ref of refs) check(ref, 'the model');
  }
  // Depth-first, without recursion: a layer met again while still open closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of inputsOf.keys()) {
    if (state.has(start)) continue;
    const stack: Array<[string, number]> = [[start, 0]];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = inputsOf.get(top[0])?.[top[1]++];
      if (next === undefined) {
        state.set(top[0], 'done');
        stack.pop();
      } else if (state.get(next) === 'open') {
        throw broken(`layer ${quote(next)} takes its own output as input`);
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
}

function walk(model: Json, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const config = model.config;
  const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (isObject(config) && model.class_name !== 'Sequential' && Array.isArray(config.layers)) checkFunctional(config);
  if (!Array.isArray(layers)) return;
  for (const entry of layers) {
    if (!isObject(entry)) continue;
    if (typeof entry.class_name === 'string' && MODEL_CLASSES.has(entry.class_name)) walk(entry, depth + 1);
    const inner = isObject(entry.config) ? entry.config.layer : undefined;
    if (isObject(inner) && typeof inner.class_name === 'string' && MODEL_CLASSES.has(inner.class_name)) walk(inner, depth + 1);
  }
}

/** Throws a plain error when a functional model (at any depth) refers to a layer or call it lacks, or loops. */
export function checkReferences(topology: Json): void {
  walk(isObject(topology.model_config) ? topology.model_config : topology, 0);
}
