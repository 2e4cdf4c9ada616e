/**
 * Synthetic daily price exports in the layouts the Forecast page accepts (made here, not copied from
 * any data set): the fuzz tests damage them to reach every branch of the CSV reader.
 */
import { addDays } from '../models/forecast/dates.ts';

const closes = (days: number) => Array.from({ length: days }, (_, i) => (8000 + 400 * Math.sin(i / 3) + i * 7.123456).toFixed(6));

/** Yahoo Finance's download: Date,Open,High,Low,Close,Adj Close,Volume. */
export function yahooCsv(days: number, start = '2019-01-01'): string {
  const lines = closes(days).map((c, i) => `${addDays(start, i)},${c},${c},${c},${c},${c},${1e9 + i}`);
  return `${['Date,Open,High,Low,Close,Adj Close,Volume', ...lines].join('\n')}\n`;
}

/** yfinance's to_csv: timestamps with a zone, other columns, CRLF line ends. */
export function yfinanceCsv(days: number, start = '2020-02-27'): string {
  const lines = closes(days).map((c, i) => `${addDays(start, i)} 00:00:00+00:00,${c},${c},${c},${c},${2e9 + i},0.0,0.0`);
  return ['Date,Open,High,Low,Close,Volume,Dividends,Stock Splits', ...lines].join('\r\n');
}

/** What the parser warns about: 'null' days, a duplicate, a gap, lines out of order, only 'Adj Close', quotes. */
export function untidyCsv(days: number, start = '2017-12-30'): string {
  const lines = closes(days).map((c, i) =>
    i % 9 === 4 ? `"${addDays(start, i)}",null,null,null,null` : `"${addDays(start, i)}",${c},${c},${c},"${c}"`,
  );
  lines.splice(3, 0, lines[7]);
  lines.splice(12, 2);
  [lines[1], lines[2]] = [lines[2], lines[1]];
  return `${['Date,Open,High,Low,Adj Close**', ...lines].join('\n')}\n\n`;
}
