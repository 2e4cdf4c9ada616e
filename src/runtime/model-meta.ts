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
