/** Connected components (8-neighbourhood) of a binary mask, with what the ink finder needs of each. */

export interface Component {
  label: number; // 1-based, as in the label image
  area: number;
  x0: number;
  y0: number;
  x1: number; // exclusive
  y1: number;
  touchesBorder: boolean;
}

export interface Labelled {
  labels: Int32Array; // 0 = background
  components: Component[];
}

/** Labels every 8-connected group of set pixels with one flood fill each (an explicit stack: no recursion). */
export function connectedComponents(mask: Uint8Array, width: number, height: number): Labelled {
  const labels = new Int32Array(width * height);
  const components: Component[] = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = components.length + 1;
    const c: Component = { label, area: 0, x0: width, y0: height, x1: 0, y1: 0, touchesBorder: false };
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const i = stack[--top];
      const x = i % width;
      const y = (i - x) / width;
      c.area++;
      if (x < c.x0) c.x0 = x;
      if (y < c.y0) c.y0 = y;
      if (x + 1 > c.x1) c.x1 = x + 1;
      if (y + 1 > c.y1) c.y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (mask[j] && !labels[j]) {
            labels[j] = label;
            stack[top++] = j;
          }
        }
      }
    }
    c.touchesBorder = c.x0 === 0 || c.y0 === 0 || c.x1 === width || c.y1 === height;
    components.push(c);
  }
  return { labels, components };
}
