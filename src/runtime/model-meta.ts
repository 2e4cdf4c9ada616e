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
  training: { command: string; data: string; [detail: string]: unknown };
  metrics: MetricRecord[];
}

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

/**
 * What is wrong with a parsed meta.json, as the end of a sentence that starts with its address, or
 * null when the loader can use it: every file with a name, a size and a sha256, model.json among them.
 */
export function metaProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const files = (value as { files?: unknown }).files;
  if (!Array.isArray(files)) return 'has no list of files';
  const bad = files.findIndex((f) => !isPackageFile(f));
  if (bad >= 0) return `describes file ${bad + 1} without a name, a size in bytes or a sha256`;
  if (!files.some((f: PackageFile) => f.name === 'model.json')) return 'does not list model.json';
  return null;
}
