/**
 * The faults a test has asked the mock to play next, each consumed by the request it hits.
 * One state per mock (no module-level state): two mocks in one process never share faults.
 */
export interface PspFaults {
  /** How many of the next API requests answer 429 with `Retry-After` and do nothing. */
  rateLimited: number;
  /**
   * The next create (`PUT /cob`, `POST /cob`, `PUT /cobv`): `before_receipt` drops the
   * connection before the request body is read; `after_charge` makes the charge, then drops
   * the connection (`reset`) or never answers (`hold`, until the client gives up or the mock closes).
   */
  nextCreate: { kind: "before_receipt" } | { kind: "after_charge"; answer: "reset" | "hold" } | null;
  /**
   * The next devolução: `refuse` answers `EM_PROCESSAMENTO` and turns `NAO_REALIZADO` right
   * after the answer; `refuse_at_once` answers `NAO_REALIZADO`; `hold` stays
   * `EM_PROCESSAMENTO` until `settleRefund`.
   */
  nextRefund: "refuse" | "refuse_at_once" | "hold" | null;
}

export function createPspFaults(): PspFaults {
  return { rateLimited: 0, nextCreate: null, nextRefund: null };
}
