import { useEffect, useRef } from 'react';

/** The 28×28 picture the network actually sees, after MNIST-style normalization. */
export function NetworkInput({ input }: { input: Float32Array | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current!.getContext('2d')!;
    const image = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.round((input?.[i] ?? 0) * 255);
      image.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [input]);
  return <canvas ref={ref} width={28} height={28} className="network-input" aria-label="The 28 by 28 input the network sees" />;
}
