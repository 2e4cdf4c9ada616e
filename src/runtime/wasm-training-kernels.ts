/**
 * Gradient kernels that @tensorflow/tfjs-backend-wasm 4.22 does not ship, so that
 * conv nets and Embedding layers can be trained on WASM (in Node and in the browser).
 *
 * - Conv2DBackpropFilter: for tap (i, j) the strided slice of the padded input that the tap
 *   touched, reshaped to [N·outH·outW, Cin], meets dy reshaped to [N·outH·outW, Cout]:
 *   dW[i, j] = sliceᵀ·dy. All taps' slices, stored already transposed ([taps·Cin, positions],
 *   im2col), make it a single plain product: the wasm BatchMatMul's transposeA path is ~10×
 *   slower for these long, thin matrices (measured: 115 ms vs 11 ms), and one wide product
 *   beats one thin product per tap (a 5×5 filter over one channel would otherwise be 25
 *   matrix-vector products). The im2col copy is a JS loop over the WASM heap (the stock slice
 *   and concat kernels were slower); the product is XNNPACK's.
 * - BatchMatMul with transposeA/transposeB (wraps the stock kernel): the stock path for
 *   transposed operands is ~10× slower than transposing first and multiplying plainly, and
 *   every Dense layer's gradient asks for it (a 10,000-word softmax layer: 71 s → seconds).
 * - Conv2DBackpropInput (replaces the stock kernel for stride 1): the stock wasm kernel is a
 *   plain loop, ~11× slower than XNNPACK's forward convolution, and for stride 1 the input
 *   gradient *is* a forward convolution of dy with the filter flipped and its channels swapped.
 * - UnsortedSegmentSum: a flat accumulation loop over the WASM heap (the gradient of
 *   Gather, which is what Embedding uses).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tf.TensorInfo;
type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: object; attrs?: tf.NamedAttrMap };

/** Runs another kernel already registered for wasm, without going through the engine. */
function run(name: string, backend: BackendWasm, inputs: Record<string, TensorInfo>, attrs: object): TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`wasm kernel ${name} is missing`);
  return kernel.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as TensorInfo;
}

function reshape(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  return run('Reshape', backend, { x }, { shape });
}

export function conv2DBackpropFilterWasm(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as unknown as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');

  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const { batchSize, inChannels, outChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rows = batchSize * outHeight * outWidth;

  // im2col, transposed: row (i·KW + j)·Cin + c holds, for every output position, the input
  // value that tap (i, j) of channel c touched (zero in the padding). Then
  // columnsᵀ [taps·Cin, positions] · dy [positions, Cout] is dW in its [KH, KW, Cin, Cout] layout.
  const width = filterHeight * filterWidth * inChannels;
  const columns = backend.makeOutput([1, width, rows], 'float32');
  const cols = backend.typedArrayFromHeap(columns) as Float32Array;
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const [, inHeight, inWidth] = x.shape;
  let dst = 0;
  for (let i = 0; i < filterHeight; i++) {
    for (let j = 0; j < filterWidth; j++) {
      for (let c = 0; c < inChannels; c++) {
        for (let n = 0; n < batchSize; n++) {
          for (let oy = 0; oy < outHeight; oy++) {
            const iy = oy * strideHeight + i - top;
            if (iy < 0 || iy >= inHeight) {
              cols.fill(0, dst, dst + outWidth);
              dst += outWidth;
              continue;
            }
            const rowBase = (n * inHeight + iy) * inWidth;
            for (let ox = 0; ox < outWidth; ox++, dst++) {
              const ix = ox * strideWidth + j - left;
              cols[dst] = ix < 0 || ix >= inWidth ? 0 : xs[(rowBase + ix) * inChannels + c];
            }
          }
        }
      }
    }
  }
  const dy3d = reshape(backend, dy, [1, rows, outChannels]);
  const product = run('BatchMatMul', backend, { a: columns, b: dy3d }, { transposeA: false, transposeB: false }); // [1, width, Cout]
  const result = reshape(backend, product, [...filterShape]);
  for (const t of [columns, product, dy3d]) backend.disposeData(t.dataId);
  return result;
}

export function unsortedSegmentSumWasm(args: KernelArgs): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, segmentIds } = args.inputs as unknown as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = args.attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new Error(`UnsortedSegmentSum on wasm: unsupported dtype ${x.dtype}`);

  const idCount = tf.util.sizeFromShape(segmentIds.shape);
  const inner = idCount === 0 ? 0 : tf.util.sizeFromShape(x.shape) / idCount;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = backend.makeOutput(outShape, x.dtype);

  const values = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  const sums = backend.typedArrayFromHeap(out);
  sums.fill(0); // makeOutput hands back uninitialised heap memory
  for (let i = 0; i < idCount; i++) {
    const segment = ids[i];
    if (segment < 0 || segment >= numSegments) continue; // TF drops out-of-range ids
    const src = i * inner;
    const dst = segment * inner;
    for (let k = 0; k < inner; k++) sums[dst + k] += values[src + k];
  }
  return out;
}

