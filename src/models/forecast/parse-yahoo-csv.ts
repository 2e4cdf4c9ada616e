/**
 * Reads a Yahoo Finance daily price export (Date,Open,High,Low,Close,Adj Close,Volume) into
 * sorted {date, close} rows. It accepts what real exports contain and says what it changed
 * (warnings); a file it cannot use throws an Error whose message names the line and the problem,
 * in words a person who dropped the file can act on.
 */
import Papa from 'papaparse';
import { addDays, daysBetween, isIsoDate } from './dates.ts';

export interface PriceRow {
  /** YYYY-MM-DD */
  date: string;
  close: number;
}

export interface ParsedPrices {
  /** One row per date, oldest first. */
  rows: PriceRow[];
  warnings: string[];
}

const HEADER_EXAMPLE = 'Date,Open,High,Low,Close,Adj Close,Volume';
// Each digit can match one way only: '\d+\.?\d*' backtracked for minutes on 100,000 digits and a letter.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// yfinance's to_csv writes '2019-01-01 00:00:00+00:00'; the calendar date is what we need.
const DATE_WITH_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}/;

/** 'Adj Close**' (Yahoo's web table), 'adj_close' and 'Adj Close' all become 'adjclose'. */
const columnKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A value from the file as a message quotes it: cut short, so a 100,000-character cell stays readable. */
const shown = (value: string, max = 40) => (value.length > max ? `${Array.from(value).slice(0, max).join('')}…` : value);

function listLines(lines: number[], max = 3): string {
  const shown = lines.slice(0, max).join(', ');
  return lines.length > max ? `${shown}, …` : shown;
}

