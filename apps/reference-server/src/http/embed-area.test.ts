import { buttonDesignSchema } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonDesignLimits } from "../embed/button-design-limits";
import { type ComposedTestServer, composedTestServer } from "./test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const mensal = () => server.plans.find((plan) => plan.name === "Mensal")!;

describe("the embed area", () => {
  it("answers a plan's button as JSON to any origin, with only what the button shows", async () => {
    const res = await server.app.request("/embed/buttons/aurora-centro/mensal", {
      headers: { origin: "https://studio-site.example" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await res.json()).toEqual({
      onSale: true,
      text: mensal().onlineSale.buttonText,
      design: mensal().onlineSale.buttonDesign,
    });
  });

  it("says a plan off sale, archived or unknown is not on sale", async () => {
    await server.tessera.plans.update(mensal().id, {
      onlineSale: { ...mensal().onlineSale, enabled: false },
    });
    for (const path of [
      "aurora-centro/mensal",
      "aurora-centro/no-such-plan",
      "no-such-unit/mensal",
      "aurora-centro/..%2F",
    ]) {
      const res = await server.app.request(`/embed/buttons/${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ onSale: false });
    }
  });

  it("serves the script with the bounds of every size from core's schema", async () => {
    const res = await server.app.request("/embed/button.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    const script = await res.text();
    expect(script).not.toContain("TESSERA_LIMITS");
    expect(script).not.toContain("innerHTML");
    const limits = JSON.parse(/const limits = (\{.*?\});/.exec(script)![1]!);
    expect(limits).toEqual(buttonDesignLimits);
    // The bounds the script gets are the schema's own: one inside each, one outside.
    const base = buttonDesignSchema.parse({});
    for (const [name, { min, max, optional }] of Object.entries(buttonDesignLimits)) {
      expect(buttonDesignSchema.safeParse({ ...base, [name]: min }).success, name).toBe(true);
      expect(buttonDesignSchema.safeParse({ ...base, [name]: max }).success, name).toBe(true);
      expect(buttonDesignSchema.safeParse({ ...base, [name]: min - 1 }).success, name).toBe(false);
      expect(buttonDesignSchema.safeParse({ ...base, [name]: max + 1 }).success, name).toBe(false);
      expect(buttonDesignSchema.safeParse({ ...base, [name]: null }).success, name).toBe(optional);
    }
  });
});
