import { invalidAnswer, jsonAnswer, notFoundAnswer, refusedAnswer } from "./inter-answer";
import type { InterCharge, OrigemRecebimento } from "./inter-books";
import type { InterContext } from "./inter-context";
import { completeCancel, notify, payCharge, payRefusal } from "./inter-lifecycle";
import { boletoPdf } from "./inter-pdf";
import type { InterRoute } from "./inter-route";
import { queryViolations } from "./inter-schemas";
import { recuperarView } from "./inter-views";
import { listCharges } from "./list-query";

/**
 * The operations on one charge: recuperar, cancelar (202, completed later), pdf, and the
 * sandbox's pagar; and the list. An unknown `codigoSolicitacao` is Inter's 404.
 */

function found(context: InterContext, codigoSolicitacao: string | undefined): InterCharge | undefined {
  return codigoSolicitacao === undefined ? undefined : context.books.charges.get(codigoSolicitacao);
}

const recuperar: InterRoute = {
  method: "GET",
  path: "/cobrancas/{codigoSolicitacao}",
  scope: "boleto-cobranca.read",
  handle({ params }, context) {
    const charge = found(context, params["codigoSolicitacao"]);
    if (charge === undefined) return notFoundAnswer();
    // Inter cancels asynchronously: the mock lets a cancel accepted earlier land when the charge is next read.
    completeCancel(context, charge);
    return jsonAnswer(200, recuperarView(charge));
  },
};

const listar: InterRoute = {
  method: "GET",
  path: "/cobrancas",
  scope: "boleto-cobranca.read",
  handle({ query }, context) {
    const violations = queryViolations(query);
    if (violations.length > 0) return invalidAnswer(violations, context.clock.now());
    const dataInicial = query.get("dataInicial") ?? "";
    const dataFinal = query.get("dataFinal") ?? "";
    if (dataFinal < dataInicial) {
      return refusedAnswer(
        "A data final deve ser igual ou posterior à data inicial.",
        context.clock.now(),
        "dataFinal",
        dataFinal,
      );
    }
    return jsonAnswer(200, listCharges([...context.books.charges.values()], query));
  },
};

/** Situations a cancel is accepted in: a charge still to be received. */
const cancellable = new Set(["A_RECEBER", "ATRASADO"]);

const cancelar: InterRoute = {
  method: "POST",
  path: "/cobrancas/{codigoSolicitacao}/cancelar",
  scope: "boleto-cobranca.write",
  body: "CancelarCobrancaRequestBody",
  handle({ params, body }, context) {
    const charge = found(context, params["codigoSolicitacao"]);
    if (charge === undefined) return notFoundAnswer();
    if (!cancellable.has(charge.situacao) || charge.cancelPending) {
      const reason = charge.cancelPending ? "já tem um cancelamento em andamento" : `está ${charge.situacao}`;
      return refusedAnswer(
        `A cobrança ${reason} e não pode ser cancelada.`,
        context.clock.now(),
        "codigoSolicitacao",
        charge.codigoSolicitacao,
      );
    }
    charge.cancelPending = true;
    charge.motivoCancelamento = (body as { motivoCancelamento: string }).motivoCancelamento;
    return { status: 202 };
  },
};

const pdf: InterRoute = {
  method: "GET",
  path: "/cobrancas/{codigoSolicitacao}/pdf",
  scope: "boleto-cobranca.read",
  handle({ params }, context) {
    const charge = found(context, params["codigoSolicitacao"]);
    if (charge === undefined) return notFoundAnswer();
    // The spec declares 400 and 404; a charge with no boleto yet has nothing to print: 400.
    if (charge.boleto === undefined) {
      return refusedAnswer(
        `A cobrança está ${charge.situacao} e ainda não tem boleto emitido.`,
        context.clock.now(),
        "codigoSolicitacao",
        charge.codigoSolicitacao,
      );
    }
    return jsonAnswer(200, { pdf: boletoPdf(charge, context.beneficiary.nome).toString("base64") });
  },
};

const pagar: InterRoute = {
  method: "POST",
  path: "/cobrancas/{codigoSolicitacao}/pagar",
  scope: "boleto-cobranca.write",
  body: "PagamentoCobrancaRequestBody",
  handle({ params, body }, context) {
    const charge = found(context, params["codigoSolicitacao"]);
    if (charge === undefined) return notFoundAnswer();
    const refusal = payRefusal(charge);
    if (refusal !== null)
      return refusedAnswer(refusal, context.clock.now(), "codigoSolicitacao", charge.codigoSolicitacao);
    payCharge(context, charge, (body as { pagarCom: OrigemRecebimento }).pagarCom);
    return { status: 204, afterAnswer: () => notify(context, [charge]) };
  },
};

export const chargeRoutes: readonly InterRoute[] = [listar, recuperar, cancelar, pdf, pagar];
