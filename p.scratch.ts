import { readFileSync } from 'node:fs';
import { parseYahooCsv } from './src/models/forecast/parse-yahoo-csv.ts';
const t = readFileSync('/tmp/slow2.txt', 'utf8');
const lines = t.split('\n');
const cell = lines[2].split(',')[4];
console.log(cell.length, JSON.stringify(cell.slice(-30)), /^\d+$/.test(cell.slice(0,-11)));
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
for (const n of [10000, 20000, 40000]) { const c = cell.slice(cell.length - n); const s = performance.now(); const ok = NUMBER.test(c); console.log('regex', n, ok, performance.now() - s); }
