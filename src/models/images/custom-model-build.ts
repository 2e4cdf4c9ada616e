/**
 * Builds a prepared bring-your-own model with tfjs (layers models with tf.loadLayersModel, graph models
 * with tf.loadGraphModel), keeps it only if it is a single-image classifier (one [h, w, 3] input, one
 * [batch, classes] output), and puts tfjs's own failures into plain words. Node and workers alike.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_INPUT_SIZE, type PreparedModel } from './custom-model.ts';
import type { GraphSignature } from './model-json-format.ts';
import type { TargetSize } from './pil-resize.ts';

/** What the page needs of any image classifier, whichever way tfjs built it. */
export interface CustomClassifier {
  kind: 'layers' | 'graph';
  inputSize: TargetSize;
  classes: number;
  parameters: number;
  predict(x: tf.Tensor4D): tf.Tensor;
  dispose(): void;
}

type Shape = Array<number | null>;

const SAME_CONVERSION = 'Check that model.json and its weight files come from the same conversion.';

/** A shape in words without the batch size: [224, 224, 3], "any" for a free size. */
const shapeWords = (shape: Shape | undefined) =>
  `[${(shape ?? [])
    .slice(1)
    .map((d) => (d == null || d < 0 ? 'any' : d))
    .join(', ')}]`;

/** tfjs's messages about a model it could not build, in words for people; the original stays as the cause. */
export function buildFailure(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const quote = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const noTarget = message.match(/Provided weight data has no target variable: (\S+)/);
  const notSet = message.match(/(\d+) of (\d+) weights are not set: ([^,\s]+)/);
  const unknown = message.match(/Unknown (?:layer|activation|initializer|regularizer|constraint): (\w+)/);
  let words: string;
  if (noTarget) {
    words = `The weight “${quote(noTarget[1])}” matches no layer of this model. ${SAME_CONVERSION}`;
  } else if (notSet) {
    words =
      `${notSet[1]} of this model's ${notSet[2]} weights are not in its ` +
      `weight files (the first: “${quote(notSet[3])}”). ${SAME_CONVERSION}`;
  } else if (/Shape mismatch|shape.*(does not|doesn't) match|Based on the provided shape/i.test(message)) {
    words = `A weight in the weight files has another shape than its layer in model.json. ${SAME_CONVERSION}`;
  } else if (unknown) {
    words =
      `This model uses “${quote(unknown[1])}”, which TensorFlow.js 4.22 ` +
      `does not know: rebuild it from built-in Keras layers, then re-export.`;
  } else {
    words =
      `TensorFlow.js could not build this model from its model.json. ${SAME_CONVERSION} ` +
      `If they do, the model uses something TensorFlow.js 4.22 cannot run.`;
  }
  return new Error(words, { cause: err });
}

function refuseUnlessImageClassifier(inputs: Shape[], outputs: Array<Shape | undefined>): void {
  const takes = inputs.length === 1 ? shapeWords(inputs[0]) : `${inputs.length} inputs, ${inputs.map(shapeWords).join(' and ')}`;
  const gives = outputs.length === 1 ? shapeWords(outputs[0]) : `${outputs.length} outputs, ${outputs.map(shapeWords).join(' and ')}`;
  const refuse = () =>
    new Error(
      `This model takes ${takes} and gives ${gives}; this page runs image classifiers, ` +
        `which take one picture ([height, width, 3]) and give one score per class ([classes]).`,
    );
  const input = inputs[0];
  if (inputs.length !== 1 || !input || input.length !== 4 || outputs.length !== 1) throw refuse();
  if (input[3] !== 3 && input[3] != null && input[3] >= 0) {
    throw new Error(`This model takes ${takes}: pictures with ${input[3]} colour channels; this page gives RGB pictures (3 channels).`);
  }
  const output = outputs[0];
  if (output && (output.length !== 2 || output[1] === 0)) throw refuse();
}

const sizeOf = (shape: Shape): TargetSize => {
  const [h, w] = [shape[1], shape[2]];
  return h == null || w == null || h < 0 || w < 0 ? DEFAULT_INPUT_SIZE : [h, w];
};

/** 1 sigmoid unit means two classes. */
const classCount = (units: number) => (units === 1 ? 2 : units);

/**
 * tf.loadLayersModel leaves tensors behind when a damaged file makes it fail (the variables built so
 * far, the decoded weights), or when a model.json holds layers its graph never reaches (their
 * variables): a scope frees the temporary tensors, and variables that appeared during the load but
 * belong to no weight of the model are disposed. tfjs builds synchronously once the in-memory
 * handler has answered, so no other model's load can interleave its variables here.
 */
async function loadLayersCleanly(artifacts: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  const engine = tf.engine();
  const before = new Set(Object.keys(engine.registeredVariables));
  const freeNew = (keep: ReadonlySet<unknown>) => {
    for (const [name, variable] of Object.entries(engine.registeredVariables))
      if (!before.has(name) && !keep.has(variable)) variable.dispose();
  };
  engine.startScope();
  let model: tf.LayersModel | null = null;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    return model;
  } finally {
    engine.endScope();
    freeNew(new Set(model?.weights.map((w) => w.read()) ?? []));
  }
}

