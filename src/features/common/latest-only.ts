/**
 * Runs an async job at most once at a time; calls that arrive meanwhile collapse into one more
 * run with the newest input. Live prediction while drawing stays smooth however fast the pointer moves.
 */
export function latestOnly<T>(job: (input: T) => Promise<void>): (input: T) => void {
  let running = false;
  let queued: { input: T } | null = null;
  const run = async (input: T) => {
    running = true;
    try {
      await job(input);
    } finally {
      running = false;
      if (queued) {
        const next = queued.input;
        queued = null;
        void run(next);
      }
    }
  };
  return (input: T) => {
    if (running) queued = { input };
    else void run(input);
  };
}
