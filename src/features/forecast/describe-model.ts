/** Which model serves, in plain words. */
import type { ModelInfo } from '../../workers/forecast-protocol.ts';
import { formatRange } from './format.ts';

export function describeModel(model: ModelInfo): string {
  if (model.source === 'shipped') {
    return `Serving the shipped model${model.trainedOn ? `, trained on Bitcoin closes ${formatRange(model.trainedOn)}` : ''}.`;
  }
  const how = model.mode === 'retrain' ? 'retrained' : 'trained from scratch';
  const when = model.savedAt ? `, saved ${new Date(model.savedAt).toLocaleString()}` : '';
  return (
    `Serving a model ${how} on this device on ` +
    `${model.trainedOn ? formatRange(model.trainedOn) : 'your prices'}, ${model.epochs} epochs${when}.`
  );
}
