/**
 * What one benchmark reports. Every figure is a ratio to a baseline measured on the same
 * machine in the same run (DESIGN.md §7), so figures compare across machines; the raw
 * numbers are printed beside it for the curious.
 */
export interface BenchResult {
  name: string;
  /** The figure that matters, e.g. `0.42` (= 42 % of the baseline's rate). */
  ratio: number;
  /** What the ratio means, in one line: "sales/s ÷ raw 5-row transactions/s". */
  ratioMeaning: string;
  measured: { value: number; unit: string };
  baseline: { name: string; value: number; unit: string };
  /** Anything else worth printing: counts of duplicates, sample sizes. */
  notes?: Record<string, number | string>;
  /** Longer evidence, one line each (the statements of one sale); printed with `--details`. */
  details?: string[];
}

/** A benchmark that could not run here, and why: printed instead of a figure. */
export interface BenchSkip {
  name: string;
  /** What is missing and how to provide it: "no PostgreSQL at 127.0.0.1:5432 (…); start it". */
  skipped: string;
}

/** A benchmark file's default export. It must clean up everything it starts. */
export type Benchmark = () => Promise<(BenchResult | BenchSkip)[]>;
