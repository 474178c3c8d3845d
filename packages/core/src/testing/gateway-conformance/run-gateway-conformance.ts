import { describe, it } from "vitest";
import type { GatewayPayer } from "../../ports/gateway";
import type { GatewayHarness } from "./gateway-harness";
import {
  type GatewayScenarioId,
  gatewayScenarios,
  type SkippableGatewayScenarioId,
  unskippableGatewayScenarios,
} from "./gateway-scenarios";
import { defaultConformancePayer, type GatewayScenario, scenarioContext } from "./scenario-kit";

export interface GatewayConformanceOptions {
  /** Shown in the report: `gateway conformance: <name>`. */
  name: string;
  /** A fresh gateway and provider for each scenario (a mock server on a new port, a new sandbox). */
  createHarness(): Promise<GatewayHarness>;
  /**
   * Scenarios this gateway cannot pass, each with the reason; type-checked against the
   * scenario ids. Declarations and lookup by our reference cannot be skipped.
   */
  skip?: Partial<Record<SkippableGatewayScenarioId, string>>;
  /** The payer of every payment; the default has a valid CPF and a São Paulo address. */
  payer?: GatewayPayer;
}

/**
 * The gateway conformance suite: every adapter package runs it against its loopback mock
 * server, and the sandbox against itself. Each scenario proves one rule of the port
 * (`ports/gateway.ts`) and checks it through the provider's own records, never by the
 * adapter agreeing with itself. Scenarios for abilities a gateway does not declare are
 * reported as skipped, with the reason.
 *
 * @example
 * ```ts
 * // packages/adapter-cielo/src/cielo-gateway.conformance.test.ts
 * runGatewayConformance({
 *   name: "cielo",
 *   createHarness: async () => createCieloHarness(await startCieloMockServer()),
 *   skip: { idempotentCreateChargesOnce: "Cielo creates a second sale for a repeated MerchantOrderId" },
 * });
 * ```
 */
export function runGatewayConformance(options: GatewayConformanceOptions): void {
  const payer = options.payer ?? defaultConformancePayer;
  const skips: Partial<Record<GatewayScenarioId, string>> = options.skip ?? {};
  for (const id of unskippableGatewayScenarios) {
    if (skips[id] !== undefined)
      throw new Error(`The gateway conformance scenario "${id}" cannot be skipped.`);
  }
  describe(`gateway conformance: ${options.name}`, () => {
    for (const [id, scenario] of Object.entries(gatewayScenarios) as [GatewayScenarioId, GatewayScenario][]) {
      const title = `${id}: ${scenario.title}`;
      const reason = skips[id];
      if (reason !== undefined) {
        it.skip(`${title} — skipped: ${reason}`, () => {});
        continue;
      }
      it(title, async (test) => {
        const harness = await options.createHarness();
        try {
          await scenario.run(scenarioContext(harness, payer, (why) => test.skip(why)));
        } finally {
          await harness.close?.();
        }
      });
    }
  });
}
