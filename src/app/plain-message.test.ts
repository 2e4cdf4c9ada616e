import { afterEach, describe, expect, it, vi } from 'vitest';
import { looksInternal, plainMessage } from './plain-message.ts';

describe('plainMessage', () => {
  const fallback = 'This picture could not be classified. Try again.';
  afterEach(() => vi.restoreAllMocks());
  const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => {});

  it('passes messages written for people through untouched', () => {
    for (const message of [
      'notes.txt is not a picture (PNG, JPEG, GIF, WebP or BMP).',
      'Could not download /models/digits/meta.json: the server answered 404 Not Found.',
      'Epochs must be a whole number from 1 to 2000; got 0.',
      'Unknown layer: Lambda. Remove it before converting.',
    ]) {
      expect(plainMessage(new Error(message), fallback)).toBe(message);
    }
  });

  it('replaces what tfjs and JavaScript say to programmers, and keeps the detail in the console', () => {
    const console = quiet();
    for (const message of [
      "Backend 'wasm' has not yet been initialized. Make sure to await tf.ready() or await tf.setBackend() before calling other methods",
      "Cannot read properties of undefined (reading 'shape')",
      'TypeError: x is not a function',
      '',
      'Error: boom\n    at classify (http://localhost/assets/index.js:1:2)',
      'value was [object Object]',
    ]) {
      expect(plainMessage(new Error(message), fallback)).toBe(fallback);
    }
    expect(console).toHaveBeenCalledTimes(6);
  });

  it('names causes a person can act on, whatever the wording', () => {
    quiet();
    expect(plainMessage(new Error('RangeError: Array buffer allocation failed'), fallback)).toMatch(/ran out of memory/);
    expect(plainMessage(new TypeError('Failed to fetch'), fallback)).toMatch(/Check your connection/);
    expect(plainMessage(new Error('DOMException: QuotaExceededError'), fallback)).toMatch(/storage/);
  });

  it("treats JavaScript's own errors and the worker's unlabelled ones as internal, even in plain words", () => {
    quiet();
    expect(plainMessage(new RangeError('Invalid array length'), fallback)).toBe(fallback);
    expect(plainMessage(Object.assign(new Error('Tensor is disposed'), { kind: 'internal' }), fallback)).toBe(fallback);
    expect(plainMessage(Object.assign(new Error('Tensor is disposed'), { kind: 'format' }), fallback)).toBe('Tensor is disposed');
  });

  it('reads strings and ignores non-errors', () => {
    quiet();
    expect(plainMessage('Plain words.', fallback)).toBe('Plain words.');
    expect(plainMessage({ weird: true }, fallback)).toBe(fallback);
    expect(plainMessage(undefined, fallback)).toBe(fallback);
  });

  it('knows an internal message when it sees one', () => {
    expect(looksInternal('AssertionError')).toBe(true);
    expect(looksInternal('The download was cancelled.')).toBe(false);
  });
});
