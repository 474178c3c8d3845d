import type { RouteRequest, RouteTemplate } from "@tessera/pix-api/testing";
import type { InterAnswer } from "./inter-answer";
import type { InterContext } from "./inter-context";
import type { InterScope } from "./inter-oauth";
import type { InterSchemaName } from "./inter-schemas";

/** One operation of Cobrança v3, as the mock serves it. */
export interface InterRoute extends RouteTemplate {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path under `/cobranca/v3`, as the spec writes it (`/cobrancas/{codigoSolicitacao}`). */
  path: string;
  /** The scope the spec's operation requires. */
  scope: InterScope;
  /** The request body's schema, checked before `handle`. */
  body?: InterSchemaName;
  /** The charge create, which `timeoutNextCreate` applies to. */
  creates?: boolean;
  handle(request: RouteRequest, context: InterContext): InterAnswer;
}
