import fc from 'fast-check';
import { it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, outcome } from '../../testing/fuzz.ts';
import { anyText, mutatedBytes, mutatedText } from '../../testing/mutations.ts';
import { expectPlainError } from '../../testing/plain-error.ts';
import { untidyCsv, yahooCsv, yfinanceCsv } from '../../testing/price-csv.ts';
import { MIN_DAYS, readPrices } from './read-prices.ts';

const VALID = [yahooCsv(30), yfinanceCsv(16), untidyCsv(24)];
// A file picked by mistake (a picture, a zip), read as text the way File.text() does.
const NOT_CSV = [
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2]),
  Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new TextEncoder().encode('xl/workbook.xml')]),
  new TextEncoder().encode(yahooCsv(20)),
];
const decoded = mutatedBytes(NOT_CSV).map((bytes) => new TextDecoder().decode(bytes));

it(
  'reads any damaged price file, or a file that is not one, into two weeks of prices or a plain error',
  () => {
    const input = fc.oneof(
      { weight: 4, arbitrary: mutatedText(VALID) },
      { weight: 1, arbitrary: decoded },
      { weight: 1, arbitrary: anyText },
    );
    fuzz('readPrices', input, 2000, (text) => {
      const result = outcome(() => readPrices(text));
      if (!result.ok) return expectPlainError(result.error, text);
      if (result.value.rows.length < MIN_DAYS) throw new Error(`accepted ${result.value.rows.length} days`);
    });
  },
  FUZZ_TIMEOUT_MS,
);
