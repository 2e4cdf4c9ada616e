import { useInference } from './inference.tsx';
import { ROUTES } from './routes.ts';

/** How tabml works, in plain words; the one page that downloads no model. */
export function AboutPage() {
  const { backend } = useInference();
  return (
    <section className="panel about">
      <h1>How tabml works</h1>
      <p>
        Four neural networks run in this browser tab with TensorFlow.js. Nothing you draw, drop or type is sent anywhere: there is no server
        that computes. Each page downloads its model the first time you open it (a few hundred kilobytes to a few megabytes), checks every
        file against its published checksum, and keeps it, so the page works offline afterwards.
      </p>
      <ul className="about-pages">
        {ROUTES.map((r) => (
          <li key={r.id}>
            <a href={`#/${r.id}`}>{r.title}</a>: {r.blurb}
          </li>
        ))}
      </ul>
      <h2>Where the models run</h2>
      <p>
        On your graphics card through WebGL when it has a hardware one; otherwise on the processor with WebAssembly (SIMD, and several
        threads when the page is cross-origin isolated); the plain JavaScript backend is the last resort. The badge at the top says which
        one, and why. Add <code>?backend=webgl</code>, <code>wasm</code> or <code>cpu</code> to the address to choose.
        {backend ? ` Right now: ${backend.backend}.` : ''}
      </p>
      <h2>Where they come from</h2>
      <p>
        Every model is trained by this project's own scripts from public datasets (MNIST, Tiny ImageNet cats and espressos, patent
        abstracts, Bitcoin prices), and its measured quality is published with it.
      </p>
    </section>
  );
}