export function parseYahooCsv(text: string): ParsedPrices {
  // One kind of line end, so that papaparse's row i is always line i + 1 of the file.
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') {
    throw new Error(`The file is empty: expected a header line like ${HEADER_EXAMPLE}, then one line per day.`);
  }
  const parsed = Papa.parse<string[]>(clean, { delimiter: ',', newline: '\n', header: false, skipEmptyLines: false });
  const csvError = parsed.errors[0];
  if (csvError) {
    const where = csvError.row === undefined ? '' : `Line ${csvError.row + 1}: `;
    throw new Error(`${where}the file is not readable as CSV (${csvError.message}).`);
  }
  const lines = parsed.data;
  const headerIndex = lines.findIndex((cells) => !isBlank(cells));
  // Only commas and spaces (e.g. a spreadsheet's empty rows saved as CSV): nothing to read.
  if (headerIndex < 0) {
    throw new Error(
      `The file has no values, only commas and spaces: expected a header line like ${HEADER_EXAMPLE}, then one line per day.`,
    );
  }
  const header = lines[headerIndex].map((c) => c.trim());
  const keys = header.map(columnKey);

  const dateColumn = keys.indexOf('date');
  if (dateColumn < 0) {
    if (header.length === 1 && /[;\t]/.test(header[0])) {
      const separator = header[0].includes(';') ? "';'" : 'tabs';
      throw new Error(`Line ${headerIndex + 1}: the values are separated by ${separator}; expected commas, as in ${HEADER_EXAMPLE}.`);
    }
    const looksLikeData = isIsoDate(header[0]) || DATE_WITH_TIME.test(header[0]);
    throw new Error(
      `No 'Date' column: the first line should be a header like ${HEADER_EXAMPLE}` +
        (looksLikeData ? ', but it is already a line of prices.' : ` (it has: ${shown(header.join(', '), 120)}).`),
    );
  }
  const warnings: string[] = [];
  let closeColumn = keys.indexOf('close');
  if (closeColumn < 0) {
    closeColumn = keys.indexOf('adjclose');
    if (closeColumn < 0) {
      throw new Error(
        `No 'Close' column (nor 'Adj Close'): the first line should be a header ` +
          `like ${HEADER_EXAMPLE} (it has: ${shown(header.join(', '), 120)}).`,
      );
    }
    warnings.push(`No 'Close' column: used '${shown(header[closeColumn])}' instead.`);
  }

  const byDate = new Map<string, { row: PriceRow; line: number }>();
  const duplicates: Array<{ date: string; first: number; last: number }> = [];
  const nullLines: number[] = [];
  let outOfOrder: { line: number; date: string; after: string } | null = null;
  let previous: string | null = null;

  for (let i = headerIndex + 1; i < lines.length; i++) {
    const cells = lines[i];
    const line = i + 1;
    if (isBlank(cells)) continue;
    const needed = Math.max(dateColumn, closeColumn) + 1;
    if (cells.length < needed) {
      throw new Error(
        `Line ${line}: it has ${plural(cells.length, 'value')}, but the header has ` +
          `${header.length}; the ${cells.length <= dateColumn ? "'Date'" : "'Close'"} value is missing.`,
      );
    }
    const rawDate = cells[dateColumn].trim();
    const date = DATE_WITH_TIME.exec(rawDate)?.[1] ?? rawDate;
    if (date === '') throw new Error(`Line ${line}: the date is missing.`);
    if (!isIsoDate(date)) throw new Error(`Line ${line}: the date '${shown(rawDate)}' is not a valid YYYY-MM-DD date.`);

    const rawClose = cells[closeColumn].trim();
    // Yahoo writes 'null' for days it has no price for: those days are skipped, not guessed.
    if (rawClose === '' || rawClose.toLowerCase() === 'null') {
      nullLines.push(line);
      continue;
    }
    if (!NUMBER.test(rawClose)) throw new Error(`Line ${line}: the close price '${shown(rawClose)}' is not a number.`);
    const close = Number(rawClose);
    if (!(close > 0) || !Number.isFinite(close))
      throw new Error(`Line ${line}: the close price '${shown(rawClose)}' is not a positive number.`);

    const seen = byDate.get(date);
    if (seen) duplicates.push({ date, first: seen.line, last: line });
    byDate.set(date, { row: { date, close }, line });
    if (previous !== null && date < previous && !outOfOrder) outOfOrder = { line, date, after: previous };
    previous = date;
  }

  if (byDate.size === 0) {
    throw new Error(
      nullLines.length > 0
        ? `No prices: every line after the header has 'null' as its close (${plural(nullLines.length, 'line')}).`
        : `No prices: the file has a header but no lines of prices after it.`,
    );
  }
  if (nullLines.length > 0) {
    warnings.push(`Skipped ${plural(nullLines.length, 'line')} with no close price ('null'): line ${listLines(nullLines)}.`);
  }
  if (duplicates.length > 0) {
    const d = duplicates[0];
    warnings.push(
      `${plural(duplicates.length, 'date')} appeared more than once (first: ` +
        `${d.date} on lines ${d.first} and ${d.last}); kept the last line of each.`,
    );
  }
  if (outOfOrder) {
    warnings.push(
      `The lines were not in date order (line ${outOfOrder.line}, ` +
        `${outOfOrder.date}, comes after ${outOfOrder.after}); sorted them by date.`,
    );
  }

  const rows = [...byDate.values()].map((v) => v.row).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const gaps = findGaps(rows);
  if (gaps.length > 0) {
    const missing = gaps.reduce((sum, g) => sum + g.missingDays, 0);
    const g = gaps[0];
    warnings.push(
      `${plural(gaps.length, 'gap')} in the dates, ${plural(missing, 'day')} ` +
        `without a price in all (the first: none from ${g.from} to ${g.to}). ` +
        'They were kept as they are: a week is 7 rows of prices, so a week across a gap spans more than 7 days.',
    );
  }
  return { rows, warnings };
}

interface Gap {
  /** First and last missing date. */
  from: string;
  to: string;
  missingDays: number;
}

function findGaps(rows: PriceRow[]): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < rows.length; i++) {
    const step = daysBetween(rows[i - 1].date, rows[i].date);
    if (step > 1) {
      gaps.push({ from: addDays(rows[i - 1].date, 1), to: addDays(rows[i].date, -1), missingDays: step - 1 });
    }
  }
  return gaps;
}
