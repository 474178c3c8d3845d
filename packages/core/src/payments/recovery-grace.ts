/**
 * How long a payment with no answer may still be in flight: longer than any adapter's
 * request timeout. Before it, "the provider has no record of it" may only mean the create
 * has not arrived yet, so nothing treats the attempt as never sent; after it, that answer is
 * proof, and the attempt may be made again under a new reference.
 */
export const recoveryGraceMs = 120_000;

/** Milliseconds since `createdAt`, on the clock's `now`. */
export function ageMs(now: string, createdAt: string): number {
  return new Date(now).getTime() - new Date(createdAt).getTime();
}
