import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyText, mutatedText } from '../../testing/mutations.ts';
import { expectPlainError, expectPlainMessage } from '../../testing/plain-error.ts';
import { untidyCsv, yahooCsv, yfinanceCsv } from '../../testing/price-csv.ts';
import { isIsoDate } from './dates.ts';
import { parseYahooCsv } from './parse-yahoo-csv.ts';

const VALID = [yahooCsv(30), yfinanceCsv(20), untidyCsv(40), yahooCsv(3)];

it(
  'reads any damaged price file into sorted prices or a plain error',
  () => {
    fuzz('parseYahooCsv', fc.oneof({ weight: 4, arbitrary: mutatedText(VALID) }, { weight: 1, arbitrary: anyText }), 3000, (text) => {
      const result = outcome(() => parseYahooCsv(text));
      if (!result.ok) return expectPlainError(result.error, text);
      const { rows, warnings } = result.value;
      if (rows.length === 0) throw new Error('no rows and no error');
      rows.forEach((row, i) => {
        if (!isIsoDate(row.date) || !(row.close > 0) || !Number.isFinite(row.close)) throw new Error(`bad row ${JSON.stringify(row)}`);
        if (i > 0 && !(rows[i - 1].date < row.date)) throw new Error(`rows not in date order at ${row.date}`);
      });
      warnings.forEach((w) => expectPlainMessage(w, text));
    });
  },
  FUZZ_TIMEOUT_MS,
);
