import { expect } from "vitest";
import type { ErrorCode } from "../../errors/error-codes";
import type { TesseraError } from "../../errors/tessera-error";
import { rejection } from "../tessera-rejection";

/** Awaits `promise`, requires it to reject with a `TesseraError` of `code`, and returns the error. */
export async function expectTesseraError(promise: Promise<unknown>, code: ErrorCode): Promise<TesseraError> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  return error;
}
