/**
 * Writes the trained forecast model to public/models/forecast/ (float32: the model has 476
 * weights, so halving them would save under 1 KB) and measures the exported copy on the book's
 * test weeks; the measured numbers go into meta.json.
 */
import type * as tf from '@tensorflow/tfjs';
import { PERIOD_LENGTH } from '../../src/models/forecast/constants.ts';
import type { ModelMeta } from '../../src/runtime/model-meta.ts';
import { loadLayersModel, saveLayersModel } from '../lib/model-files.ts';
import { writeMeta } from '../lib/model-package.ts';
import type { WeekSplit } from './book-split.ts';
import { type Backtest, backtest, EVAL_DATA, FORECAST_PACKAGE_DIR, toMeasurements } from './evaluate.ts';

export async function exportForecastPackage(
  model: tf.LayersModel,
  split: WeekSplit,
  training: ModelMeta['training'],
): Promise<{ meta: ModelMeta; result: Backtest }> {
  const { modelJson, shards } = await saveLayersModel(model, FORECAST_PACKAGE_DIR, 'float32');
  const exported = await loadLayersModel(FORECAST_PACKAGE_DIR);
  const result = await backtest(exported, split);
  exported.dispose();
  const meta = writeMeta(
    FORECAST_PACKAGE_DIR,
    {
      task: 'forecast',
      version: '1.0.0',
      format: 'tfjs-layers',
      // The model reads [weeks, 7] for any number of weeks; meta.json's shape has no way to say
      // "any", so it gives the shortest input, one week (what a warm-up call can use).
      inputShape: [1, PERIOD_LENGTH],
      weights: 'float32',
      training: { ...training, mseNormalized: result.mseNormalized },
      metrics: toMeasurements(result).map(({ metric, value, n }) => ({ metric, value, n, data: EVAL_DATA })),
    },
    [modelJson, ...shards],
  );
  return { meta, result };
}
