/**
 * Why an adapter's HTTP request got no answer, in the two kinds the port cares about
 * (DESIGN §3): `not_sent` — it provably never reached the provider (refused connection,
 * unknown host), so it may be tried again or reported `gateway_unavailable`; `unknown` — it
 * may have arrived (a timeout, a reset, a broken answer), so a create is `unknown` and
 * recovery asks the provider. For adapters over `fetch` (undici names the cause's `code`).
 */
export class GatewayTransportFailure extends Error {
  constructor(
    readonly kind: "not_sent" | "unknown",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GatewayTransportFailure";
  }
}

/** Connection errors that mean the request never left this machine for the provider. */
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * What a rejected `fetch` (or a body that broke off) means, as a `GatewayTransportFailure`
 * naming the provider: `not_sent` only for the connection errors above.
 *
 * @example
 * ```ts
 * try { answer = await fetch(url, init); } catch (error) { throw transportFailureOf(error, "Cielo"); }
 * ```
 */
export function transportFailureOf(error: unknown, provider: string): GatewayTransportFailure {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === "string" && notSentCodes.has(code))
    return new GatewayTransportFailure("not_sent", `${provider} could not be reached (${code})`, {
      cause: error,
    });
  const name = error instanceof Error ? error.name : "error";
  return new GatewayTransportFailure("unknown", `${provider}'s answer was lost (${name})`, { cause: error });
}
