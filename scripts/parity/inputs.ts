/**
 * The inputs the parity golden answers and the parity matrix share, all made here: the ten e2e
 * digit strokes rasterized, eight generated photos, three prompts, a synthetic price series.
 * Deterministic, so Node and the browser test see the same bytes.
 */

import { DIGIT_STROKES, densify } from '../../e2e/fixtures/digit-strokes.ts';
import { priceSeries } from '../../e2e/fixtures/prices.ts';
import { seededRandom } from '../../src/models/common/random.ts';
import type { RgbaImage } from '../../src/models/digits/normalize.ts';
import type { PixelSource } from '../../src/models/images/pixels.ts';

/** As the app's canvas: 280 px square, white, black ink 7.5 % of the width, strokes in the middle 80 %. */
const CANVAS = 280;
const PEN_RADIUS = (0.075 * CANVAS) / 2;

function distanceToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * One digit's strokes drawn as a round pen would, with a one-pixel anti-aliased edge. The mouse
 * drawing in the e2e tests goes through the browser's canvas instead; this is its exact, portable twin.
 */
export function digitDrawing(digit: number): RgbaImage {
  const toCanvas = ([u, v]: [number, number]): [number, number] => [CANVAS * (0.1 + 0.8 * u), CANVAS * (0.1 + 0.8 * v)];
  const segments: Array<[[number, number], [number, number]]> = [];
  for (const stroke of DIGIT_STROKES[digit]) {
    const points = densify(stroke, 0.03).map(toCanvas);
    for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
  }
  const data = new Uint8ClampedArray(CANVAS * CANVAS * 4);
  for (let y = 0; y < CANVAS; y++) {
    for (let x = 0; x < CANVAS; x++) {
      let nearest = Infinity;
      for (const [a, b] of segments) nearest = Math.min(nearest, distanceToSegment(x + 0.5, y + 0.5, a, b));
      const ink = Math.max(0, Math.min(1, PEN_RADIUS + 0.5 - nearest));
      const i = (y * CANVAS + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = Math.round(255 * (1 - ink));
      data[i + 3] = 255;
    }
  }
  return { data, width: CANVAS, height: CANVAS };
}

export const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Photo-like RGBA pictures of several sizes (so resizing is exercised): a gradient, discs, noise. */
export function photo(index: number): PixelSource {
  const random = seededRandom(1000 + index);
  const width = 48 + 40 * (index % 4);
  const height = 40 + 24 * ((index >> 1) % 3);
  const warm = index % 2 === 0;
  const discs = Array.from({ length: 3 + (index % 3) }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.1 + 0.3 * random()) * Math.min(width, height),
    colour: [random() * 255, random() * 255, random() * 255],
  }));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      let colour = warm ? [100 + 110 * t, 70 + 60 * t, 30 + 40 * t] : [40 + 50 * t, 80 + 70 * t, 130 + 100 * t];
      for (const d of discs) if ((x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2) colour = d.colour;
      const i = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) data[i + k] = Math.max(0, Math.min(255, Math.round(colour[k] + (random() - 0.5) * 24)));
      data[i + 3] = 255;
    }
  }
  return { data, width, height, channels: 4 };
}

export const PHOTOS = [0, 1, 2, 3, 4, 5, 6, 7];

/** Written for these tests, in the style of a patent abstract. */
export const PROMPTS = [
  'A method for cooling a battery pack in an electric vehicle comprising a plurality of cells and a heat exchanger',
  'The present invention relates to a wireless communication device that transmits data packets to a base station',
  'A system and method for detecting defects in semiconductor wafers using an optical inspection apparatus',
];

export const GREEDY_STEPS = 30;
export const TOP_K = 5;

/** 30 weeks of a seeded random walk (never real prices), ending on a Sunday. */
export const forecastPrices = () => priceSeries({ start: '2021-03-01', days: 7 * 30, seed: 18, firstClose: 40_000 }).rows;

export const RETRAIN_EPOCHS = 20;
