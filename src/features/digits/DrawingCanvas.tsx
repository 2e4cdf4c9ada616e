/**
 * The drawing surface: pointer events (mouse, touch, pen), coalesced points and quadratic
 * curves for smooth strokes, a backing store scaled by devicePixelRatio so lines stay sharp.
 * Dark ink on white, like a pen on paper; normalization turns it into MNIST's white on black.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { RgbaImage } from '../../models/digits/normalize.ts';

export interface DrawingCanvasHandle {
  clear(): void;
  pixels(): RgbaImage;
  showPicture(image: RgbaImage): void;
}

const CSS_SIZE = 280;
/** Stroke width as a fraction of the canvas: about MNIST's stroke for a digit drawn at full height. */
const STROKE = 0.075;

export const DrawingCanvas = forwardRef<DrawingCanvasHandle, { onStroke: () => void; onStrokeEnd: () => void }>(function DrawingCanvas(
  { onStroke, onStrokeEnd },
  ref,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number; mx: number; my: number } | null>(null);
  const callbacks = useRef({ onStroke, onStrokeEnd });
  callbacks.current = { onStroke, onStrokeEnd };

  const context = () => canvasRef.current!.getContext('2d', { willReadFrequently: true })!;
  const clear = () => {
    const canvas = canvasRef.current!;
    const ctx = context();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: sized and cleared once, when the canvas mounts
  useEffect(() => {
    const canvas = canvasRef.current!;
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    canvas.width = Math.round(CSS_SIZE * dpr);
    canvas.height = Math.round(CSS_SIZE * dpr);
    clear();
  }, []);

  useImperativeHandle(ref, () => ({
    clear,
    pixels() {
      const canvas = canvasRef.current!;
      const { data } = context().getImageData(0, 0, canvas.width, canvas.height);
      return { data, width: canvas.width, height: canvas.height };
    },
    showPicture(image) {
      const canvas = canvasRef.current!;
      clear();
      const scale = Math.min(canvas.width / image.width, canvas.height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      const source = new OffscreenCanvas(image.width, image.height);
      source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
      context().drawImage(source, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
    },
  }));

  const point = (e: PointerEvent) => {
    const canvas = canvasRef.current!;
    const rect = canvas.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * canvas.width, y: ((e.clientY - rect.top) / rect.height) * canvas.height };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e.nativeEvent);
    last.current = { ...p, mx: p.x, my: p.y };
    const ctx = context();
    const width = STROKE * canvasRef.current!.width;
    ctx.fillStyle = '#000';
    ctx.beginPath();
    ctx.arc(p.x, p.y, width / 2, 0, Math.PI * 2);
    ctx.fill();
    callbacks.current.onStroke();
  };

  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const ctx = context();
    ctx.strokeStyle = '#000';
    ctx.lineWidth = STROKE * canvasRef.current!.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const p = point(ev);
      const prev: { x: number; y: number; mx: number; my: number } = last.current;
      const mx = (prev.x + p.x) / 2;
      const my = (prev.y + p.y) / 2;
      // Curve from the previous midpoint to this midpoint, bending through the previous point.
      ctx.beginPath();
      ctx.moveTo(prev.mx, prev.my);
      ctx.quadraticCurveTo(prev.x, prev.y, mx, my);
      ctx.stroke();
      last.current = { ...p, mx, my };
    }
    callbacks.current.onStroke();
  };

  const onPointerUp = () => {
    if (!last.current) return;
    const ctx = context();
    const { x, y, mx, my } = last.current;
    ctx.beginPath();
    ctx.moveTo(mx, my);
    ctx.lineTo(x, y);
    ctx.stroke();
    last.current = null;
    callbacks.current.onStrokeEnd();
  };

  return (
    <canvas
      ref={canvasRef}
      className="digit-canvas"
      data-testid="digit-canvas"
      style={{ width: CSS_SIZE, height: CSS_SIZE }}
      aria-label="Drawing area: draw one digit with the mouse, a finger or a pen"
      role="img"
      aria-describedby="digit-canvas-help"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
});
