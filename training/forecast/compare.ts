/**
 * Compares the formulations (src/models/forecast/formulation.ts) on the book's split, for
 * choosing which one train.ts ships. Not part of CI; each training takes minutes.
 *   npx tsx training/forecast/compare.ts [--epochs 300] [--seeds 7,8,9]
 * For every formulation and seed it trains twice: on the first 166 train weeks, measured on the
 * last 21 train weeks (validation: a choice made there never looks at the test weeks), and on
 * all 187 train weeks, measured on the 21 test weeks.
 */
import { parseArgs } from 'node:util';
import { FORMULATIONS } from '../../src/models/forecast/formulation.ts';
import { trainForecastModel } from '../../src/models/forecast/train.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir } from '../lib/data-dir.ts';
import { bookSplit, validationSplit, type WeekSplit } from './book-split.ts';
import { BTC_BOOK_CSV, readPrices } from './btc.ts';
import { backtest, METRIC_NAMES } from './evaluate.ts';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '300' },
    seeds: { type: 'string', default: '7' },
    formulations: { type: 'string', default: FORMULATIONS.join(',') },
  },
});

async function run(split: WeekSplit, formulation: (typeof FORMULATIONS)[number], seed: number) {
  const started = performance.now();
  const trained = await trainForecastModel(split.weeks.slice(0, split.firstTest), { formulation, seed, epochs: Number(args.epochs) });
  const result = await backtest(trained.model, split);
  trained.model.dispose();
  const seconds = (performance.now() - started) / 1000;
  return { ...result.metrics, mse_normalized: result.mseNormalized, final_loss: trained.losses.at(-1) ?? NaN, seconds };
}

async function main() {
  console.log(`backend: ${await useNodeBackend('wasm')}`);
  const test = bookSplit(readPrices(dataDir(), BTC_BOOK_CSV));
  const validation = validationSplit(test);
  const rows: Array<Record<string, string | number>> = [];
  for (const formulation of args.formulations.split(',') as Array<(typeof FORMULATIONS)[number]>) {
    for (const seed of args.seeds.split(',').map(Number)) {
      for (const [name, split] of [
        ['validation', validation],
        ['test', test],
      ] as const) {
        const r = await run(split, formulation, seed);
        const row = { formulation, seed, on: name, ...r };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  }
  const columns = ['formulation', 'seed', 'on', ...METRIC_NAMES, 'mse_normalized', 'final_loss', 'seconds'];
  console.log(columns.join('\t'));
  for (const row of rows)
    console.log(columns.map((c) => (typeof row[c] === 'number' ? Number((row[c] as number).toFixed(4)) : row[c])).join('\t'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
