/**
 * Generators of bad input for the fuzz tests: mutations of a VALID text, byte string or JSON file
 * (cut short, bytes flipped or inserted, BOM and CRLF, huge numbers, empty fields, wrong JSON types,
 * deep nesting, very long strings), the kinds of damage real files and links suffer. Mutating valid
 * files reaches the parsers' deep branches, which arbitrary noise rarely gets past the first check.
 */
import fc from 'fast-check';

/** Values that parsers of numbers, dates, keys and URLs often mishandle. */
export const TRICKY_TEXT = [
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1e308',
  '-1e308',
  '1e309',
  '5e-324',
  '9007199254740993',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0x1F',
  '1,000',
  '１２',
  '1.2.3',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '"',
  "'",
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\\',
  '%',
  '%E0%A4%A',
  '%00',
  '&',
  '=',
  '?',
  '#',
  '+',
  '__proto__',
  'constructor',
  'toString',
  '<svg>',
  '€',
  '🙂',
  'é',
  '\u202E',
] as const;

/** Any UTF-16 code unit, lone surrogates included (what a misdecoded file can hold). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const shortNoise = fc.oneof(
  fc.constantFrom(...TRICKY_TEXT),
  fc.string({ unit: codeUnit, maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** A very long run (up to 100,000 characters): linear parsers shrug, quadratic ones hang. */
const longRun = fc
  .tuple(fc.constantFrom('a', '9', ' ', ',', '"', '[', '{', '\n', 'é'), fc.integer({ min: 1000, max: 100_000 }))
  .map(([c, n]) => c.repeat(n));

type TextOp =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replaceToken'; at: number; text: string }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'bom' | 'crlf' | 'cr' | 'trimEnd' };

const at = fc.nat();
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: shortNoise }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replaceToken' as const), at, text: shortNoise }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: longRun }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      at,
      length: fc.integer({ min: 1, max: 80 }),
      times: fc.integer({ min: 2, max: 1000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('bom' as const, 'crlf' as const, 'cr' as const, 'trimEnd' as const) }) },
);

/** Separators between tokens in CSV, JSON and query strings: a token is what lies between them. */
const SEPARATOR = /[\s,;:"'[\]{}=&?#]/;

function applyTextOp(text: string, op: TextOp): string {
  if (!('at' in op)) {
    if (op.kind === 'bom') return `\uFEFF${text}`;
    if (op.kind === 'crlf') return text.replace(/\r?\n/g, '\r\n');
    if (op.kind === 'cr') return text.replace(/\r?\n/g, '\r');
    return text.trimEnd();
  }
  const i = op.at % (text.length + 1);
  switch (op.kind) {
    case 'truncate':
      return text.slice(0, i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + op.length);
    case 'insert':
      return text.slice(0, i) + op.text + text.slice(i);
    case 'repeat':
      return text.slice(0, i) + text.slice(i, i + op.length).repeat(op.times) + text.slice(i + op.length);
    case 'replaceToken': {
      let start = i;
      let end = i;
      while (start > 0 && !SEPARATOR.test(text[start - 1])) start--;
      while (end < text.length && !SEPARATOR.test(text[end])) end++;
      return text.slice(0, start) + op.text + text.slice(end);
    }
  }
}

const textOps = (max: number) => fc.array(textOp, { minLength: 1, maxLength: max });

/** A valid text (one of `valid`) damaged by one to four edits. */
export function mutatedText(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...valid), textOps(4)).map(([text, ops]) => ops.reduce(applyTextOp, text));
}

/** Any text at all, lone surrogates and control characters included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...TRICKY_TEXT), maxLength: 30 }),
);

type ByteOp =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'extreme'; at: number; bytes: readonly number[] };

const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), at, value: fc.integer({ min: 0, max: 255 }) }) },
  // Sizes and lengths in headers set to 0 or to their largest value.
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('extreme' as const),
      at,
      bytes: fc.constantFrom([0, 0], [0xff, 0xff], [0, 0, 0, 0], [0xff, 0xff, 0xff, 0xff], [0x7f, 0xff, 0xff, 0xff]),
    }),
  },
);

function applyByteOp(bytes: Uint8Array, op: ByteOp): Uint8Array {
  const i = op.at % (bytes.length + 1);
  const copy = () => Uint8Array.from(bytes);
  switch (op.kind) {
    case 'truncate':
      return bytes.slice(0, i);
    case 'delete':
      return Uint8Array.from([...bytes.subarray(0, i), ...bytes.subarray(i + op.length)]);
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, i), ...op.bytes, ...bytes.subarray(i)]);
    case 'flip': {
      if (i >= bytes.length) return bytes;
      const out = copy();
      out[i] ^= 1 << op.bit;
      return out;
    }
    case 'set': {
      if (i >= bytes.length) return bytes;
      const out = copy();
      out[i] = op.value;
      return out;
    }
    case 'extreme': {
      const out = copy();
      op.bytes.forEach((b, k) => {
        if (i + k < out.length) out[i + k] = b;
      });
      return out;
    }
  }
}

/** A valid file's bytes (one of `valid`) damaged by one to four edits. */
export function mutatedBytes(valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...valid), fc.array(byteOp, { minLength: 1, maxLength: 4 }))
    .map(([bytes, ops]) => ops.reduce(applyByteOp, bytes));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Text that JSON.stringify cannot write, put in place of a marker string after stringifying:
 * nesting deeper than any recursive walk survives, and the NaN / Infinity / -0 that Python's json writes.
 */
