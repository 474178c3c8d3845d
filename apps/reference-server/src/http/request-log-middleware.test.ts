import { describe, expect, it } from "vitest";
import { loggablePath } from "./request-log-middleware";

describe("the request log's path", () => {
  it("keeps a checkout link's id and drops the token that opens it", () => {
    expect(loggablePath("/checkout/pay_01M8TW3CBPB9BE2F6QF7WGNAS5/3jv7qBLwqJ9FZmJwcyVdV6")).toBe(
      "/checkout/pay_01M8TW3CBPB9BE2F6QF7WGNAS5/[token]",
    );
    expect(loggablePath("/checkout/pay_01M8TW3CBPB9BE2F6QF7WGNAS5/3jv7qBLwqJ9FZmJwcyVdV6/status")).toBe(
      "/checkout/pay_01M8TW3CBPB9BE2F6QF7WGNAS5/[token]/status",
    );
  });

  it("leaves other paths as they are", () => {
    expect(loggablePath("/u/aurora-centro/mensal")).toBe("/u/aurora-centro/mensal");
    expect(loggablePath("/webhooks/sandbox")).toBe("/webhooks/sandbox");
  });
});
