/**
 * npm run train:forecast — trains the forecast model on the book's train weeks of
 * DATA_DIR/btc/BTC-USD.csv (2016-01-04 … 2019-08-04, 187 Monday–Sunday weeks) and exports
 * public/models/forecast/, measured on the 21 test weeks that follow (evaluate.ts).
 *
 * Why the book's weeks and not the newest prices: the committed package is what `npm run eval`
 * measures, and a model that had seen the test weeks could not be measured on them. The model
 * reads point-relative weeks, never price levels, so it applies to any later history as it is;
 * the Forecast page retrains it in the browser on the prices the visitor gives it.
 *
 * Options: --formulation reference|prefixes|prefixes-last-close (default below),
 *          --epochs N (default 300), --seed N (default 7).
 * About 2 minutes on one core with the WASM backend.
 */

import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_EPOCHS } from '../../src/models/forecast/constants.ts';
import { type Formulation, isFormulation } from '../../src/models/forecast/formulation.ts';
import { trainForecastModel } from '../../src/models/forecast/train.ts';
import { totalBytes } from '../../src/runtime/model-meta.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir } from '../lib/data-dir.ts';
import { BOOK_SPLIT, bookSplit } from './book-split.ts';
import { BTC_BOOK_CSV, readPrices } from './btc.ts';
import { FORECAST_PACKAGE_DIR } from './evaluate.ts';
import { exportForecastPackage } from './export.ts';

/**
 * The formulation with the best honest RMSE on validation weeks (the last 21 training weeks), chosen
 * without looking at the test weeks (compare.ts; figures in README.md).
 */
export const SHIPPED_FORMULATION: Formulation = 'prefixes-last-close';

const { values: args } = parseArgs({
  options: {
    formulation: { type: 'string', default: SHIPPED_FORMULATION },
    epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
    seed: { type: 'string', default: '7' },
  },
});

const round = (x: number) => Number(x.toPrecision(6));

async function main() {
  const formulation = args.formulation;
  if (!isFormulation(formulation))
    throw new Error(`--formulation must be reference, prefixes or prefixes-last-close, not '${formulation}'`);
  const epochs = Number(args.epochs);
  const seed = Number(args.seed);
  const backend = await useNodeBackend('wasm');
  console.log(`backend: ${backend}`);

  const split = bookSplit(readPrices(dataDir(), BTC_BOOK_CSV));
  const trainWeeks = split.weeks.slice(0, split.firstTest);
  console.log(
    `training '${formulation}' on ${trainWeeks.length} weeks (${trainWeeks[0].dates[0]} ` +
      `… ${trainWeeks.at(-1)!.dates[6]}), ${epochs} epochs, seed ${seed}`,
  );

  const started = performance.now();
  const trained = await trainForecastModel(trainWeeks, {
    formulation,
    epochs,
    seed,
    onEpochEnd: (epoch, loss) => {
      if (epoch % 10 === 0 || epoch === 1 || epoch === epochs) {
        const seconds = (performance.now() - started) / 1000;
        const eta = (seconds / epoch) * (epochs - epoch);
        console.log(`epoch ${epoch}/${epochs} loss ${loss.toExponential(4)} ${seconds.toFixed(0)} s (about ${eta.toFixed(0)} s left)`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const { losses } = trained;

  const { meta, result } = await exportForecastPackage(trained.model, split, {
    command: `npm run train:forecast${formulation === SHIPPED_FORMULATION ? '' : ` -- --formulation ${formulation}`}`,
    data:
      `DATA_DIR/btc/BTC-USD.csv closes ${BOOK_SPLIT.trainStart} … ${BOOK_SPLIT.trainEnd}: ` +
      `${trainWeeks.length} Monday–Sunday weeks, each normalized p_i / p_0 − 1`,
    // The same range for code to read (the page shows it; src/runtime/model-meta.ts validates it).
    range: { from: BOOK_SPLIT.trainStart, to: BOOK_SPLIT.trainEnd, weeks: trainWeeks.length },
    formulation,
    modelInput:
      '[batch, weeks, 7]: any number of normalized weeks, oldest first; output ' +
      '[batch, 7]: the next week, normalized; prices = last close × (y + 1)',
    formulationChoice:
      'best honest RMSE on validation weeks (last 21 of the training range) of reference, prefixes ' +
      'and prefixes-last-close, over seeds 7, 8, 9; test weeks not used (training/forecast/README.md)',
    weekAlignment: "'start' for the book's split (Monday–Sunday); 'end' when forecasting (the last week ends on the last date)",
    architecture: 'LSTM(7, tanh, sigmoid gates, forget bias 1) → Dense(7, linear)',
    loss: 'meanSquaredError',
    optimizer: { name: 'rmsprop', learningRate: 0.001, rho: 0.9 },
    batchSize: 1,
    shuffle: false,
    epochs,
    seed,
    backend,
    tfjs: tf.version.tfjs,
    seconds: Number(seconds.toFixed(1)),
    lossSummary: {
      first: round(losses[0]),
      last: round(losses.at(-1) ?? NaN),
      min: round(Math.min(...losses)),
      // Every 10th epoch: enough to see the curve without 300 numbers.
      every10: losses.filter((_, i) => (i + 1) % 10 === 0).map(round),
    },
  });
  trained.model.dispose();
  for (const m of meta.metrics) console.log(`${m.metric} ${m.value}`);
  console.log(`normalized MSE on the test weeks ${result.mseNormalized.toExponential(4)}`);
  console.log(`exported ${FORECAST_PACKAGE_DIR}: ${totalBytes(meta)} bytes (+ meta.json); trained in ${seconds.toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
