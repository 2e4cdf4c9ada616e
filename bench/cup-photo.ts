/**
 * The benchmark's stand-in photo, drawn in a page (Node has no canvas or JPEG encoder here): a
 * brown-to-cream gradient, a white cup seen from above, and optionally coloured spots that give a
 * JPEG encoder real detail to work on, as a phone photo has.
 */
import type { Page } from '@playwright/test';

export interface CupPhoto {
  width: number;
  height: number;
  /** Coloured discs strewn over it (0: none). */
  spots: number;
  /** 'pixels': its RGBA pixels go to window.__benchParams as a classifyImage input; 'jpeg': its JPEG (quality 0.9) comes back. */
  as: 'pixels' | 'jpeg';
}

/** Draws the photo in `page`; resolves to the JPEG's bytes, or to null when the pixels stayed in the page. */
export async function drawCupPhoto(page: Page, photo: CupPhoto): Promise<Buffer | null> {
  // No named functions in here: the page has no __name helper for them (see bench/run.ts).
  const base64 = await page.evaluate(async ({ width, height, spots, as }) => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#6b4226');
    gradient.addColorStop(1, '#f3e5d0');
    g.fillStyle = gradient;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#fff';
    g.beginPath();
    g.arc(width / 2, height / 2, Math.min(width, height) * 0.3125, 0, 2 * Math.PI);
    g.fill();
    for (let i = 0; i < spots; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 50% ${30 + (i % 40)}%)`;
      g.beginPath();
      g.arc((i * 1013) % width, (i * 577) % height, 20 + (i % 120), 0, 2 * Math.PI);
      g.fill();
    }
    if (as === 'pixels') {
      const d = g.getImageData(0, 0, width, height);
      (window as any).__benchParams = { image: { data: d.data, width, height, channels: 4 } };
      return null;
    }
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, photo);
  return base64 === null ? null : Buffer.from(base64, 'base64');
}
