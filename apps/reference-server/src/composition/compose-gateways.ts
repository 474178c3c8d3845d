import type { Clock, Gateway } from "@tessera/core";
import { createSandboxGateway, type SandboxGateway } from "@tessera/core/sandbox";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";

/** The gateways the server registers with `createTessera({ gateways })`, and the sandbox among them. */
export interface ComposedGateways {
  gateways: Gateway[];
  /** The sandbox when it is registered: the scheduler drives its clock and takes its notifications. */
  sandbox: SandboxGateway | null;
}

/**
 * Builds the gateways from the configuration. Today only the sandbox (id `sandbox`, what
 * the demo's payment methods name), paying a PIX or boleto by itself after
 * `sandboxAutoPayMs` so a demo purchase completes on its own. It gets no `webhookUrl`: it
 * lives in this process, and the scheduler hands its signed notifications to the same
 * inbox `POST /webhooks/sandbox` feeds, with no socket and no address to know in advance.
 * Its boletos link their PDF to `/sandbox/boletos/<reference>.pdf`, which the app's sandbox
 * area serves: under `publicUrl` when it is set (a link in an e-mail needs the origin),
 * root-relative otherwise (the checkout page links it from this server's own origin).
 */
export function composeGateways(
  config: ServerConfig,
  deps: { clock: Clock; logger: Logger },
): ComposedGateways {
  const log = deps.logger.child({ gateway: "sandbox" });
  const sandbox = createSandboxGateway({
    clock: deps.clock,
    ...(config.sandboxAutoPayMs === null ? {} : { autoPayAfterMs: config.sandboxAutoPayMs }),
    boletoPdfBaseUrl: `${(config.publicUrl ?? "/").replace(/\/$/, "")}/sandbox/boletos`,
    log: (entry) => log[entry.level](entry.message, { ...entry.data }),
  });
  return { gateways: [sandbox], sandbox };
}
