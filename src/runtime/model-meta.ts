/** The meta.json of a model package (public/models/<task>/meta.json). */
export interface PackageFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface MetricRecord {
  metric: string;
  value: number;
  n: number;
  data: string;
}

export interface ModelMeta {
  task: string;
  version: string;
  format: 'tfjs-layers';
  /** Input shape without the batch dimension. */
  inputShape: number[];
  labels?: string[];
  /** Weight storage in the shards: float32, or quantized (decoded to float32 by tfjs on load). */
  weights: 'float32' | 'float16' | 'uint8';
  files: PackageFile[];
  training: {
    command: string;
    /** The data it was trained on, in words. */
    data: string;
    /** The same, for code to read: the first and last day of the prices it trained on (the forecaster). */
    range?: TrainingRange;
    [detail: string]: unknown;
  };
  metrics: MetricRecord[];
}

/** Days as YYYY-MM-DD, and how many weeks of them were training examples. */
export interface TrainingRange {
  from: string;
  to: string;
  weeks: number;
}

const WEIGHT_STORAGE: ReadonlyArray<ModelMeta['weights']> = ['float32', 'float16', 'uint8'];

export const totalBytes = (meta: ModelMeta) => meta.files.reduce((sum, f) => sum + f.bytes, 0);

const isPackageFile = (f: unknown) => {
  const file = f as Partial<Record<keyof PackageFile, unknown>> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.name === 'string' &&
    file.name !== '' &&
    Number.isSafeInteger(file.bytes) &&
    (file.bytes as number) >= 0 &&
    typeof file.sha256 === 'string' &&
    /^[0-9a-f]{64}$/i.test(file.sha256)
  );
};

const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

const isRange = (value: unknown) => {
  const range = value as Partial<Record<keyof TrainingRange, unknown>> | null;
  return (
    typeof range === 'object' &&
    range !== null &&
    isDay(range.from) &&
    isDay(range.to) &&
    (range.from as string) <= (range.to as string) &&
    Number.isSafeInteger(range.weeks) &&
    (range.weeks as number) > 0
  );
};

const isMetric = (m: unknown) => {
  const metric = m as Partial<Record<keyof MetricRecord, unknown>> | null;
  return (
    typeof metric === 'object' &&
    metric !== null &&
    typeof metric.metric === 'string' &&
    typeof metric.value === 'number' &&
    Number.isFinite(metric.value) &&
    Number.isSafeInteger(metric.n) &&
    typeof metric.data === 'string'
  );
};

/**
 * What is wrong with a parsed meta.json, as the end of a sentence that starts with its address, or
 * null when the app can use it: every file with a name, a size and a sha256, model.json among them,
 * and every field code reads (task, input shape, weight storage, labels, training, metrics) of its type.
 */
export function metaProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const meta = value as Partial<Record<keyof ModelMeta, unknown>>;
  const files = meta.files;
  if (!Array.isArray(files)) return 'has no list of files';
  const bad = files.findIndex((f) => !isPackageFile(f));
  if (bad >= 0) return `describes file ${bad + 1} without a name, a size in bytes or a sha256`;
  if (!files.some((f: PackageFile) => f.name === 'model.json')) return 'does not list model.json';
  if (typeof meta.task !== 'string' || meta.task === '') return 'does not say which task the model is for';
  if (!Array.isArray(meta.inputShape) || meta.inputShape.length === 0 || !meta.inputShape.every((d) => Number.isSafeInteger(d) && d > 0)) {
    return 'has no input shape (a list of whole numbers above 0)';
  }
  if (!WEIGHT_STORAGE.includes(meta.weights as ModelMeta['weights']))
    return `gives a weight storage other than ${WEIGHT_STORAGE.join(', ')}`;
  if (meta.labels !== undefined && !(Array.isArray(meta.labels) && meta.labels.every((l) => typeof l === 'string')))
    return 'has labels that are not a list of words';
  const training = meta.training as Partial<Record<string, unknown>> | null | undefined;
  if (typeof training !== 'object' || training === null || typeof training.command !== 'string' || typeof training.data !== 'string') {
    return 'does not say how the model was trained (the command and the data)';
  }
  if (training.range !== undefined && !isRange(training.range))
    return 'gives a training range that is not two days (YYYY-MM-DD, in order) and a number of weeks';
  if (!Array.isArray(meta.metrics) || !meta.metrics.every(isMetric))
    return 'has metrics that are not each a name, a number, a count and the data measured';
  return null;
}

/** The one typed reader of a parsed meta.json: the meta, or a plain sentence about `url` saying what is wrong. */
export function readModelMeta(value: unknown, url: string): { meta: ModelMeta } | { problem: string } {
  const problem = metaProblem(value);
  return problem ? { problem: `${url} ${problem}.` } : { meta: value as ModelMeta };
}
