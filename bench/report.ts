/** bench/REPORT.md: the results as a readable table, with the machine, versions and date. */
import { writeFileSync } from 'node:fs';

const DESCRIPTIONS: Array<[RegExp, string]> = [
  [/^shell\.gzipBytes$/, 'JS + CSS before any model loads (gzip -9, bytes)'],
  [/^shell\.interactiveMs$/, 'open the app until a page switch responds (ms, median of 3)'],
  [/^wasm\.matmulGflops$/, '1024×1024 matMul on the WASM backend (GFLOP/s): the practical ceiling'],
  [/\.downloadBytes$/, 'model package download (bytes)'],
  [/\.loadMs\.cold$/, 'page open until the model is ready, nothing cached (ms)'],
  [/\.loadMs\.warm$/, 'the same, network off, from the service worker cache (ms)'],
  [/\.firstMs\.wasm$/, 'first inference on WASM, including download, build and warm-up (ms)'],
  [/\.p50Ms\./, 'steady-state inference, median, page round trip (ms)'],
  [/\.p95Ms\./, 'steady-state inference, 95th percentile (ms)'],
  [/\.leakedTensors$/, 'tensors left after 500 inferences (must be 0)'],
];

export function writeReport(
  file: string,
  results: Record<string, number>,
  context: { date: string; machine: string; versions: string; runs: number },
): void {
  const rows = Object.entries(results).map(([key, value]) => {
    const what = DESCRIPTIONS.find(([pattern]) => pattern.test(key))?.[1] ?? '';
    return `| \`${key}\` | ${value} | ${what} |`;
  });
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
      '',
      '| metric | value | what |',
      '| --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}