/** Conv2DBackpropInput for stride 1 as a forward convolution; other cases go to the stock kernel. */
function makeConv2DBackpropInputWasm(stock: tf.KernelConfig) {
  return (args: KernelArgs): TensorInfo => {
    const backend = args.backend as BackendWasm;
    const { dy, filter } = args.inputs as unknown as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
    const { filterHeight: kh, filterWidth: kw, inHeight, inWidth, outHeight, outWidth } = info;
    // Forward: y[o] = Σ_k x[o + k − top] w[k]. So dx[i] = Σ_k' dy[i + k' − (kh − 1 − top)] w[kh − 1 − k'].
    const top = kh - 1 - info.padInfo.top;
    const left = kw - 1 - info.padInfo.left;
    const bottom = inHeight + kh - 1 - outHeight - top;
    const right = inWidth + kw - 1 - outWidth - left;
    if (dataFormat === 'NCHW' || info.strideHeight !== 1 || info.strideWidth !== 1 || Math.min(top, left, bottom, right) < 0) {
      return stock.kernelFunc(args) as TensorInfo;
    }
    const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1] });
    const swapped = run('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] });
    const padded = run(
      'PadV2',
      backend,
      { x: dy },
      {
        paddings: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const dx = run(
      'Conv2D',
      backend,
      { x: padded, filter: swapped },
      {
        strides: [1, 1],
        pad: 'valid',
        dataFormat: 'NHWC',
        dilations: [1, 1],
        dimRoundingMode: undefined,
      },
    );
    for (const t of [flipped, swapped, padded]) backend.disposeData(t.dataId);
    return dx;
  };
}

/** Transposes the last two dimensions. */
function swapLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const perm = x.shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return run('Transpose', backend, { x }, { perm });
}

function makeBatchMatMulWasm(stock: tf.KernelConfig) {
  return (args: KernelArgs): TensorInfo => {
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return stock.kernelFunc(args) as TensorInfo;
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as unknown as { a: TensorInfo; b: TensorInfo };
    const a2 = transposeA ? swapLastTwo(backend, a) : a;
    const b2 = transposeB ? swapLastTwo(backend, b) : b;
    const out = stock.kernelFunc({ ...args, inputs: { a: a2, b: b2 }, attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
    if (a2 !== a) backend.disposeData(a2.dataId);
    if (b2 !== b) backend.disposeData(b2.dataId);
    return out;
  };
}

/** Replaces a stock wasm kernel with a wrapper that may call it (keeping its setupFunc). */
function wrapStockKernel(name: string, wrap: (stock: tf.KernelConfig) => (args: KernelArgs) => TensorInfo) {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock) return;
  tf.unregisterKernel(name, 'wasm');
  // Keep the stock setupFunc: it binds the WASM function the wrapped kernel calls.
  tf.registerKernel({ ...stock, kernelFunc: wrap(stock) as tf.KernelFunc });
}

let registered = false;

/** Registers the missing gradient kernels for the wasm backend. Idempotent. */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilterWasm });
  }
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: unsortedSegmentSumWasm });
  }
  wrapStockKernel('Conv2DBackpropInput', makeConv2DBackpropInputWasm);
  wrapStockKernel('BatchMatMul', makeBatchMatMulWasm);
}
