import { type ErrorCode, errorCatalog } from "./error-codes";

/** One problem with one input field, as a path into the input (`["buyer", "document"]`). */
export interface FieldIssue {
  path: (string | number)[];
  /** A stable, machine-readable reason (`too_small`, `invalid_document`, `required`, …). */
  code: string;
  message: string;
}

/** Extra, code-specific facts about an error. */
export interface ErrorDetails {
  issues?: FieldIssue[];
  /** The entity the error is about (`contract`, `payment`, …) and its id. */
  entity?: string;
  id?: string;
  /** Where the error came from: a gateway id, a storage dialect, a config file. */
  origin?: string;
  [key: string]: unknown;
}

/**
 * The one error family Tessera throws. `code` is stable (see `errorCatalog`); `message`
 * says what happened and what to do; `details` carries the facts (field issues, ids).
 *
 * Expected business outcomes (a declined card, a pending PIX) are never errors: they are
 * values. A `TesseraError` means a caller's mistake, bad configuration, or a fault.
 */
export class TesseraError extends Error {
  override readonly name = "TesseraError";
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(
      `${message} ${errorCatalog[code].hint}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** True when `error` is a `TesseraError`, optionally of one code. */
export function isTesseraError(error: unknown, code?: ErrorCode): error is TesseraError {
  return error instanceof TesseraError && (code === undefined || error.code === code);
}
