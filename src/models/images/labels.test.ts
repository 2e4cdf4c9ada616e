import { describe, expect, it } from 'vitest';
import { labelsFor, parseLabels } from './labels.ts';

describe('parseLabels', () => {
  it('reads a JSON array', () => expect(parseLabels('["cat", "coffee"]')).toEqual(['cat', 'coffee']));
  it('reads an index-keyed JSON object', () => expect(parseLabels('{"1": "coffee", "0": "cat"}')).toEqual(['cat', 'coffee']));
  it('reads one label per line, ignoring blank lines, CRLF and a BOM', () =>
    expect(parseLabels('\uFEFFtabby cat\r\n\r\nespresso\n')).toEqual(['tabby cat', 'espresso']));
  it('explains broken JSON, a wrong JSON shape and an empty file', () => {
    expect(() => parseLabels('["cat",')).toThrow(/not valid JSON/);
    expect(() => parseLabels('[{"name": "cat"}]')).toThrow(/array of strings/);
    expect(() => parseLabels(' \n ')).toThrow(/empty/);
    // found by the fuzz test: an empty JSON list or object passed as a file of no labels
    expect(() => parseLabels('[]')).toThrow(/lists no labels/);
    expect(() => parseLabels('\uFEFF{ }')).toThrow(/lists no labels/);
    // and keys that leave a hole: '01' beside '1', or one too big to be an index
    expect(() => parseLabels('{"01": "cat", "1": "coffee"}')).toThrow(/array of strings/);
    expect(() => parseLabels(`{"${'9'.repeat(400)}": "cat", "1": "coffee"}`)).toThrow(/array of strings/);
  });
});

describe('labelsFor', () => {
  it('names classes without a label', () => expect(labelsFor(3, ['cat'])).toEqual(['cat', 'class 1', 'class 2']));
});
