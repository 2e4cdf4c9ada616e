import { describe, expect, it } from 'vitest';
import { checkImageFile, isTruncatedJpeg } from './check-image-file.ts';

/** A minimal PNG header (signature + IHDR) for the given size: enough for the size check. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

const jpeg = (body: number[], end = true) =>
  Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 10, 0, 10, 3, ...body, ...(end ? [0xff, 0xd9] : [])]);

describe('checkImageFile', () => {
  it('passes a normal PNG and a whole JPEG', () => {
    expect(() => checkImageFile('a.png', 'image/png', pngHeader(640, 480))).not.toThrow();
    expect(() => checkImageFile('a.jpg', 'image/jpeg', jpeg([1, 2, 3]))).not.toThrow();
  });
  it('names each kind of bad input', () => {
    expect(() => checkImageFile('e.png', 'image/png', new Uint8Array(0))).toThrow(/empty \(0 bytes\)/);
    expect(() => checkImageFile('notes.txt', 'text/plain', new TextEncoder().encode('hello'))).toThrow(/not a picture/);
    expect(() =>
      checkImageFile('d.svg', '', new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toThrow(/SVG/);
    expect(() => checkImageFile('cut.jpg', 'image/jpeg', jpeg([1, 2, 3], false))).toThrow(/cut short/);
    expect(() => checkImageFile('huge.png', 'image/png', pngHeader(10000, 5001))).toThrow(
      /10000×5001 pixels \(50 megapixels\); the limit is 50/,
    );
  });
  it('allows exactly 50 megapixels', () => expect(() => checkImageFile('max.png', 'image/png', pngHeader(10000, 5000))).not.toThrow());
  it('accepts data appended after the end-of-image marker', () =>
    expect(isTruncatedJpeg(Uint8Array.from([...jpeg([1]), 0, 0, 0]))).toBe(false));
});
