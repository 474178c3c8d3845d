import { idempotencyKeySchema } from "@tessera/core";
import { z } from "zod";
import { defaultPageSize } from "./api-pagination";
import { problemSchema } from "./api-problem";
import type { ApiRoute, NamedSchema } from "./api-route";

type JsonObject = Record<string, unknown>;

/** Where the API is mounted, which the document's `servers` names. */
export const apiBasePath = "/api/v1";

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): bodies as clients write them
 * (`io: "input"`: defaults optional), answers as the server writes them. A schema that needs
 * `$defs` would point inside the document's root, so it is refused here rather than broken.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as JsonObject;
  if ("$defs" in json)
    throw new Error("an API schema must not need $defs (a recursive or registered schema)");
  return json;
}

/** The names in a path's braces, in order: `/plans/{plan}` → `["plan"]`. */
export const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");

/** The refusals a route may answer, from what it declares (see `ApiRoute`). */
export function problemStatuses(route: ApiRoute): number[] {
  const statuses = new Set<number>(route.problems ?? []);
  if (!route.public) statuses.add(401);
  if (pathParameters(route.path).length > 0) statuses.add(404);
  if (Object.keys(route.query.shape).length > 0 || route.body || route.idempotent) statuses.add(400);
  if (route.body) statuses.add(422);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

const problemDescriptions: Record<number, string> = {
  400: "The query, a header or the JSON is malformed (`errors` names the fields).",
  401: "No API key, or an unknown or revoked one.",
  404: "No such record, or one of a unit the key may not see.",
  409: "A conflict: the record changed, a slug is taken, or the idempotency key is still running (`Retry-After`).",
  422: "The body failed validation (`errors` names the fields).",
  500: "The server failed; the cause is in its log.",
  503: "The payment provider or the database is unavailable; nothing was charged (`Retry-After` when known).",
};

function problemResponse(status: number): JsonObject {
  const retries = status === 409 || status === 503;
  return {
    description: problemDescriptions[status] ?? "Refused.",
    ...(retries
      ? {
          headers: {
            "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
          },
        }
      : {}),
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
}

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same route table that registers
 * the Hono routes and from core's own zod schemas, so the two cannot drift.
 */
export function openApiDocument(routes: readonly ApiRoute[]): JsonObject {
  const schemas: Record<string, JsonObject> = { Problem: jsonSchemaOf(problemSchema, "output") };
  const named = new Map<string, NamedSchema>();
  const refTo = (entry: NamedSchema, io: "input" | "output") => {
    const seen = named.get(entry.name);
    if (seen && (seen.schema !== entry.schema || seen.adjust !== entry.adjust)) {
      throw new Error(`two API schemas are named ${entry.name}`);
    }
    if (!seen) {
      named.set(entry.name, entry);
      const json = jsonSchemaOf(entry.schema, io);
      schemas[entry.name] = entry.adjust ? entry.adjust(json) : json;
    }
    return { $ref: `#/components/schemas/${entry.name}` };
  };

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const names = pathParameters(route.path);
    const parameters: JsonObject[] = names.map((name) => {
      const description = route.params?.[name];
      if (!description) throw new Error(`${route.operationId}: path parameter {${name}} is not described`);
      return { name, in: "path", required: true, description, schema: { type: "string" } };
    });
    const query = jsonSchemaOf(route.query, "input");
    const required = (query["required"] ?? []) as string[];
    for (const [name, schema] of Object.entries((query["properties"] ?? {}) as Record<string, JsonObject>)) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: "query",
        required: required.includes(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
    if (route.idempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });

    const responses: Record<string, JsonObject> = {
      [String(route.response.status)]: {
        description: route.response.description,
        content: { "application/json": { schema: refTo(route.response.schema, "output") } },
      },
    };
    for (const status of problemStatuses(route)) responses[String(status)] = problemResponse(status);

    const operation: JsonObject = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.public ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: refTo(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
    const item = paths[route.path] ?? {};
    if (item[route.method]) throw new Error(`${route.method} ${route.path} is in the table twice`);
    item[route.method] = operation;
    paths[route.path] = item;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Tessera API",
      version: "1",
      description: `The studio's back office as JSON. Lists are paged by cursor (\`?cursor=&limit=\`, ${defaultPageSize} items by default); errors are \`application/problem+json\`; writes that move money or create a contract take an \`Idempotency-Key\`.`,
    },
    servers: [{ url: apiBasePath }],
    security: [{ apiKey: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: true,
          description:
            "What makes a retry of this request the same request: the same key answers the first result, never a second charge.",
          schema: jsonSchemaOf(idempotencyKeySchema, "input"),
        },
      },
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key made in the back office (`tsk_…`), sent as `Authorization: Bearer tsk_…`.",
        },
      },
    },
  };
}
