/**
 * The box around the ink found in an uploaded picture, drawn over the picture on the canvas (not
 * into it: the canvas's pixels are what a drawing over the picture is read from).
 */
import type { InkBox } from '../../models/digits/normalize-picture.ts';

export function InkBoxOverlay({ picture, box }: { picture: { width: number; height: number }; box: InkBox }) {
  // The canvas shows the picture whole and centred (DrawingCanvas.showPicture); in percent of the canvas:
  const scale = Math.min(1 / picture.width, 1 / picture.height);
  const w = picture.width * scale,
    h = picture.height * scale;
  const style = {
    left: `${((1 - w) / 2 + box.x * w) * 100}%`,
    top: `${((1 - h) / 2 + box.y * h) * 100}%`,
    width: `${box.width * w * 100}%`,
    height: `${box.height * h * 100}%`,
  };
  return <div className="ink-box" data-testid="digit-ink-box" style={style} aria-label="Where the digit was found" role="img" />;
}
