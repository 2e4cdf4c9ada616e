/** The keys bench/results.json must hold for the pages that exist (checked by bench/results.test.ts). */
export const BACKENDS_MEASURED = ['wasm', 'webgl', 'cpu'] as const;

export const SHELL_KEYS = ['shell.gzipBytes', 'shell.interactiveMs', 'wasm.matmulGflops'];

export function taskKeys(task: string): string[] {
  return [
    `${task}.downloadBytes`,
    `${task}.loadMs.cold`,
    `${task}.loadMs.warm`,
    `${task}.firstMs.wasm`,
    ...BACKENDS_MEASURED.flatMap((b) => [`${task}.p50Ms.${b}`, `${task}.p95Ms.${b}`]),
    `${task}.leakedTensors`,
  ];
}

/** Pages whose model has shipped; grows as each page lands. */
export const BENCHMARKED_TASKS = ['digits', 'images', 'text', 'forecast'];

/** Keys particular to one page. */
export const TASK_EXTRA_KEYS: Record<string, string[]> = {
  text: ['text.wordsPerSec.stateful', 'text.wordsPerSec.fullReread', 'text.speedup', 'text.firstWordMs.warm'],
  images: ['images.vgg16Ms.wasm', 'images.vgg16Gflops'],
  forecast: ['forecast.retrain300Ms.wasm', 'forecast.trainingFps'],
};

/** Fresh visits per page on the slow phone; `<task>.longestTaskMs` is the worst task of all of them. */
export const SLOW_PHONE_RUNS = 3;

/** The longest main-thread task while the page's model answers, on a CPU slowed 4x (bench/slow-phone.ts; `--only slow-phone`). */
export const SLOW_PHONE_KEYS = BENCHMARKED_TASKS.map((task) => `${task}.longestTaskMs`);

/** The backend parity matrix (bench/parity.ts): every task on every configuration of scripts/parity/configurations.ts. */
export const PARITY_KEYS = BENCHMARKED_TASKS.flatMap((task) =>
  ['cpu', 'wasm', 'webgl', 'webgl-f16', 'webgl-unpacked', 'webgpu'].flatMap((config) => [
    `parity.${task}.${config}.maxAbsDiff`,
    `parity.${task}.${config}.top1Agreement`,
  ]),
);

export const REQUIRED_KEYS = [
  ...SHELL_KEYS,
  ...BENCHMARKED_TASKS.flatMap((task) => [...taskKeys(task), ...(TASK_EXTRA_KEYS[task] ?? [])]),
  ...PARITY_KEYS,
  ...SLOW_PHONE_KEYS,
  // The bring-your-own VGG16 from picked files and from IndexedDB (bench/byo-vgg16.ts; `--only byo`).
  ...['loadMs.files', 'perImageMs.files', 'rememberMs', 'loadMs.indexedDb', 'perImageMs.indexedDb'].map((k) => `images.byoVgg16.${k}`),
];
