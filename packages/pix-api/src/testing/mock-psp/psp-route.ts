import type { RouteRequest, RouteTemplate } from "../mtls/route-match";
import type { TipoErro } from "./api-pix-problem";
import type { PspAnswer } from "./psp-answer";
import type { PspContext } from "./psp-context";

/** An answer, and what the PSP does once it is written (a devolução settling, say). */
export type RouteAnswer = PspAnswer & { afterAnswer?: () => void };

/** One operation of the spec, as the mock serves it. */
export interface PspRoute extends RouteTemplate {
  method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
  /** The spec's path template, `/cob/{txid}`. */
  path: string;
  /** The name violations are written under (`cob.valor.original`). */
  resource: string;
  /** The error type of a request that breaks the schema. */
  invalid: TipoErro;
  /** A charge create, which `timeoutNextCreate` applies to. */
  creates?: boolean;
  handle(request: RouteRequest, context: PspContext): RouteAnswer;
}
