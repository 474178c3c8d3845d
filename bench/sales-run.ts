/**
 * The timed loop every sales benchmark shares. Inputs are made before the clock starts, so
 * the loop times only the sales. One continuous run: `workers` sell from the start, and only
 * completions after the warm-up count — a run at concurrency 50 with a slow provider is full
 * (50 sales in flight) by then, so the figure is its steady rate, not its start-up.
 */

export interface SalesRun<T> {
  inputs: readonly T[];
  workers: number;
  warmUpMs: number;
  measureMs: number;
  sell(input: T): Promise<void> | void;
}

export interface SalesRate {
  perSecond: number;
  /** Sales completed inside the measured window. */
  counted: number;
  /** Its length; shorter than asked when the inputs ran out first. */
  windowMs: number;
  /** Sales completed in the whole run, warm-up included. */
  completed: number;
}

export async function runSales<T>(run: SalesRun<T>): Promise<SalesRate> {
  const completions = new Float64Array(run.inputs.length);
  let next = 0;
  let done = 0;
  let ranOutAt = Number.POSITIVE_INFINITY;
  const start = performance.now();
  const windowStart = start + run.warmUpMs;
  const deadline = windowStart + run.measureMs;
  let failure: { error: unknown } | null = null;
  await Promise.all(
    Array.from({ length: run.workers }, async () => {
      // After one sale fails, the others stop too: nothing sells on once the caller closes up.
      while (failure === null && performance.now() < deadline) {
        if (next >= run.inputs.length) {
          // From here the run drains instead of running full: the window ends now.
          ranOutAt = Math.min(ranOutAt, performance.now());
          return;
        }
        try {
          await run.sell(run.inputs[next++] as T);
        } catch (error) {
          failure ??= { error };
          return;
        }
        completions[done++] = performance.now();
      }
    }),
  );
  if (failure !== null) throw (failure as { error: unknown }).error;
  const windowEnd = Math.min(deadline, ranOutAt);
  if (windowEnd <= windowStart) {
    throw new Error(`the ${run.inputs.length} prepared sales ran out during the warm-up; prepare more`);
  }
  let counted = 0;
  for (let i = 0; i < done; i++) {
    const at = completions[i] as number;
    if (at >= windowStart && at <= windowEnd) counted++;
  }
  const windowMs = windowEnd - windowStart;
  return { perSecond: counted / (windowMs / 1000), counted, windowMs, completed: done };
}

/** How many inputs a run needs at `expectedPerSecond`, with room for a faster run than expected. */
export function inputsFor(
  expectedPerSecond: number,
  run: { warmUpMs: number; measureMs: number; workers: number },
) {
  return Math.ceil(expectedPerSecond * 2 * ((run.warmUpMs + run.measureMs) / 1000)) + run.workers * 2;
}

/**
 * Runs each of `runs` once per round, in turns, and adds up their windows: the library and
 * its floor then meet the same machine — on one shared by other work, a load that comes or
 * goes while one of them runs alone would otherwise decide their ratio. Each run makes its
 * own inputs before its clock starts.
 */
export async function runInTurns(
  rounds: number,
  runs: readonly (() => Promise<SalesRate>)[],
): Promise<SalesRate[]> {
  const totals = runs.map(() => ({ perSecond: 0, counted: 0, windowMs: 0, completed: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, run] of runs.entries()) {
      const rate = await run();
      const total = totals[i]!;
      total.counted += rate.counted;
      total.windowMs += rate.windowMs;
      total.completed += rate.completed;
      total.perSecond = total.counted / (total.windowMs / 1000);
    }
  }
  return totals;
}
