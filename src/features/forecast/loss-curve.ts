/** The training loss so far as a small line: the geometry of a polyline, and the words that describe it. */
export const LOSS_CURVE = { width: 240, height: 60 } as const;

export interface LossCurveShape {
  /** SVG polyline points, one per finite loss, x by epoch across all `epochs` of the run. */
  points: string;
  /** What a screen reader hears instead of the picture. */
  label: string;
}

/** Null until there are two finite losses to draw a line between; a NaN epoch leaves a gap in x, not a point. */
export function lossCurveShape(losses: readonly number[], epochs: number): LossCurveShape | null {
  const { width, height } = LOSS_CURVE;
  const finite = losses.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const low = Math.min(...finite);
  const span = Math.max(...finite) - low || 1;
  const points = losses
    .map((loss, i) =>
      Number.isFinite(loss)
        ? `${((width * i) / Math.max(1, epochs - 1)).toFixed(1)},${(2 + (height - 4) * (1 - (loss - low) / span)).toFixed(1)}`
        : null,
    )
    .filter((p) => p !== null)
    .join(' ');
  const label =
    `Training loss over ${losses.length} epochs, from ` + `${losses[0].toPrecision(3)} to ${losses[losses.length - 1].toPrecision(3)}`;
  return { points, label };
}
