import { expect } from "vitest";
import type { ErrorCode } from "../../errors/error-codes";
import { isTesseraError, type TesseraError } from "../../errors/tessera-error";

/** Awaits `promise`, requires it to reject with a `TesseraError` of `code`, and returns the error. */
export async function expectTesseraError(promise: Promise<unknown>, code: ErrorCode): Promise<TesseraError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a TesseraError("${code}")`).toBeDefined();
  if (!isTesseraError(error)) throw new Error(`expected a TesseraError("${code}"), got ${String(error)}`);
  expect(error.code).toBe(code);
  return error;
}
