import { openApiView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";

/** `GET /openapi.json`: the document, open to anyone (it tells what the API takes, not what a studio holds). */
export function openApiRoute(document: () => object) {
  return apiRoute({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This document",
    public: true,
    query: noQuery,
    response: {
      status: 200,
      description: "The OpenAPI 3.1 document of /api/v1.",
      schema: { name: "OpenApiDocument", schema: openApiView },
    },
    handle: async () => document(),
  });
}
