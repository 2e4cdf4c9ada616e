/** The training loss so far, one point per epoch, as a small SVG line. */
export function LossCurve({ losses, epochs }: { losses: readonly number[]; epochs: number }) {
  const width = 240;
  const height = 60;
  const finite = losses.filter(Number.isFinite);
  if (finite.length < 2) return <svg className="loss-curve" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" />;
  const [low, high] = [Math.min(...finite), Math.max(...finite)];
  const span = high - low || 1;
  const points = losses
    .map((loss, i) =>
      Number.isFinite(loss)
        ? `${((width * i) / Math.max(1, epochs - 1)).toFixed(1)},${(2 + (height - 4) * (1 - (loss - low) / span)).toFixed(1)}`
        : null,
    )
    .filter((p) => p !== null)
    .join(' ');
  return (
    <svg
      className="loss-curve"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={
        `Training loss over ${losses.length} epochs, from ` + `${losses[0].toPrecision(3)} to ${losses[losses.length - 1].toPrecision(3)}`
      }
    >
      <polyline points={points} />
    </svg>
  );
}
