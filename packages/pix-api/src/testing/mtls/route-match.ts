/**
 * Which of a mock's routes a request is for: each route names its method and a path template
 * as the provider's spec writes it (`/cob/{txid}`, `/cobrancas/{codigoSolicitacao}`).
 */

export interface RouteTemplate {
  method: string;
  path: string;
}

/** What a route's handler reads of a request that passed the mock's checks (token, schemas). */
export interface RouteRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
}

/**
 * The first route for `method path`, with its path parameters decoded (order matters:
 * `/cobrancas/webhook` before `/cobrancas/{id}`); when none, `allowed` lists the methods the
 * path does have, for a 405 rather than a 404.
 */
export function matchRoute<Route extends RouteTemplate>(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { route: null; allowed: string[] } {
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
    const params = Object.fromEntries(names.map((name, index) => [name, decoded(match[index + 1] ?? "")]));
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
