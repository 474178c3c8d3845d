import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { apiRoutes } from "./api-routes";
import { openApiDocument } from "./openapi-document";

let server: ComposedTestServer;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  server = await composedTestServer();
  const res = await server.app.request("/api/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(async () => {
  await server.cleanup();
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc["openapi"]).toBe("3.1.0");
  });

  it("documents every route the app registers under /api/v1, and no other", () => {
    const registered = new Set(
      server.app.routes
        .filter((route) => route.method !== "ALL" && route.path.startsWith("/api/v1/"))
        .map((route) => `${route.method.toLowerCase()} ${route.path.slice(7).replace(/:(\w+)/g, "{$1}")}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it("requires the Idempotency-Key header on the writes that move money or create a contract", () => {
    const withKey = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) =>
          JSON.stringify(operation["parameters"] ?? []).includes("#/components/parameters/IdempotencyKey"),
        )
        .map(([method]) => `${method} ${path}`),
    );
    expect(withKey.sort()).toEqual([
      "post /contracts/{contract}/cancellation",
      "post /contracts/{contract}/pay-from-balance",
      "post /contracts/{contract}/retry",
      "post /customers/{customer}/wallet/credits",
      "post /customers/{customer}/wallet/debits",
      "post /orders/{order}/pay",
      "post /payments/{payment}/refunds",
      "post /sales",
      "post /units/{unit}/orders",
      "post /wallet-entries/{entry}/reversal",
    ]);
  });

  it("describes refusals as problem documents, 401 on every operation but itself", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const responses = operation["responses"] as Record<string, { content?: Record<string, unknown> }>;
        if (path === "/openapi.json") expect(responses["401"]).toBeUndefined();
        else
          expect(responses["401"]?.content?.["application/problem+json"], `${method} ${path}`).toBeDefined();
      }
    }
  });

  it("takes plan bodies from core's planInputSchema, without the unitId the path gives", () => {
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const input = schemas["PlanInput"] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["name", "price", "onlineSale"]));
    expect(input.properties["unitId"]).toBeUndefined();
    expect(input.required.sort()).toEqual(["name", "price"]);
    expect(schemas["PlanChanges"]?.["required"]).toBeUndefined();
  });

  it("describes a unit's renewal terms and reminder days, both in the unit and in its changes", () => {
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    for (const name of ["Unit", "UnitChanges"]) {
      const properties = (schemas[name] as { properties: Record<string, Record<string, unknown>> })
        .properties;
      expect(JSON.stringify(properties["renewalTerms"]), name).toContain('"contract"');
      expect(Object.keys((properties["reminderDays"] as { properties: object }).properties), name).toEqual([
        "before",
        "after",
      ]);
    }
  });

  it("takes a split payment's fromBalance in sales and retries, never the retry's actor, and shows it on the payment", () => {
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const properties = (name: string) =>
      (schemas[name] as { properties: Record<string, Record<string, unknown>> }).properties;
    for (const name of ["SaleInput", "RetryInput"]) {
      expect(Object.keys(properties(name)["fromBalance"]?.["properties"] ?? {}), name).toEqual([
        "amount",
        "currency",
      ]);
    }
    expect(properties("RetryInput")["actor"]).toBeUndefined();
    const payment = properties("SaleOutcome")["payment"] as {
      anyOf: { properties?: Record<string, unknown> }[];
    };
    const shown = payment.anyOf.find((branch) => branch.properties)?.properties ?? {};
    expect(JSON.stringify(shown["fromBalance"])).toContain('"entryId"');
  });

  it("takes order bodies from core's order schemas, without what the address, the header and the key decide", () => {
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const input = schemas["OrderInput"] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(input.properties).sort()).toEqual(
      ["card", "customerId", "firstDueOn", "fromBalance", "installments", "items", "method"].sort(),
    );
    expect(input.required.sort()).toEqual(["customerId", "items"]);
    const pay = schemas["OrderPayInput"] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(pay.properties).sort()).toEqual(["card", "fromBalance", "lines", "method"]);
    expect(pay.required).toEqual([]);
    const status = (schemas["OrderOutcome"] as { properties: Record<string, { enum?: string[] }> })
      .properties["status"];
    expect(status?.enum).toContain("awaiting_payment");
  });

  it("refuses a route table that names a path parameter it does not describe", () => {
    const [route] = apiRoutes.filter((r) => r.path === "/plans/{plan}");
    if (!route) throw new Error("no /plans/{plan} route");
    expect(() => openApiDocument([{ ...route, params: {} }])).toThrow(/path parameter \{plan\}/);
  });
});
