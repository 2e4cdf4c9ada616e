/**
 * Finds the ink of one digit in a photo of paper: flattened lighting, a threshold chosen for the
 * picture, then connected components, keeping the group of strokes nearest the centre and
 * dropping what touches the border (table, paper edge, corner shadow), specks (dust, noise) and
 * long thin lines (ruled or squared paper). Returns the ink's grey levels, not a hard mask: the
 * network was trained on soft strokes.
 */
import { type Component, connectedComponents } from './components.ts';
import { flattenLighting } from './lighting.ts';
import { openGrey } from './morphology.ts';
import { otsuThreshold } from './otsu.ts';

/** Photos are searched at most this large: a 20-px digit needs no more, and a 12-MP photo would be slow. */
export const WORK_SIDE = 640;
/** Darkness below this is paper texture and JPEG noise, whatever the threshold says. */
const NOISE_FLOOR = 0.08;
const MIN_THRESHOLD = 0.15;
/** The found strokes' typical darkness must reach this, or there is no digit: a pen is 0.6 or more, the lines of ruled paper about 0.3. */
const MIN_INK = 0.42;
/** A kept component this close to the group (as a fraction of the group's size) is part of the digit (the bar of a 5). */
const JOIN_GAP = 0.25;
/** …and at least this share of the first stroke's area. */
const JOIN_AREA = 0.05;

export interface Box {
  x0: number;
  y0: number;
  x1: number; // exclusive
  y1: number;
}

export interface FoundInk {
  ink: Float32Array; // width × height, 0 = paper, up to 1 = full ink
  width: number;
  height: number;
  box: Box; // the digit, in these coordinates
}

/** Area-averaged reduction of a grey image so that its longer side is at most WORK_SIDE. */
export function reduceGray(gray: Float32Array, width: number, height: number): { gray: Float32Array; width: number; height: number } {
  const scale = Math.min(1, WORK_SIDE / Math.max(width, height));
  if (scale === 1) return { gray, width, height };
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const out = new Float32Array(w * h);
  const sx = width / w,
    sy = height / h;
  for (let oy = 0; oy < h; oy++) {
    const top = oy * sy,
      bottom = top + sy;
    for (let ox = 0; ox < w; ox++) {
      const left = ox * sx,
        right = left + sx;
      let sum = 0;
      for (let y = Math.floor(top); y < Math.min(height, Math.ceil(bottom)); y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        for (let x = Math.floor(left); x < Math.min(width, Math.ceil(right)); x++) {
          sum += gray[y * width + x] * wy * (Math.min(right, x + 1) - Math.max(left, x));
        }
      }
      out[oy * w + ox] = sum / (sx * sy);
    }
  }
  return { gray: out, width: w, height: h };
}

/** A line of ruled or squared paper: spans half the picture or more, and is far longer than it is thick. */
function isPaperLine(c: Component, width: number, height: number): boolean {
  const w = c.x1 - c.x0,
    h = c.y1 - c.y0;
  const length = Math.max(w, h);
  const thickness = c.area / length;
  return length >= 0.5 * (w >= h ? width : height) && length / thickness >= 40;
}

function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const dy = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
  return Math.hypot(dx, dy);
}

