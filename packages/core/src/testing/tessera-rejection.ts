import { TesseraError } from "../errors/tessera-error";

/**
 * The `TesseraError` a promise rejects with, for a test to inspect; throws (failing the
 * test) when the promise resolves or rejects with anything else.
 */
export async function rejection(promise: Promise<unknown>): Promise<TesseraError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TesseraError)) throw new Error(`expected a TesseraError, got ${String(error)}`);
  return error;
}
