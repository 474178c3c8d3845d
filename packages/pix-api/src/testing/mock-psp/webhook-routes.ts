import { problemOf } from "./api-pix-problem";
import { jsonAnswer, problemAnswer } from "./psp-answer";
import type { PspRoute } from "./psp-route";

/**
 * `PUT|GET|DELETE /webhook/{chave}`: one webhook per key of this receiver. The Manual asks the
 * receiver's endpoint to serve HTTPS with mutual TLS, so an `http:` URL is refused.
 */

function notTheReceiversKey(chave: string) {
  return problemAnswer(
    problemOf("WebhookOperacaoInvalida", {
      violacoes: [
        {
          razao: "O parâmetro {chave} não corresponde a uma chave DICT pertencente a este usuário recebedor.",
          propriedade: "chave",
          valor: chave,
        },
      ],
    }),
  );
}

export const webhookRoutes: readonly PspRoute[] = [
  {
    method: "PUT",
    path: "/webhook/{chave}",
    resource: "webhook",
    invalid: "WebhookOperacaoInvalida",
    handle(request, context) {
      const chave = request.params["chave"]!;
      if (chave !== context.chave) return notTheReceiversKey(chave);
      const { webhookUrl } = request.body as { webhookUrl: string };
      if (!webhookUrl.startsWith("https://")) {
        return problemAnswer(
          problemOf("WebhookOperacaoInvalida", {
            violacoes: [
              {
                razao: "Campo webhook.webhookUrl não respeita o _schema_: HTTPS é exigido.",
                propriedade: "webhook.webhookUrl",
                valor: webhookUrl,
              },
            ],
          }),
        );
      }
      context.books.webhooks.set(chave, { chave, webhookUrl, criacao: context.clock.now() });
      return { status: 200 };
    },
  },
  {
    method: "GET",
    path: "/webhook/{chave}",
    resource: "webhook",
    invalid: "WebhookNaoEncontrado",
    handle(request, context) {
      const webhook = context.books.webhooks.get(request.params["chave"]!);
      if (webhook === undefined) return problemAnswer(problemOf("WebhookNaoEncontrado"));
      return jsonAnswer(200, {
        webhookUrl: webhook.webhookUrl,
        chave: webhook.chave,
        cnpj: context.holder.cnpj,
        criacao: webhook.criacao,
      });
    },
  },
  {
    method: "DELETE",
    path: "/webhook/{chave}",
    resource: "webhook",
    invalid: "WebhookNaoEncontrado",
    handle(request, context) {
      if (!context.books.webhooks.delete(request.params["chave"]!)) {
        return problemAnswer(problemOf("WebhookNaoEncontrado"));
      }
      return { status: 204 };
    },
  },
];
