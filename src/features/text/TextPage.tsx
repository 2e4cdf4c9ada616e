/**
 * Text: a word-level LSTM continues the start of a patent abstract, one word at a time, streamed
 * from the worker. "Random" starts from a held-out abstract and shows what the patent really said.
 * Everything the person types is rendered as text (React escapes it), never as HTML.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { failureOfError } from '../../app/failure.ts';
import { useInference, useTaskModel } from '../../app/inference.tsx';
import { ModelStatus } from '../../app/ModelStatus.tsx';
import { plainMessage } from '../../app/plain-message.ts';
import { removeSpaces } from '../../models/text/format-sequence.ts';
import { EMPTY_PROMPT_MESSAGE, requestProblem } from '../../models/text/request.ts';
import { assertNever } from '../../runtime/error-kinds.ts';
import type { TextGeneration } from '../../workers/inference-protocol.ts';
import { useResendWhenReady } from '../common/use-resend-when-ready.ts';
import { loadTextSamples, OWN_START_WORDS, randomStart } from './text-samples.ts';
import { formFromHash, hashForGeneration, type TextForm } from './text-url.ts';

type Run = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: TextGeneration } | { status: 'stopped' };

/** Where the prompt shown beside the output came from. */
interface Origin {
  kind: 'typed' | 'sample' | 'own';
  note?: string;
  actual?: string;
}

const parseOptionalInt = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

