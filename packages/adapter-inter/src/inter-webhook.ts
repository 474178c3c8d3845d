import type { Clock, GatewayEvent, Instant, WebhookInput, WebhookParseResult } from "@tessera/core";
import type { CobrancaLookup } from "./cobranca-lookup";
import { mapInterCobranca } from "./mapping";
import { interWebhookBodySchema } from "./schemas";

function instantOr(text: string, fallback: Instant): Instant {
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? fallback : new Date(millis).toISOString();
}

/**
 * Inter's Cobrança callbacks: a JSON array (one object also accepted) posted to the registered
 * URL over mutual TLS with Inter's webhook certificate, which the listener verified below
 * (`verifiedClientCertificate`; core checks its issuer is Inter's CA). The body proves
 * nothing, so each cobrança is looked up and the event says what the lookup says.
 *
 * Event ids are `inter:<codigoSolicitacao>:<situacao>` of the looked-up cobrança: Inter's
 * `x-chave-idempotencia` changes with every dispatch, so it cannot tell a retry from news;
 * a retry, a duplicate and news about a bolepix paid by PIX that also arrived as boleto news
 * all carry one id, and the inbox keeps one.
 */
export function createInterWebhookParser(deps: { lookup: CobrancaLookup; clock: Clock }) {
  return async function parseWebhook(input: WebhookInput): Promise<WebhookParseResult> {
    if (input.verifiedClientCertificate === undefined) {
      return {
        authentic: false,
        reason: "no verified client certificate: Inter's callbacks come over mutual TLS",
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(input.rawBody);
    } catch {
      return { authentic: false, reason: "the body is not JSON" };
    }
    const parsed = interWebhookBodySchema.safeParse(json);
    if (!parsed.success) return { authentic: false, reason: "the body is not a list of cobranças" };
    const items = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    const events: GatewayEvent[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      // A lookup Inter cannot answer now throws: the inbox keeps the body and asks again later.
      const found = await deps.lookup.byId(item.codigoSolicitacao);
      if (found === null) continue;
      const providerEventId = `inter:${found.cobranca.codigoSolicitacao}:${found.cobranca.situacao}`;
      if (seen.has(providerEventId)) continue;
      seen.add(providerEventId);
      events.push({
        providerEventId,
        payment: mapInterCobranca(found),
        idempotencyKey: found.cobranca.seuNumero,
        occurredAt: instantOr(item.dataHoraSituacao, deps.clock.now()),
      });
    }
    return { authentic: true, events };
  };
}