/** The kept components' group nearest the centre, or null when nothing looks like a digit. */
function digitGroup(components: Component[], width: number, height: number): Component[] | null {
  const candidates = components.filter((c) => !c.touchesBorder && !isPaperLine(c, width, height));
  if (!candidates.length) return null;
  const largest = Math.max(...candidates.map((c) => c.area));
  const speck = Math.max(largest * 0.03, width * height * 5e-5);
  const kept = candidates.filter((c) => c.area >= speck);
  if (!kept.length) return null;
  const significant = kept.filter((c) => c.area >= largest * 0.25);
  const centre = { x0: width / 2, y0: height / 2, x1: width / 2, y1: height / 2 };
  const seed = significant.reduce((best, c) => (gap(c, centre) < gap(best, centre) ? c : best));

  const group = [seed];
  const box: Box = { x0: seed.x0, y0: seed.y0, x1: seed.x1, y1: seed.y1 };
  // Measured against the first stroke, not the growing group: a chain of small marks (the edge of a
  // shadow) must not walk the group across the sheet.
  const reach = JOIN_GAP * Math.max(seed.x1 - seed.x0, seed.y1 - seed.y0);
  const part = JOIN_AREA * seed.area;
  for (let grown = true; grown; ) {
    grown = false;
    for (const c of kept) {
      if (group.includes(c) || c.area < part || gap(c, box) > reach) continue;
      group.push(c);
      box.x0 = Math.min(box.x0, c.x0);
      box.y0 = Math.min(box.y0, c.y0);
      box.x1 = Math.max(box.x1, c.x1);
      box.y1 = Math.max(box.y1, c.y1);
      grown = true;
    }
  }
  // A few pixels across is dust or noise, not a digit someone photographed.
  if (Math.max(box.x1 - box.x0, box.y1 - box.y0) < 0.04 * Math.min(width, height)) return null;
  return group;
}

export function findInk(grayFull: Float32Array, fullWidth: number, fullHeight: number): FoundInk | null {
  const { gray, width, height } = reduceGray(grayFull, fullWidth, fullHeight);
  const dark = flattenLighting(gray, width, height);
  // The level is chosen on the thick marks only: the lines of ruled or squared paper (a pixel or two
  // wide, often more of them than ink) would otherwise pull it between paper and line.
  const threshold = Math.max(MIN_THRESHOLD, otsuThreshold(openGrey(dark, width, height, 1), NOISE_FLOOR));
  const mask = new Uint8Array(dark.length);
  for (let i = 0; i < dark.length; i++) mask[i] = dark[i] > threshold ? 1 : 0;

  const { labels, components } = connectedComponents(mask, width, height);
  const group = digitGroup(components, width, height);
  if (!group) return null;

  const chosen = new Set(group.map((c) => c.label));
  const box: Box = { x0: width, y0: height, x1: 0, y1: 0 };
  const strong: number[] = [];
  for (const c of group) {
    box.x0 = Math.min(box.x0, c.x0);
    box.y0 = Math.min(box.y0, c.y0);
    box.x1 = Math.max(box.x1, c.x1);
    box.y1 = Math.max(box.y1, c.y1);
  }
  // The chosen strokes widened by one pixel, so their soft edges (below the threshold) come along.
  const ink = new Float32Array(dark.length);
  for (let y = Math.max(0, box.y0 - 1); y < Math.min(height, box.y1 + 1); y++) {
    for (let x = Math.max(0, box.x0 - 1); x < Math.min(width, box.x1 + 1); x++) {
      const i = y * width + x;
      if (chosen.has(labels[i])) strong.push(dark[i]);
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const yy = y + dy,
            xx = x + dx;
          near = yy >= 0 && yy < height && xx >= 0 && xx < width && chosen.has(labels[yy * width + xx]);
        }
      }
      if (near) ink[i] = dark[i];
    }
  }
  // Full ink is the strokes' typical darkness, not their darkest pixel: a pen is not equally dark everywhere.
  strong.sort((a, b) => a - b);
  const full = strong[Math.floor(strong.length * 0.75)] || 1;
  // Marks this faint are paper grain, JPEG noise or a shadow's edge: a pen is far darker than its paper.
  if (full < MIN_INK) return null;
  for (let i = 0; i < ink.length; i++) ink[i] = Math.min(1, ink[i] / full);
  return {
    ink,
    width,
    height,
    box: { x0: Math.max(0, box.x0 - 1), y0: Math.max(0, box.y0 - 1), x1: Math.min(width, box.x1 + 1), y1: Math.min(height, box.y1 + 1) },
  };
}
