import type { Tessera } from "@tessera/core";
import type { SandboxGateway } from "@tessera/core/sandbox";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../logging/logger";
import { boletoPdf } from "../payment-step/boleto-pdf";
import { errorResponseFor } from "./error-responses";
import { sandboxBoletoDocument } from "./sandbox-boleto-document";

/** A card is a few hundred bytes of JSON; anything near this is not one. */
const maxCardBodyBytes = 16 * 1024;

/** Errors as the sandbox's own endpoints answer them: JSON `{ error: { code, message } }`. */
function sandboxErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const { status, code } = errorResponseFor(error);
    if (status >= 500) logger.error("sandbox request failed", { path: c.req.path, status, code, err: error });
    // The exception's own text is written for developers: the log has it, the answer does not.
    const message =
      status >= 500 ? "The sandbox could not answer; try again." : "The sandbox refused this request.";
    return c.json({ error: { code, message } }, status as ContentfulStatusCode);
  };
}

/**
 * `/sandbox` — what a real provider serves from its own servers, served by this one for
 * the sandbox gateway; mounted only when the sandbox is registered.
 *
 * `POST /sandbox/card-tokens` (and its `OPTIONS` preflight) is the sandbox's browser
 * tokenization endpoint, what Cielo's Silent Order Post is in production: the checkout page
 * posts the card here with the access token from `cardTokenizationSession`, and gets a
 * card token back, so the card never reaches Tessera's own routes
 * (`handleTokenizationRequest`, at the sandbox's default `tokenizationEndpointUrl`). Other
 * methods get the endpoint's own 405.
 *
 * `GET /sandbox/boletos/:reference.pdf` is a sandbox boleto's PDF, where its payer action's
 * `pdfUrl` points (`composeGateways` sets the sandbox's `boletoPdfBaseUrl`): one A4 page marked as a sandbox boleto
 * (`boletoPdf`, over `sandboxBoletoDocument`), `inline` so the browser shows it, never
 * cached (it names the payer and their CPF). 404 JSON for a reference the sandbox did not
 * issue as a boleto of one of Tessera's payments. The reference (96 random bits) is the
 * only key, as with a provider's boleto link.
 */
export function sandboxArea(deps: { tessera: Tessera; sandbox: SandboxGateway; logger: Logger }): Hono {
  const area = new Hono();
  area.use(
    "/card-tokens",
    bodyLimit({
      maxSize: maxCardBodyBytes,
      onError: (c) =>
        c.json({ error: { code: "payload_too_large", message: "A card is a small JSON object." } }, 413),
    }),
  );
  area.all("/card-tokens", (c) => deps.sandbox.sandbox.handleTokenizationRequest(c.req.raw));

  area.get("/boletos/:file{[0-9A-Za-z_-]+\\.pdf}", async (c) => {
    const reference = c.req.param("file").slice(0, -".pdf".length);
    const boleto = await sandboxBoletoDocument(deps, reference);
    if (boleto === null) {
      return c.json(
        { error: { code: "not_found", message: "The sandbox issued no boleto with this reference." } },
        404,
      );
    }
    return c.body(await boletoPdf(boleto), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="boleto-${reference}.pdf"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  area.onError(sandboxErrorHandler(deps.logger));
  return area;
}
