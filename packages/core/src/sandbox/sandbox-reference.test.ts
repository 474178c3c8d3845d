import { describe, expect, it } from "vitest";
import { newSandboxReference } from "./sandbox-reference";

describe("newSandboxReference", () => {
  it("makes prefixed 96-bit hex references, all different across many pool refills", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const reference = newSandboxReference("sbxpay");
      expect(reference).toMatch(/^sbxpay_[0-9a-f]{24}$/);
      seen.add(reference);
    }
    expect(seen.size).toBe(5000);
  });
});