export function TextPage() {
  const { client } = useInference();
  const { state, retry, cancel } = useTaskModel('text');
  const [form, setForm] = useState<TextForm>(() => formFromHash(location.hash));
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [words, setWords] = useState<string[]>([]);
  const [promptWords, setPromptWords] = useState<string[] | null>(null);
  const [unknownWords, setUnknownWords] = useState<string[]>([]);
  const [origin, setOrigin] = useState<Origin>({ kind: 'typed' });
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const stopper = useRef<AbortController | null>(null);
  const autostarted = useRef(false);
  // A request made before the model could be downloaded: kept, and written once the model is ready.
  const kept = useResendWhenReady<'start', { form: TextForm; origin: Origin }>(
    state.status === 'ready',
    ({ form: start, origin: from }) => void generate(start, from),
  );

  const set = (field: keyof TextForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const generate = useCallback(
    async (chosen: TextForm, from: Origin) => {
      const diversity = Number(chosen.diversity.trim() === '' ? NaN : chosen.diversity);
      const count = Number(chosen.words.trim() === '' ? NaN : chosen.words);
      const rngSeed = parseOptionalInt(chosen.rngSeed);
      const problem =
        chosen.prompt.trim() === '' ? EMPTY_PROMPT_MESSAGE : requestProblem({ prompt: chosen.prompt, diversity, words: count, rngSeed });
      if (problem) {
        setError(problem);
        return;
      }
      stopper.current?.abort();
      kept.forget('start');
      const controller = new AbortController();
      stopper.current = controller;
      setError(null);
      setWords([]);
      setPromptWords(null);
      setUnknownWords([]);
      setCopied(null);
      setOrigin(from);
      setRun({ status: 'running' });
      try {
        const result = await client.call(
          'generateText',
          { prompt: chosen.prompt, diversity, words: count, rngSeed, method: chosen.method },
          {
            signal: controller.signal,
            onUpdate: (update) => {
              if (stopper.current !== controller) return;
              if (update.kind === 'prompt') {
                setPromptWords(update.promptWords);
                setUnknownWords(update.unknownWords);
              } else {
                // By index: a run repeated after a GPU reset rewrites the same places.
                setWords((w) => [...w.slice(0, update.index), update.word]);
              }
            },
          },
        );
        if (stopper.current !== controller) return;
        setRun({ status: 'done', result });
        history.replaceState(null, '', hashForGeneration(chosen, result.rngSeed));
      } catch (err) {
        if (stopper.current !== controller) return;
        const failure = failureOfError(err);
        switch (failure) {
          case 'wait-for-model':
            setRun({ status: 'idle' });
            kept.keep('start', { form: chosen, origin: from });
            break;
          case 'cancelled':
            setRun({ status: 'stopped' });
            break;
          case 'show':
            setRun({ status: 'idle' });
            setError(plainMessage(err, 'The network could not write this text. Press Generate again; if that fails too, reload the page.'));
            break;
          default:
            assertNever(failure);
        }
      } finally {
        if (stopper.current === controller) stopper.current = null;
      }
    },
    [client, kept.forget, kept.keep],
  );

  const stop = () => stopper.current?.abort();

  const random = async () => {
    const count = Number(form.words);
    const samples = await loadTextSamples();
    if (samples) {
      const abstract = samples[Math.floor(Math.random() * samples.length)];
      const start = randomStart(abstract, Number.isInteger(count) && count > 0 ? Math.min(count, 100) : 50);
      const chosen = { ...form, prompt: start.prompt };
      setForm(chosen);
      await generate(chosen, {
        kind: 'sample',
        note: `Held-out patent ${start.patentNumber} (never seen in training): its first 50 words are the prompt.`,
        actual: start.actual,
      });
    } else {
      const first = OWN_START_WORDS[Math.floor(Math.random() * OWN_START_WORDS.length)];
      const chosen = { ...form, prompt: first };
      setForm(chosen);
      await generate(chosen, {
        kind: 'own',
        note:
          `This copy of tabml has no held-out abstracts to start from (it was built without ` +
          `the patent data), so the network writes its own abstract after “${first}”.`,
      });
    }
  };

  // A shared link (prompt and rng seed in the URL) writes the same text again once the model is ready.
  useEffect(() => {
    if (state.status !== 'ready' || autostarted.current) return;
    autostarted.current = true;
    const linked = formFromHash(location.hash);
    if (linked.prompt.trim() !== '' && linked.rngSeed.trim() !== '') void generate(linked, { kind: 'typed' });
  }, [state.status, generate]);

  useEffect(() => () => stopper.current?.abort(), []);

  const output = removeSpaces(words.join(' '));
  const promptEcho = promptWords ? removeSpaces(promptWords.join(' ')) : null;
  const copy = () =>
    navigator.clipboard.writeText([promptEcho, output].filter(Boolean).join(' ')).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  const running = run.status === 'running';
  const requested = Number(form.words);

  return (
    <section className="page text">
      <header className="page-head">
        <h1>Text</h1>
        <p>
          Write the start of a patent abstract. A word-level LSTM, trained on neural-network patents, continues it on your device, one word
          at a time.
        </p>
      </header>
      <ModelStatus state={state} retry={retry} cancel={cancel} what="text model" />
      <form
        className="text-form"
        onSubmit={(e) => {
          e.preventDefault();
          void generate(form, { kind: 'typed' });
        }}
      >
        <label className="text-prompt-label">
          Start of the abstract
          <textarea
            data-testid="text-seed"
            rows={4}
            value={form.prompt}
            onChange={set('prompt')}
            placeholder="A neural network is trained to"
          />
        </label>
        <div className="text-controls">
          <label>
            Diversity
            <input
              data-testid="text-diversity"
              type="number"
              inputMode="decimal"
              step="0.1"
              value={form.diversity}
              onChange={set('diversity')}
            />
          </label>
          <label>
            New words
            <input data-testid="text-words" type="number" inputMode="numeric" step="1" value={form.words} onChange={set('words')} />
          </label>
          <label>
            RNG seed
            <input
              data-testid="text-rng-seed"
              type="text"
              inputMode="numeric"
              value={form.rngSeed}
              onChange={set('rngSeed')}
              placeholder="optional"
            />
          </label>
          <label>
            Method
            <select data-testid="text-method" value={form.method} onChange={set('method')}>
              <option value="stateful">one LSTM step per word</option>
              <option value="fullReread">full re-read: the whole text again for every word (the original app)</option>
            </select>
          </label>
        </div>
        <div className="row">
          <button type="submit" data-testid="text-generate" disabled={running}>
            Generate
          </button>
          <button type="button" data-testid="text-random" disabled={running} onClick={() => void random()}>
            Random
          </button>
          <button type="button" data-testid="text-stop" disabled={!running} onClick={stop}>
            Stop
          </button>
        </div>
      </form>
      {error && (
        <p className="notice" role="alert" data-testid="text-error">
          {error}
        </p>
      )}
      {origin.note && <p className="muted small">{origin.note}</p>}
      {unknownWords.length > 0 && (
        <p className="muted small" data-testid="text-unknown">
          Not in the network's vocabulary (read as “unknown”): {unknownWords.join(', ')}
        </p>
      )}
      <div className="text-result" aria-live="polite" aria-busy={running}>
        {promptEcho !== null && (
          <p className="text-prompt-echo">
            <span className="muted small">Prompt · </span>
            <span data-testid="text-seed-echo">{promptEcho}</span>
          </p>
        )}
        <p className="text-output-line">
          {(running || words.length > 0) && <span className="muted small">Network · </span>}
          <span data-testid="text-output" className="text-output" data-words={words.length}>
            {output}
          </span>
        </p>
        {origin.actual && (
          <p className="text-actual">
            <span className="muted small">The patent actually said · </span>
            <span data-testid="text-actual">{origin.actual}</span>
          </p>
        )}
        <p className="muted small" data-testid="text-status">
          {running &&
            state.status !== 'ready' &&
            'Waiting for the text model to download; your start is kept and continued as soon as it is ready.'}
          {running && state.status === 'ready' && `Writing… ${words.length} of ${Number.isInteger(requested) ? requested : '?'} words`}
          {kept.waiting && !running && 'Your start is kept: the network continues it as soon as the model is downloaded (see above).'}
          {run.status === 'stopped' && `Stopped after ${words.length} words.`}
          {run.status === 'done' &&
            `${run.result.words.length} words in ${(run.result.ms / 1000).toFixed(2)} s ` +
              `(${((1000 * run.result.words.length) / Math.max(run.result.ms, 1)).toFixed(0)} ` +
              `words/s), RNG seed ${run.result.rngSeed}: the page's link now writes this text again.`}
        </p>
        {words.length > 0 && !running && (
          <button type="button" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy blocked: select the text' : 'Copy text'}
          </button>
        )}
      </div>
    </section>
  );
}
