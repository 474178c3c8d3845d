import type { InterAnswer } from "./inter-answer";
import type { InterContext } from "./inter-context";
import type { InterScope } from "./inter-oauth";
import type { InterSchemaName } from "./inter-schemas";

/** A request that passed authentication and, when the route has one, its body schema. */
export interface RouteRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
}

/** One operation of Cobrança v3, as the mock serves it. */
export interface InterRoute {
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

/** The first route for `method path` (order matters: `/cobrancas/webhook` before `/cobrancas/{id}`). */
export function matchRoute(
  routes: readonly InterRoute[],
  method: string,
  path: string,
): { route: InterRoute; params: Record<string, string> } | { route: null; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of routes) {
    const names: string[] = [];
    const pattern = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match === null) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    return {
      route,
      params: Object.fromEntries(names.map((name, index) => [name, safeDecode(match[index + 1] ?? "")])),
    };
  }
  return { route: null, allowed };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
