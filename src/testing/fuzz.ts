/**
 * Runs a fuzz target: a fixed seed (the same inputs on every run and machine), a number of inputs
 * scaled by FUZZ_RUNS, a time budget per input, and a line `fuzz <target>: N inputs` on the console,
 * which the README's Reliability section quotes.
 */
import fc from 'fast-check';

/** FUZZ_SEED explores other inputs locally; CI keeps the fixed one so a failure reproduces. */
const SEED = Number(process.env.FUZZ_SEED ?? 15);
/** FUZZ_RUNS=20 runs twenty times as many inputs (locally: CI must stay within a minute or two). */
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS ?? 1);
/**
 * Synchronous parsers cannot be interrupted, so a hang shows as one input taking far too long: a
 * linear parser takes milliseconds even on a 100,000-character input; a quadratic one does not.
 * Measured in CPU time, which other processes on a busy machine do not inflate.
 */
const INPUT_BUDGET_MS = 2000;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Shrinking re-runs the failing input's neighbours: minutes when the failure is a slow input. FUZZ_SHRINK=1 turns it on. */
const SHRINK = process.env.FUZZ_SHRINK === '1';
/** Vitest's per-test timeout, grown with FUZZ_RUNS. */
export const FUZZ_TIMEOUT_MS = 60_000 * Math.max(1, RUNS_FACTOR || 1);

export function fuzz<T>(target: string, arbitrary: fc.Arbitrary<T>, runs: number, check: (input: T) => void): void {
  if (!(RUNS_FACTOR > 0)) throw new Error(`FUZZ_RUNS must be a positive number, got ${process.env.FUZZ_RUNS}.`);
  let inputs = 0;
  const property = fc.property(arbitrary, (input) => {
    inputs++;
    const start = cpuMs();
    check(input);
    const ms = cpuMs() - start;
    if (ms > INPUT_BUDGET_MS) throw new Error(`one input took ${ms.toFixed(0)} ms of CPU time (budget ${INPUT_BUDGET_MS} ms)`);
  });
  fc.assert(property, { endOnFailure: !SHRINK, seed: SEED, numRuns: Math.max(1, Math.round(runs * RUNS_FACTOR)) });
  console.log(`fuzz ${target}: ${inputs} inputs`);
}

/** Runs `f`, returning what it returned or what it threw, so a check can look at either. */
export function outcome<R>(f: () => R): { ok: true; value: R } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}
