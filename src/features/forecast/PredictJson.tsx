/** Cryptonic's `/predict` answer for the forecast shown, to copy or download. */
import { memo, useMemo } from 'react';
import { predictPayload } from '../../models/forecast/payload.ts';
import type { ForecastDay } from '../../models/forecast/predict.ts';
import { CopyableJson } from '../common/CopyableJson.tsx';

// Memoized: it changes only with a new forecast.
export const PredictJson = memo(function PredictJson({ days }: { days: readonly ForecastDay[] }) {
  const payload = useMemo(() => JSON.stringify(predictPayload(days), null, 2), [days]);
  return (
    <section>
      <CopyableJson json={payload} testId="forecast-json" label="GET /predict, answered on your device" />
      <button type="button" data-testid="forecast-json-download" onClick={() => download(payload, 'predict.json')}>
        Download predict.json
      </button>
    </section>
  );
});

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
