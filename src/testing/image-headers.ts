/**
 * The first bytes of a PNG, GIF, JPEG and each kind of WebP, enough for header sniffing (no pixels):
 * the valid starting points the fuzz tests damage.
 */
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32be = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => u32be(n).reverse();
const u24le = (n: number) => u32le(n).slice(0, 3);
const u16le = (n: number) => [n & 255, n >>> 8];

export function pngHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    ...ascii('PNG\r\n\x1a\n'),
    ...u32be(13),
    ...ascii('IHDR'),
    ...u32be(width),
    ...u32be(height),
    8,
    2,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
}

export function gifHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([...ascii('GIF89a'), ...u16le(width), ...u16le(height), 0xf7, 0, 0]);
}

/** SOI, a JFIF APP0, a quantization table, the frame header, end of image. */
export function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const dqt = [0xff, 0xdb, 0, 67, 0, ...Array<number>(64).fill(1)];
  const sof = [0xff, 0xc2, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...dqt, ...sof, 0xff, 0xd9]);
}

const riff = (chunk: number[]) => [...ascii('RIFF'), ...u32le(4 + chunk.length), ...ascii('WEBP'), ...chunk];

/** Lossy, lossless and extended WebP, each cut shortly after the bytes that hold its size. */
export function webpHeaders(width: number, height: number): Uint8Array[] {
  const vp8 = [...ascii('VP8 '), ...u32le(10), 0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height)];
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const vp8l = [...ascii('VP8L'), ...u32le(10), 0x2f, ...u32le(bits), 0, 0, 0, 0, 0, 0];
  const vp8x = [...ascii('VP8X'), ...u32le(10), 0, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)];
  return [riff(vp8), riff(vp8l), riff(vp8x)].map((b) => Uint8Array.from(b));
}

/** One of each, plus one that sits inside a larger buffer (a view with a byte offset, as slices are). */
export function imageHeaders(): Uint8Array[] {
  const png = pngHeader(640, 480);
  const inside = new Uint8Array(png.length + 7);
  inside.set(png, 5);
  return [png, gifHeader(320, 200), jpegHeader(1024, 768), ...webpHeaders(400, 300), inside.subarray(5, 5 + png.length)];
}
