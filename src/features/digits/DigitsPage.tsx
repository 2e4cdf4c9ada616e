/**
 * Digits: draw (or drop a picture of) a digit, see what the CNN reads, live, plus the JSON the
 * seed's `POST /recognize.json` API answered, computed on this device.
 */
import { type ChangeEvent, useCallback, useMemo, useRef, useState } from 'react';
import { isModelUnavailable, useInference, usePageSignal, useTaskModel } from '../../app/inference.tsx';
import { ModelStatus } from '../../app/ModelStatus.tsx';
import { plainMessage } from '../../app/plain-message.ts';
import type { RgbaImage } from '../../models/digits/normalize.ts';
import type { InkBox } from '../../models/digits/normalize-picture.ts';
import { type DigitResult, digitJson } from '../../models/digits/result.ts';
import { CopyableJson } from '../common/CopyableJson.tsx';
import { latestOnly } from '../common/latest-only.ts';
import { readDigitPicture } from '../common/picture-client.ts';
import { useFileDrop } from '../common/use-file-drop.ts';
import { useResendWhenReady } from '../common/use-resend-when-ready.ts';
import { DrawingCanvas, type DrawingCanvasHandle } from './DrawingCanvas.tsx';
import { InkBoxOverlay } from './InkBoxOverlay.tsx';
import { NetworkInput } from './NetworkInput.tsx';
import { Probabilities } from './Probabilities.tsx';

/** Uploaded pictures are scaled down to this before normalization (a 20-px digit needs no more). */
const UPLOAD_SIDE = 560;

interface Recognition {
  result: DigitResult;
  input: Float32Array;
  ms: number;
  box?: InkBox;
}

type Source = 'drawing' | 'picture';

const NO_DIGIT = 'No single digit found: fill the frame with one digit on plain paper.';

export function DigitsPage() {
  const { client } = useInference();
  const { state, retry, cancel } = useTaskModel('digits');
  const canvas = useRef<DrawingCanvasHandle>(null);
  const [recognition, setRecognition] = useState<Recognition | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The picture on the canvas (for its size) and whether the last one held no single digit.
  const [picture, setPicture] = useState<{ width: number; height: number } | null>(null);
  const [noDigit, setNoDigit] = useState(false);
  const generation = useRef(0);
  const pageSignal = usePageSignal();
  // The canvas keeps what was drawn or dropped before the model could be downloaded; read it once it is.
  const kept = useResendWhenReady<'canvas', null>(state.status === 'ready', () => recognizeCanvas());

  const recognize = useMemo(
    () =>
      latestOnly(async ({ image, gen, source }: { image: RgbaImage; gen: number; source: Source }) => {
        try {
          const answer = await client.call('recognizeDigit', { image, source }, { transfer: [image.data.buffer], signal: pageSignal() });
          if (gen !== generation.current) return;
          setRecognition(answer);
          setNoDigit(source === 'picture' && !answer);
        } catch (err) {
          if (gen !== generation.current) return;
          if (isModelUnavailable(err)) kept.keep('canvas', null);
          else setMessage(plainMessage(err, 'This digit could not be read. Draw it again; if that fails too, reload the page.'));
        }
      }),
    [client, pageSignal, kept.keep],
  );

  const recognizeCanvas = useCallback(() => {
    if (!canvas.current) return;
    setMessage(null);
    recognize({ image: canvas.current.pixels(), gen: generation.current, source: 'drawing' });
  }, [recognize]);

  // While drawing: at most one prediction per animation frame, and never more than one in flight.
  const frame = useRef(0);
  const onStroke = useCallback(() => {
    setPicture(null); // drawing over a picture: the canvas is a drawing now, its ink box is gone
    setNoDigit(false);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      recognizeCanvas();
    });
  }, [recognizeCanvas]);

  const clear = () => {
    generation.current++;
    canvas.current?.clear();
    setRecognition(null);
    setMessage(null);
    setPicture(null);
    setNoDigit(false);
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    generation.current++;
    setMessage(null);
    try {
      const image = await readDigitPicture(file, UPLOAD_SIDE);
      canvas.current?.showPicture(image);
      setPicture({ width: image.width, height: image.height });
      setRecognition(null);
      setNoDigit(false);
      recognize({ image, gen: generation.current, source: 'picture' });
    } catch (err) {
      setMessage(plainMessage(err, 'This picture could not be read. Try another one, or draw the digit.'));
    }
  };

  const { dragging, dropHandlers } = useFileDrop((files) => void upload(files[0]));
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    void upload(e.target.files?.[0]);
    e.target.value = ''; // picking the same file again still triggers a change
  };

  const ready = state.status === 'ready';
  const result = recognition?.result ?? null;
  return (
    <section className="page digits">
      <header className="page-head">
        <h1>Digits</h1>
        <p>Draw a digit from 0 to 9. A small convolutional network, trained on MNIST, reads it as you draw.</p>
      </header>
      <ModelStatus state={state} retry={retry} cancel={cancel} what="digit model" />
      <div className="digits-layout">
        <div className={`canvas-column${dragging ? ' dragging' : ''}`} {...dropHandlers}>
          <div className="canvas-frame">
            <DrawingCanvas ref={canvas} onStroke={onStroke} onStrokeEnd={recognizeCanvas} />
            {picture && recognition?.box && <InkBoxOverlay picture={picture} box={recognition.box} />}
          </div>
          <div className="row">
            <button type="button" data-testid="digit-clear" onClick={clear}>
              Clear
            </button>
            <label className="button">
              Recognize a picture…
              <input type="file" accept="image/*" data-testid="digit-upload" onChange={onFile} className="visually-hidden" />
            </label>
            {/* Shown only where the pointer is a finger (phones, tablets): there `capture` opens the camera. */}
            <label className="button camera-only">
              Take a photo
              <input type="file" accept="image/*" capture="environment" data-testid="digit-camera" onChange={onFile} hidden />
            </label>
          </div>
          <p className="muted small" id="digit-canvas-help">
            Or drop a picture of a digit on the canvas: dark on light or light on dark, any size. Without a mouse, finger or pen, the
            “Recognize a picture…” button reads one from a file.
          </p>
        </div>
        <div className="result-column" aria-live="polite">
          {message && (
            <p className="notice" role="alert">
              {message}
            </p>
          )}
          {noDigit && (
            <p className="notice" role="status" data-testid="digit-no-digit">
              {NO_DIGIT}
            </p>
          )}
          {result ? (
            <div className="prediction">
              <span className="muted">The network reads</span>
              <output data-testid="digit-prediction" className="big-digit">
                {result.digit}
              </output>
              <span className="muted">
                {(result.confidence * 100).toFixed(1)}% sure · {recognition!.ms.toFixed(1)} ms
              </span>
            </div>
          ) : (
            <p className="hint">
              {ready
                ? 'Draw a digit in the box to see what the network reads.'
                : 'The model is loading… what you draw now is read as soon as it is ready.'}
            </p>
          )}
          <div className="seen">
            <NetworkInput input={recognition?.input ?? null} />
            <span className="muted small">what the network sees (28×28)</span>
          </div>
          <Probabilities probabilities={result?.probabilities ?? null} winner={result?.digit ?? null} />
          {result && <CopyableJson json={digitJson(result)} testId="digit-json" label="POST /recognize.json, answered on your device" />}
        </div>
      </div>
    </section>
  );
}