const RAW_TEXT = [
  '['.repeat(10_000) + ']'.repeat(10_000),
  `${'{"a":'.repeat(10_000)}0${'}'.repeat(10_000)}`,
  `${'[{"0":'.repeat(3_000)}null${'}]'.repeat(3_000)}`,
  '-0',
  '1e999',
  'NaN',
  'Infinity',
  '-Infinity',
] as const;
const VALID_RAW_COUNT = 4; // the first four are valid JSON
const rawMarker = (i: number) => `\uE000raw${i}\uE000`;

const weirdValue = (strict: boolean): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.constantFrom<Json>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      5e-324,
      2 ** 53 + 1,
      '',
      ' ',
      [],
      {},
      [null],
      { '': null },
      'null',
      '1e308',
    ),
    fc.integer({ min: 0, max: (strict ? VALID_RAW_COUNT : RAW_TEXT.length) - 1 }).map(rawMarker),
    shortNoise,
    fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  );

type JsonChange =
  | { kind: 'delete' | 'wrap' | 'stringify' | 'empty' }
  | { kind: 'replace'; value: Json }
  | { kind: 'rename'; key: string }
  | { kind: 'duplicate'; times: number };

const jsonChange = (strict: boolean): fc.Arbitrary<JsonChange> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'wrap' as const, 'stringify' as const, 'empty' as const) }),
    },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: weirdValue(strict) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), key: shortNoise }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), times: fc.integer({ min: 1, max: 300 }) }) },
  );

/** The node after changing it, or undefined to remove it from its parent. */
function changeNode(node: Json, change: JsonChange): Json | undefined {
  switch (change.kind) {
    case 'delete':
      return undefined;
    case 'wrap':
      return [node];
    case 'stringify':
      return JSON.stringify(node);
    case 'empty':
      return Array.isArray(node) ? [] : node !== null && typeof node === 'object' ? {} : '';
    case 'replace':
      return change.value;
    case 'rename':
    case 'duplicate':
      return node; // handled by the parent, which owns keys and order
  }
}

/** Applies the change at the node `path` leads to, copying only the containers along the way. */
function changeAt(node: Json, path: readonly number[], change: JsonChange): Json | undefined {
  const isContainer = node !== null && typeof node === 'object';
  const keys = isContainer ? Object.keys(node) : [];
  if (path.length === 0 || keys.length === 0) return changeNode(node, change);
  const key = keys[path[0] % keys.length];
  const child = (node as Record<string, Json>)[key];
  const descend = path.length > 1 && child !== null && typeof child === 'object' && Object.keys(child).length > 0;
  if (Array.isArray(node)) {
    const index = Number(key);
    const out = node.slice();
    if (descend) {
      const changed = changeAt(child, path.slice(1), change);
      if (changed === undefined) out.splice(index, 1);
      else out[index] = changed;
      return out;
    }
    if (change.kind === 'duplicate') out.splice(index, 0, ...Array<Json>(change.times).fill(child));
    else {
      const changed = changeNode(child, change);
      if (changed === undefined) out.splice(index, 1);
      else out[index] = changed;
    }
    return out;
  }
  // No prototype, so that a key renamed to '__proto__' stays a key.
  const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const k of keys) {
    const value = (node as Record<string, Json>)[k];
    if (k !== key) {
      out[k] = value;
      continue;
    }
    const changed = descend ? changeAt(value, path.slice(1), change) : changeNode(value, change);
    if (changed === undefined) continue;
    if (!descend && change.kind === 'rename') out[change.key] = changed;
    else out[k] = changed;
  }
  return out;
}

/** Writes the value, each raw text in place of its marker's first copy (later copies, e.g. from 'duplicate', become null). */
function stringifyWithRaw(value: Json | undefined): string {
  let text = JSON.stringify(value) ?? '';
  RAW_TEXT.forEach((raw, i) => {
    const [before, ...after] = text.split(JSON.stringify(rawMarker(i)));
    if (after.length > 0) text = before + raw + after.join('null');
  });
  return text;
}

export interface JsonMutationOptions {
  /** Only structural changes that keep the text valid JSON (for targets that take a parsed value). */
  strict?: boolean;
}

/**
 * A valid JSON document (one of `valid`, parsed) with one to three nodes changed (removed, replaced
 * by a value of another type or by 10,000-deep nesting, renamed, repeated), then written out; unless
 * `strict`, sometimes also damaged as text (cut short, bytes inserted, BOM, CRLF).
 */
export function mutatedJson(valid: readonly unknown[], options: JsonMutationOptions = {}): fc.Arbitrary<string> {
  const strict = options.strict ?? false;
  const change = fc.record({ path: fc.array(fc.nat(), { maxLength: 12 }), change: jsonChange(strict) });
  const textDamage = strict ? fc.constant([]) : fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: textOps(2) });
  return fc
    .tuple(fc.constantFrom(...(valid as Json[])), fc.array(change, { minLength: 1, maxLength: 3 }), textDamage)
    .map(([json, changes, ops]) => {
      const changed = changes.reduce<Json | undefined>((node, c) => (node === undefined ? node : changeAt(node, c.path, c.change)), json);
      // A removed root is an empty file, which is not JSON: strict mode writes null instead.
      const text = changed === undefined && strict ? 'null' : stringifyWithRaw(changed);
      return ops.reduce(applyTextOp, text);
    });
}

/** Any JSON text, from the library's own generator, deep and wide enough to surprise. */
export const anyJson: fc.Arbitrary<string> = fc.json({ maxDepth: 6 });
