import { expect, it } from "vitest";
import { sellAPlan } from "./sell-a-plan";

it("runs the quickstart: sells a plan and prints the contract and its installments", async () => {
  const lines: string[] = [];
  const status = await sellAPlan((line) => lines.push(line));
  expect(status).toBe("succeeded");
  expect(lines[0]).toMatch(/^Contract ctr_[0-9A-Z]{26} is active, starting \d{4}-\d{2}-\d{2}$/);
  // Three monthly periods plus the enrollment fee, all printed.
  expect(lines.filter((l) => l.includes("period"))).toHaveLength(3);
  expect(lines.some((l) => l.includes("enrollment_fee") && l.includes("R$") && l.includes("49,00"))).toBe(
    true,
  );
});
