import type { TipoErro } from "./api-pix-problem";
import type { PspAnswer } from "./psp-answer";
import type { PspContext } from "./psp-context";

/** A request that passed authentication and the spec's schemas. */
export interface RouteRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
}

/** An answer, and what the PSP does once it is written (a devolução settling, say). */
export type RouteAnswer = PspAnswer & { afterAnswer?: () => void };

/** One operation of the spec, as the mock serves it. */
export interface PspRoute {
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

/** The route for `method path`, with its path parameters; `allowed` lists the methods the path has. */
export function matchRoute(
  routes: readonly PspRoute[],
  method: string,
  path: string,
): { route: PspRoute; params: Record<string, string> } | { route: null; allowed: string[] } {
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
    const params = Object.fromEntries(names.map((name, index) => [name, decoded(match[index + 1]!)]));
    return { route, params };
  }
  return { route: null, allowed };
}

/** A path segment decoded, or left as sent when its escapes are broken (the schema then refuses it). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
