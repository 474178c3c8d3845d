import { type ErrorCode, errorCatalog, type FieldIssue, isTesseraError } from "@tessera/core";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { errorMessageKeys } from "../http/error-responses";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";

/** The refusals the API makes itself, before or around a service call. */
export const apiProblemCodes = {
  unauthenticated: { status: 401, titleKey: "api.problem.unauthenticated" },
  forbidden: { status: 403, titleKey: "api.problem.forbidden" },
  not_found: { status: 404, titleKey: "error.not_found" },
  bad_request: { status: 400, titleKey: "api.problem.bad_request" },
  idempotency_key_required: { status: 400, titleKey: "api.problem.idempotency_key_required" },
} as const satisfies Record<string, { status: number; titleKey: MessageKey }>;

export type ApiProblemCode = keyof typeof apiProblemCodes;

/** A refusal of the API's own (no key, another unit's record, a malformed header or query). */
export class ApiProblem extends Error {
  override readonly name = "ApiProblem";
  readonly status: number;
  constructor(
    readonly code: ApiProblemCode,
    detail: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(detail);
    this.status = apiProblemCodes[code].status;
  }
}

/** `404` for a record that does not exist and for one of a unit the key may not see: the same answer. */
export function notFoundProblem(entity: string): ApiProblem {
  return new ApiProblem("not_found", `No ${entity} with this id is visible to this API key.`);
}

/** The problem type of a code: a URN, so it names the code without promising a page. */
export const problemType = (code: string) => `urn:tessera:problem:${code}`;

/** An RFC 9457 problem document as the API answers it; `errors` lists the fields to correct. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: "The stable code (`validation_failed`, `not_found`, …)." }),
    errors: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          code: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ description: "An RFC 9457 problem: what was refused, and which fields to correct." });

export type ProblemDocument = z.infer<typeof problemSchema>;

/** One answered error: the document, its status and the headers that go with it. */
export interface ProblemAnswer {
  status: number;
  body: ProblemDocument;
  headers: Record<string, string>;
}

const retryAfterOf = (details: Record<string, unknown>): number | null => {
  const seconds = details["retryAfterSeconds"];
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
};

/**
 * Maps any thrown value to its problem: a `TesseraError` takes the status of core's
 * `errorCatalog` and its title from the same i18n key the pages use (`errorMessageKeys`), so
 * the API and the pages cannot disagree; its message (written for developers) is the detail,
 * except for server-side failures, whose detail is the catalog's hint and whose cause stays
 * in the log. Field issues become `errors`. A busy idempotency key and an unavailable provider
 * carry `Retry-After` when core knows when.
 */
export function problemOf(error: unknown, t: Translate): ProblemAnswer {
  if (error instanceof ApiProblem) {
    const headers: Record<string, string> =
      error.code === "unauthenticated" ? { "WWW-Authenticate": 'Bearer realm="tessera"' } : {};
    return {
      status: error.status,
      headers,
      body: {
        type: problemType(error.code),
        title: t(apiProblemCodes[error.code].titleKey),
        status: error.status,
        detail: error.message,
        code: error.code,
        ...(error.issues.length > 0 ? { errors: error.issues } : {}),
      },
    };
  }
  if (isTesseraError(error)) {
    const code: ErrorCode = error.code;
    const status = errorCatalog[code].http;
    const retryAfter = retryAfterOf(error.details);
    const issues = error.details.issues ?? [];
    return {
      status,
      headers: retryAfter === null ? {} : { "Retry-After": String(retryAfter) },
      body: {
        type: problemType(code),
        title: t(errorMessageKeys[code]),
        status,
        detail: status >= 500 ? errorCatalog[code].hint : error.message,
        code,
        ...(issues.length > 0 ? { errors: issues } : {}),
      },
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals (a body over the limit: 413) keep their status.
    const answer = problemOf(
      new ApiProblem(error.status === 404 ? "not_found" : "bad_request", error.message),
      t,
    );
    return { ...answer, status: error.status, body: { ...answer.body, status: error.status } };
  }
  return {
    status: 500,
    headers: {},
    body: {
      type: problemType("internal"),
      title: t("error.internal"),
      status: 500,
      detail: "The server failed; the error is in its log.",
      code: "internal",
    },
  };
}
