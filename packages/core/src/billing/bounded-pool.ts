/**
 * Runs `work` over `items` with at most `concurrency` at once, in order of start, and
 * resolves when all are done. `work` must not throw (it reports its own failures): the
 * pool does not stop the others for one.
 */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
