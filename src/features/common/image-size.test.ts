import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webpHeaders } from '../../testing/image-headers.ts';
import { readImageSize } from './image-size.ts';

function png(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4);
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 0, 0, 0, 0], 16);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, deflateSync(Buffer.alloc(1))]));
}

function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

describe('readImageSize', () => {
  it('reads PNG and JPEG headers', () => {
    expect(readImageSize(png(8000, 7000))).toEqual({ width: 8000, height: 7000 });
    expect(readImageSize(jpeg(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it('reads the three kinds of WebP header, even one that ends right after the size', () => {
    // found by the fuzz test: a 30-byte VP8X header threw a RangeError (a 32-bit read past its end)
    for (const header of webpHeaders(4000, 3000)) expect(readImageSize(header)).toEqual({ width: 4000, height: 3000 });
    expect(webpHeaders(4000, 3000)[2]).toHaveLength(30);
  });

  it('returns null for anything it does not recognise', () => {
    expect(readImageSize(new TextEncoder().encode('hello, this is not an image at all'))).toBeNull();
    expect(readImageSize(new Uint8Array(0))).toBeNull();
  });
});
