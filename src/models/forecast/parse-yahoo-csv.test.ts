import { describe, expect, it } from 'vitest';
import { parseYahooCsv } from './parse-yahoo-csv.ts';

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';
/** A Yahoo-style line with made-up prices: open/high/low around the close, adj close = close. */
const line = (date: string, close: number | string) => `${date},${close},${close},${close},${close},${close},1000`;
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('parseYahooCsv', () => {
  it('reads a plain export', () => {
    const { rows, warnings } = parseYahooCsv(csv(HEADER, line('2020-01-01', 100), line('2020-01-02', 101.5), line('2020-01-03', 99.25)));
    expect(rows).toEqual([
      { date: '2020-01-01', close: 100 },
      { date: '2020-01-02', close: 101.5 },
      { date: '2020-01-03', close: 99.25 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const text = `\uFEFF${[HEADER, line('2020-01-01', 1), line('2020-01-02', 2)].join('\r\n')}\r\n`;
    expect(parseYahooCsv(text)).toEqual({
      rows: [
        { date: '2020-01-01', close: 1 },
        { date: '2020-01-02', close: 2 },
      ],
      warnings: [],
    });
  });

  it("skips 'null' lines and says which", () => {
    const { rows, warnings } = parseYahooCsv(
      csv(HEADER, line('2020-01-01', 1), '2020-01-02,null,null,null,null,null,null', line('2020-01-03', 3)),
    );
    expect(rows.map((r) => r.date)).toEqual(['2020-01-01', '2020-01-03']);
    expect(warnings[0]).toBe("Skipped 1 line with no close price ('null'): line 3.");
    // the skipped day also leaves a gap in the dates
    expect(warnings[1]).toMatch(/^1 gap in the dates, 1 day without a price in all \(the first: none from 2020-01-02 to 2020-01-02\)/);
  });

  it('keeps the last of duplicated dates and says so', () => {
    const { rows, warnings } = parseYahooCsv(csv(HEADER, line('2020-01-01', 1), line('2020-01-02', 2), line('2020-01-02', 22)));
    expect(rows).toEqual([
      { date: '2020-01-01', close: 1 },
      { date: '2020-01-02', close: 22 },
    ]);
    expect(warnings).toEqual(['1 date appeared more than once (first: 2020-01-02 on lines 3 and 4); kept the last line of each.']);
  });

  it('sorts unsorted lines (newest first, as some exports are)', () => {
    const { rows, warnings } = parseYahooCsv(csv(HEADER, line('2020-01-03', 3), line('2020-01-02', 2), line('2020-01-01', 1)));
    expect(rows.map((r) => r.close)).toEqual([1, 2, 3]);
    expect(warnings).toEqual(['The lines were not in date order (line 3, 2020-01-02, comes after 2020-01-03); sorted them by date.']);
  });

  it('keeps gaps and reports them', () => {
    const { rows, warnings } = parseYahooCsv(
      csv(HEADER, line('2020-01-01', 1), line('2020-01-05', 5), line('2020-01-06', 6), line('2020-01-09', 9)),
    );
    expect(rows).toHaveLength(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^2 gaps in the dates, 5 days without a price in all \(the first: none from 2020-01-02 to 2020-01-04\)\./);
  });

  it('finds Date and Close by name in reordered columns with extras, any case', () => {
    const text = csv('volume,close,Ticker,date,open', '10,5.5,BTC,2020-01-02,5', '11,6.5,BTC,2020-01-03,6');
    expect(parseYahooCsv(text).rows).toEqual([
      { date: '2020-01-02', close: 5.5 },
      { date: '2020-01-03', close: 6.5 },
    ]);
  });

  it("falls back to 'Adj Close' when there is no Close", () => {
    const { rows, warnings } = parseYahooCsv(csv('Date,Open,Adj Close', '2020-01-01,1,1.5'));
    expect(rows).toEqual([{ date: '2020-01-01', close: 1.5 }]);
    expect(warnings).toEqual(["No 'Close' column: used 'Adj Close' instead."]);
  });

  it("reads yfinance's dates with a time and zone", () => {
    expect(parseYahooCsv(csv('Date,Close', '2020-01-01 00:00:00+00:00,7')).rows).toEqual([{ date: '2020-01-01', close: 7 }]);
  });

  it('ignores blank lines without shifting line numbers', () => {
    expect(() => parseYahooCsv(csv(HEADER, '', line('2020-01-01', 1), '', line('2020-02-30', 2)))).toThrow(
      "Line 5: the date '2020-02-30' is not a valid YYYY-MM-DD date.",
    );
  });

  it('names the line of a bad date', () => {
    expect(() => parseYahooCsv(csv(HEADER, line('2019-12-31', 1), line('2019-13-01', 2)))).toThrow(
      "Line 3: the date '2019-13-01' is not a valid YYYY-MM-DD date.",
    );
    expect(() => parseYahooCsv(csv(HEADER, line('01/02/2020', 1)))).toThrow(
      "Line 2: the date '01/02/2020' is not a valid YYYY-MM-DD date.",
    );
  });

  it('names the line of a bad number', () => {
    expect(() => parseYahooCsv(csv(HEADER, line('2020-01-01', 1), '2020-01-02,1,1,1,"1,234.5",1,1'))).toThrow(
      "Line 3: the close price '1,234.5' is not a number.",
    );
    expect(() => parseYahooCsv(csv('Date,Close', '2020-01-01,1', '2020-01-02,abc'))).toThrow(
      "Line 3: the close price 'abc' is not a number.",
    );
    expect(() => parseYahooCsv(csv('Date,Close', '2020-01-01,-4'))).toThrow("Line 2: the close price '-4' is not a positive number.");
    expect(() => parseYahooCsv(csv('Date,Close', '2020-01-01,0'))).toThrow("Line 2: the close price '0' is not a positive number.");
  });

  it('refuses a huge malformed number at once, quoting only its start', () => {
    // found by the fuzz test: 100,000 digits and a letter kept the old number pattern backtracking for minutes
    const digits = `${'9'.repeat(50_000)}x${'9'.repeat(50_000)}`;
    const start = performance.now();
    expect(() => parseYahooCsv(csv('Date,Close', `2020-01-01,${digits}`))).toThrow(
      `Line 2: the close price '${'9'.repeat(40)}…' is not a number.`,
    );
    expect(performance.now() - start).toBeLessThan(1000);
    // still numbers: decimals with or without a leading digit, exponents
    expect(parseYahooCsv(csv('Date,Close', '2020-01-01,12.', '2020-01-02,.5', '2020-01-03,1.5E+3')).rows.map((r) => r.close)).toEqual([
      12, 0.5, 1500,
    ]);
  });

  it('names the line that is too short', () => {
    expect(() => parseYahooCsv(csv(HEADER, line('2020-01-01', 1), '2020-01-02,1,2'))).toThrow(
      "Line 3: it has 3 values, but the header has 7; the 'Close' value is missing.",
    );
  });

  it('rejects an empty file', () => {
    expect(() => parseYahooCsv('')).toThrow(/^The file is empty/);
    expect(() => parseYahooCsv('\uFEFF\r\n  \r\n')).toThrow(/^The file is empty/);
    // found by the fuzz test: a file of only commas used to throw a TypeError
    expect(() => parseYahooCsv(',')).toThrow(/^The file has no values, only commas and spaces/);
    expect(() => parseYahooCsv(' , ,\n,\n')).toThrow(/^The file has no values/);
  });

  it('rejects a header without prices', () => {
    expect(() => parseYahooCsv(csv(HEADER))).toThrow('No prices: the file has a header but no lines of prices after it.');
    expect(() => parseYahooCsv(csv(HEADER, '2020-01-01,null,null,null,null,null,null'))).toThrow(
      /^No prices: every line after the header has 'null'/,
    );
  });

  it('explains a missing header or a missing column', () => {
    expect(() => parseYahooCsv(csv(line('2020-01-01', 1)))).toThrow(
      "No 'Date' column: the first line should be a header like " +
        'Date,Open,High,Low,Close,Adj Close,Volume, but it is already a line of prices.',
    );
    expect(() => parseYahooCsv(csv('Day,Price', '2020-01-01,1'))).toThrow(
      "No 'Date' column: the first line should be a header like Date,Open,High,Low,Close,Adj Close,Volume (it has: Day, Price).",
    );
    expect(() => parseYahooCsv(csv('Date,Open,Volume', '2020-01-01,1,2'))).toThrow(/^No 'Close' column \(nor 'Adj Close'\)/);
    expect(() => parseYahooCsv(csv('Date;Close', '2020-01-01;1'))).toThrow("Line 1: the values are separated by ';'; expected commas");
  });
});
