import type { MockAnswer } from "../mtls/mock-exchange";
import type { Problema } from "./api-pix-problem";

/** What the mock writes back for one request: a status, headers, and a JSON body or none. */
export type PspAnswer = MockAnswer;

/** A problem+json answer (the spec's error media type). */
export function problemAnswer(problem: Problema, headers?: Record<string, string>): PspAnswer {
  return {
    status: problem.status,
    body: problem,
    contentType: "application/problem+json",
    ...(headers === undefined ? {} : { headers }),
  };
}

export function jsonAnswer(status: number, body: unknown): PspAnswer {
  return { status, body };
}