async function layersClassifier(prepared: PreparedModel, weightData: ArrayBuffer[]): Promise<CustomClassifier> {
  let model: tf.LayersModel;
  try {
    model = await loadLayersCleanly({ modelTopology: prepared.modelTopology, weightSpecs: prepared.weightSpecs, weightData });
  } catch (err) {
    throw buildFailure(err);
  }
  try {
    refuseUnlessImageClassifier(
      model.inputs.map((i) => i.shape),
      model.outputs.map((o) => o.shape),
    );
    const units = model.outputs[0].shape[1];
    if (units == null) throw new Error(`This model gives ${shapeWords(model.outputs[0].shape)}: a classifier gives one score per class.`);
    return {
      kind: 'layers',
      inputSize: sizeOf(model.inputs[0].shape),
      classes: classCount(units),
      parameters: model.countParams(),
      predict: (x) => {
        const y = model.predict(x);
        return Array.isArray(y) ? y[0] : y;
      },
      dispose: () => disposeLayersModel(model),
    };
  } catch (err) {
    disposeLayersModel(model);
    throw err;
  }
}

/**
 * LayersModel.dispose() leaves a nested model's weights behind when the nested model sits in a
 * Sequential (Keras 3 transfer models: 260 tensors of MobileNetV2): free whatever it left.
 */
export function disposeLayersModel(model: tf.LayersModel): void {
  const weights = model.weights;
  model.dispose();
  for (const weight of weights) {
    try {
      weight.dispose();
    } catch {
      // already freed with its layer
    }
  }
}

const signatureShapes = (part: GraphSignature['inputs']): Array<Shape | undefined> =>
  Object.values(part ?? {}).map((t) => t.tensorShape?.dim?.map((d) => (d.size === undefined ? null : Number(d.size))));

async function graphClassifier(prepared: PreparedModel, weightData: ArrayBuffer[]): Promise<CustomClassifier> {
  let model: tf.GraphModel;
  try {
    model = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: prepared.modelTopology,
        weightSpecs: prepared.weightSpecs,
        weightData,
        signature: prepared.signature,
      } as tf.io.ModelArtifacts),
    );
  } catch (err) {
    throw buildFailure(err);
  }
  try {
    const inputs = model.inputs.map((i) => (i.shape ?? []) as Shape);
    const fromSignature = signatureShapes(prepared.signature?.outputs);
    const outputs = fromSignature.length === model.outputs.length ? fromSignature : model.outputs.map((o) => o.shape as Shape | undefined);
    refuseUnlessImageClassifier(inputs, outputs);
    const inputSize = sizeOf(inputs[0]);
    let units = outputs[0]?.[1];
    if (units == null || units < 0) {
      // Nothing says how many classes: the first inference does.
      let shape: Shape;
      try {
        const y = tf.tidy(() => model.predict(tf.zeros([1, ...inputSize, 3])) as tf.Tensor);
        shape = y.shape;
        y.dispose();
      } catch (err) {
        throw new Error(`TensorFlow.js could not run this graph model on a ${inputSize.join('×')} picture. ${SAME_CONVERSION}`, {
          cause: err,
        });
      }
      refuseUnlessImageClassifier(inputs, [shape]);
      units = shape[1];
    }
    const parameters = prepared.weightSpecs.reduce((n, s) => n + s.shape.reduce((p, d) => p * d, 1), 0);
    return {
      kind: 'graph',
      inputSize,
      classes: classCount(units ?? 1),
      parameters,
      predict: (x) => {
        const y = model.predict(x);
        return (Array.isArray(y) ? y[0] : y) as tf.Tensor;
      },
      dispose: () => model.dispose(),
    };
  } catch (err) {
    model.dispose();
    throw err;
  }
}

/** Builds the classifier from a prepared model and its shards (in manifest order, not joined). */
export function buildCustomClassifier(prepared: PreparedModel, weightData: ArrayBuffer[]): Promise<CustomClassifier> {
  return prepared.kind === 'graph' ? graphClassifier(prepared, weightData) : layersClassifier(prepared, weightData);
}
