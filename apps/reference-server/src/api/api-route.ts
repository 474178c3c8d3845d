import { type ApiKey, type AuditDetailValue, isTesseraError, parseInput, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import { z } from "zod";
import type { ApiEnv } from "./api-env";
import { ApiProblem } from "./api-problem";

/** What a route's handler is given, everything already checked. */
export interface ApiCall<Query> {
  c: Context<ApiEnv>;
  tessera: Tessera;
  /** The key that signed the request; reading it on a `public` route throws (there is none). */
  readonly key: ApiKey;
  /** The path's parameters, by the names in `path` (`{plan}` → `params.plan`). */
  params: Record<string, string>;
  /** The query, parsed with the route's `query` schema. */
  query: Query;
  /** The JSON body, an object (the route's own service validates it with core's schema). */
  body: Record<string, unknown>;
  /** The `Idempotency-Key` header, checked with core's `idempotencyKeySchema`; "" on a route that takes none. */
  idempotencyKey: string;
  /** Appends the key's action to the organization's audit log, with where the request came from. */
  audit(
    action: string,
    subject: { kind: string; id: string },
    details?: Record<string, AuditDetailValue>,
  ): Promise<void>;
}

/** A schema as the OpenAPI document names it in `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
  /** Adjusts the generated JSON Schema (a body whose `unitId` comes from the path drops it). */
  adjust?: (jsonSchema: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * One route of `/api/v1`: the Hono route and its OpenAPI operation are both built from this,
 * so a route cannot exist without being documented. Statuses of the refusals follow from
 * what it declares: 401 unless `public`, 404 with path parameters, 400 with query fields, a
 * body or an idempotency key, 422 with a body, and whatever `problems` adds.
 */
export interface ApiRouteDefinition<Query> {
  method: "get" | "post" | "patch";
  /** OpenAPI's form, `/plans/{plan}`; relative to `/api/v1`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** What each path parameter is. */
  params?: Record<string, string>;
  /** The query's fields (`noQuery` for none); a query that does not parse is a 400. */
  query: z.ZodObject & z.ZodType<Query>;
  /** The JSON body, validated by this (core's) schema in the service the handler calls. */
  body?: NamedSchema;
  /** Moves money or creates a contract: the `Idempotency-Key` header is required (400 without). */
  idempotent?: boolean;
  /** Answered without an API key (the OpenAPI document only). */
  public?: boolean;
  /** Refusals beyond those that follow from the declaration (409, 503…). */
  problems?: number[];
  response: { status: 200 | 201; description: string; schema: NamedSchema };
  handle(call: ApiCall<Query>): Promise<object>;
}

/** A route as the table holds it: its query parsed inside, so routes of every query share one type. */
export type ApiRoute = Omit<ApiRouteDefinition<unknown>, "handle"> & {
  handle(call: Omit<ApiCall<unknown>, "query">, rawQuery: Record<string, string>): Promise<object>;
};

/** The query of a route that reads none. */
export const noQuery = z.object({});

/** Parses the query with core's `parseInput`; its field issues answer a 400, as query strings are no body. */
function readQuery<Query>(schema: z.ZodType<Query>, raw: Record<string, string>): Query {
  try {
    return parseInput(schema, raw, "query");
  } catch (error) {
    if (isTesseraError(error, "validation_failed")) {
      throw new ApiProblem("bad_request", "The query is not valid.", error.details.issues ?? []);
    }
    throw error;
  }
}

export function apiRoute<Query>(definition: ApiRouteDefinition<Query>): ApiRoute {
  return {
    ...definition,
    // The call inherits from the area's (not a spread copy), so `key` is read only by a route that uses it.
    handle: (call, rawQuery) =>
      definition.handle(
        Object.assign(Object.create(call) as typeof call, { query: readQuery(definition.query, rawQuery) }),
      ),
  };
}
