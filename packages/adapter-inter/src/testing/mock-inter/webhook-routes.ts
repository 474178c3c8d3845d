import { jsonAnswer, notFoundAnswer } from "./inter-answer";
import type { InterRoute } from "./inter-route";

/**
 * `PUT|GET|DELETE /cobrancas/webhook`: one webhook per account. PUT (`WebhookSolicitado`,
 * an https URL) → 204, replacing any earlier one; GET → `WebhookCompleto`, 404 with none;
 * DELETE → 204, 404 with none.
 */
export const webhookRoutes: readonly InterRoute[] = [
  {
    method: "PUT",
    path: "/cobrancas/webhook",
    scope: "boleto-cobranca.write",
    body: "WebhookSolicitado",
    handle({ body }, context) {
      const now = context.clock.now();
      const webhookUrl = (body as { webhookUrl: string }).webhookUrl;
      context.books.webhook = {
        webhookUrl,
        criacao: context.books.webhook?.criacao ?? now,
        atualizacao: now,
      };
      return { status: 204 };
    },
  },
  {
    method: "GET",
    path: "/cobrancas/webhook",
    scope: "boleto-cobranca.read",
    handle(_request, context) {
      const webhook = context.books.webhook;
      return webhook === null ? notFoundAnswer() : jsonAnswer(200, { ...webhook });
    },
  },
  {
    method: "DELETE",
    path: "/cobrancas/webhook",
    scope: "boleto-cobranca.write",
    handle(_request, context) {
      if (context.books.webhook === null) return notFoundAnswer();
      context.books.webhook = null;
      return { status: 204 };
    },
  },
];
