import { problemOf } from "./api-pix-problem";
import { settleDevolucao } from "./devolucao-settlement";
import { centavosOfValor } from "./pix-amount";
import { jsonAnswer, problemAnswer } from "./psp-answer";
import type { DevolucaoEntry } from "./psp-books";
import { newReturnId } from "./psp-ids";
import type { PspRoute } from "./psp-route";
import { devolucaoView } from "./psp-views";

/**
 * `PUT|GET /pix/{e2eid}/devolucao/{id}`. A devolução is refused (`PixDevolucaoInvalida`, spec
 * catalogue) when its id was used before for this Pix — even with the same body —, when it and
 * the earlier ones would exceed the Pix, or after 90 days from the Pix's settlement.
 */

/** Days after a Pix within which it may be refunded (spec catalogue, `PixDevolucaoInvalida`). */
export const refundWindowDays = 90;
const dayMs = 86_400_000;

const putDevolucao: PspRoute = {
  method: "PUT",
  path: "/pix/{e2eid}/devolucao/{id}",
  resource: "devolucao",
  invalid: "PixDevolucaoInvalida",
  handle(request, context) {
    const e2eid = request.params["e2eid"]!;
    const id = request.params["id"]!;
    const pix = context.books.pix.get(e2eid);
    if (pix === undefined) return problemAnswer(problemOf("PixNaoEncontrado"));
    const body = request.body as { valor: string; natureza?: "ORIGINAL" | "RETIRADA"; descricao?: string };
    const earlier = context.books.devolucoes.get(e2eid) ?? new Map<string, DevolucaoEntry>();
    const valor = centavosOfValor(body.valor);
    const refused = (razao: string, propriedade: string, value?: string) =>
      problemAnswer(
        problemOf("PixDevolucaoInvalida", {
          violacoes: [{ razao, propriedade, ...(value === undefined ? {} : { valor: value }) }],
        }),
      );
    if (earlier.has(id)) {
      return refused(
        "A presente requisição de devolução apresenta um {id} já utilizado por outra requisição de devolução para o {e2eid} em questão.",
        "id",
        id,
      );
    }
    if (valor === 0) return refused("O campo devolucao.valor é zero.", "devolucao.valor", body.valor);
    const given = [...earlier.values()]
      .filter((entry) => entry.status !== "NAO_REALIZADO")
      .reduce((sum, entry) => sum + entry.valor, 0);
    if (given + valor > pix.valor) {
      return refused(
        "A presente requisição de devolução, em conjunto com as demais prévias devoluções, excederia o valor do pix originário.",
        "devolucao.valor",
        body.valor,
      );
    }
    if (Date.parse(context.clock.now()) - Date.parse(pix.horario) > refundWindowDays * dayMs) {
      return refused(
        "A presente requisição de devolução viola a janela de tempo permitida para solicitações de devoluções de um pix (90 dias desde a data de liquidação original do pix).",
        "e2eid",
        e2eid,
      );
    }
    // RETIRADA returns a Pix Saque/Troco's withdrawal part; the mock's payers never withdraw.
    if (body.natureza === "RETIRADA") {
      return refused(
        "O Pix não contém valor de saque ou troco a devolver.",
        "devolucao.natureza",
        body.natureza,
      );
    }
    const fault = context.faults.nextRefund;
    context.faults.nextRefund = null;
    const entry: DevolucaoEntry = {
      endToEndId: e2eid,
      id,
      rtrId: newReturnId(context.clock.now()),
      valor,
      natureza: "ORIGINAL",
      ...(body.descricao === undefined ? {} : { descricao: body.descricao }),
      status: "EM_PROCESSAMENTO",
      solicitacao: context.clock.now(),
    };
    earlier.set(id, entry);
    context.books.devolucoes.set(e2eid, earlier);
    if (fault === "refuse_at_once") {
      settleDevolucao(context, entry, "NAO_REALIZADO");
      return jsonAnswer(201, devolucaoView(entry));
    }
    const answer = jsonAnswer(201, devolucaoView(entry));
    if (fault === "hold") return answer;
    // The payer's PSP answers the SPI at once here: the devolução settles as soon as it is acknowledged.
    return {
      ...answer,
      afterAnswer: () => settleDevolucao(context, entry, fault === "refuse" ? "NAO_REALIZADO" : "DEVOLVIDO"),
    };
  },
};

const getDevolucao: PspRoute = {
  method: "GET",
  path: "/pix/{e2eid}/devolucao/{id}",
  resource: "devolucao",
  invalid: "PixDevolucaoNaoEncontrada",
  handle(request, context) {
    const entry = context.books.devolucoes.get(request.params["e2eid"]!)?.get(request.params["id"]!);
    if (entry === undefined) return problemAnswer(problemOf("PixDevolucaoNaoEncontrada"));
    return jsonAnswer(200, devolucaoView(entry));
  },
};

export const devolucaoRoutes: readonly PspRoute[] = [putDevolucao, getDevolucao];
