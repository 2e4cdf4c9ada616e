/** bench/REPORT.md: the results as a readable table, with the machine, versions and date. */
import { readFileSync, writeFileSync } from 'node:fs';
import { SLOW_PHONE_RUNS } from './keys.ts';

const DESCRIPTIONS: Array<[RegExp, string]> = [
  [/^shell\.gzipBytes$/, 'JS + CSS before any model loads (gzip -9, bytes)'],
  [/^shell\.interactiveMs$/, 'open the app until a page switch responds (ms, median of 3)'],
  [/^wasm\.matmulGflops$/, '1024×1024 matMul on the WASM backend (GFLOP/s): the practical ceiling'],
  [/^text\.wordsPerSec\.stateful$/, 'words generated per second, one LSTM step per word (50-word prompt, 100 words; median of 7 runs)'],
  [
    /^text\.wordsPerSec\.fullReread$/,
    "the same with the full re-read (the original app's method): the whole growing text read again for every word",
  ],
  [/^text\.speedup$/, 'stateful over full re-read: the ratio of the two medians, from the same runs'],
  [
    /^text\.firstWordMs\.warm$/,
    'open #/text with the model cached (network off), type a prompt, Generate: until the first word shows (ms)',
  ],
  [/^images\.vgg16Ms\.wasm$/, 'full VGG16 (224×224, random weights), one image on WASM, median (ms)'],
  [/^images\.vgg16Ms\.webkit$/, 'the same VGG16 in WebKit (WebKitGTK MiniBrowser) as shipped: WASM on 1 thread, median (ms)'],
  [
    /^images\.vgg16Ms\.webkitThreads$/,
    'the same in WebKit with shared memory on (JSC_useSharedArrayBuffer, as Safari on an isolated page): threaded WASM (ms)',
  ],
  [/^images\.vgg16Ms\.firefox$/, 'the same VGG16 in Firefox ESR, headless, WASM with threads, median (ms)'],
  [/^images\.vgg16Gflops$/, "VGG16's 15.5 GFLOP (30.9 GFLOP as multiply + add) over that time (GFLOP/s)"],
  [/^forecast\.retrain300Ms\.wasm$/, '"retrain the old model": 300 epochs on ~190 weeks in the forecast worker (ms)'],
  [/^forecast\.retrain300Ms\.cpu$/, 'the same on the plain-JS CPU backend (ms)'],
  [/^forecast\.trainingFps$/, "the page's animation frames per second while that training runs"],
  [/^forecast\.firstMs\.wasm$/, 'open #/forecast, nothing cached, until the first forecast shows (ms)'],
  [
    /\.longestTaskMs$/,
    `longest main-thread task while the model answers, CPU slowed 4x, worst of ${SLOW_PHONE_RUNS} fresh visits (ms; goal at most 100)`,
  ],
  [/^text\.p(50|95)Ms\./, 'one inference = read a 20-word prompt and write 10 words (ms)'],
  [/\.downloadBytes$/, 'model package download (bytes)'],
  [/\.loadMs\.cold$/, 'page open until the model is ready, nothing cached (ms)'],
  [/\.loadMs\.warm$/, 'the same, network off, from the service worker cache (ms)'],
  [/\.firstMs\.wasm$/, 'first inference on WASM, including download, build and warm-up (ms)'],
  [/\.p50Ms\./, 'steady-state inference, median, page round trip (ms)'],
  [/\.p95Ms\./, 'steady-state inference, 95th percentile (ms)'],
  [/\.leakedTensors$/, 'tensors left after 500 inferences (must be 0)'],
];

function tableRows(results: Record<string, number>): string[] {
  return Object.entries(results).map(([key, value]) => {
    const what = DESCRIPTIONS.find(([pattern]) => pattern.test(key))?.[1] ?? '';
    return `| \`${key}\` | ${value} | ${what} |`;
  });
}

/** REPORT.md's line saying when and in which engines `images.vgg16Ms.<engine>` were measured. */
export const ENGINES_LINE = '- Other engines: ';
const TABLE_HEAD = '| metric | value | what |';

/**
 * After a part measured alone (`--only engines`, `--only slow-phone`, `--only byo`): the main table
 * from the merged results (parity keys have their own section), one header line saying what was
 * re-measured and when (a line starting with `linePrefix` replaces the previous one), the rest kept.
 */
export function updateReportTable(file: string, results: Record<string, number>, linePrefix: string, line: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const head = lines.indexOf(TABLE_HEAD);
  const kept = lines.slice(0, head).filter((l) => !l.startsWith(linePrefix));
  while (kept.at(-1) === '') kept.pop();
  let end = head + 2;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const main = Object.fromEntries(Object.entries(results).filter(([key]) => !key.startsWith('parity.')));
  const table = [TABLE_HEAD, '| --- | --- | --- |', ...tableRows(main)];
  writeFileSync(file, [...kept, `${linePrefix}${line}`, '', ...table, ...lines.slice(end)].join('\n'));
}

export function writeReport(
  file: string,
  results: Record<string, number>,
  context: { date: string; machine: string; versions: string; runs: number; engines?: string },
): void {
  const rows = tableRows(results);
  writeFileSync(
    file,
    [
      '# tabml benchmark',
      '',
      `Made by \`npm run bench\` on ${context.date}: headless Chromium driven by Playwright, the production build served locally.`,
      '',
      `- Machine: ${context.machine}`,
      `- Versions: ${context.versions}`,
      `- Steady state: ${context.runs} runs per backend after 5 warm-up runs; \`webgl\` is forced onto SwiftShader (no GPU here).`,
      ...(context.engines ? [`${ENGINES_LINE}${context.engines}`] : []),
      '',
      TABLE_HEAD,
      '| --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}
