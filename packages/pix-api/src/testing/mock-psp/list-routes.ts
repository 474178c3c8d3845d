import { problemOf } from "./api-pix-problem";
import { inWindow, listWindow, pageOf } from "./list-query";
import { jsonAnswer, problemAnswer } from "./psp-answer";
import type { PspRoute } from "./psp-route";
import { chargeView, pixView } from "./psp-views";

/** `GET /cob?inicio&fim` (immediate charges made in the window) and `GET /pix?inicio&fim` (Pix received in it). */

function documentOf(devedor: Record<string, unknown> | undefined): { cpf?: unknown; cnpj?: unknown } {
  return devedor ?? {};
}

const listCobs: PspRoute = {
  method: "GET",
  path: "/cob",
  resource: "cob",
  invalid: "CobConsultaInvalida",
  handle(request, context) {
    const parsed = listWindow(request.query);
    if ("violacoes" in parsed)
      return problemAnswer(problemOf("CobConsultaInvalida", { violacoes: parsed.violacoes }));
    const { window } = parsed;
    const status = request.query.get("status");
    const cpf = request.query.get("cpf");
    const cnpj = request.query.get("cnpj");
    const locationPresente = request.query.get("locationPresente");
    const cobs = [...context.books.charges.values()].filter((charge) => {
      if (charge.kind !== "cob" || !inWindow(window, charge.criacao)) return false;
      const devedor = documentOf(charge.revisions[charge.revisions.length - 1]?.devedor);
      if (status !== null && charge.status !== status) return false;
      if (cpf !== null && devedor.cpf !== cpf) return false;
      if (cnpj !== null && devedor.cnpj !== cnpj) return false;
      // Every charge the mock makes has a location, so only "false" filters them all out.
      return locationPresente !== "false";
    });
    const filters = {
      ...(status === null ? {} : { status }),
      ...(cpf === null ? {} : { cpf }),
      ...(cnpj === null ? {} : { cnpj }),
      ...(locationPresente === null ? {} : { locationPresente: locationPresente === "true" }),
    };
    const { parametros, page } = pageOf(window, cobs, filters);
    return jsonAnswer(200, {
      parametros,
      cobs: page.map((charge) => chargeView(charge, context.books, context.holder, "complete")),
    });
  },
};

const listPix: PspRoute = {
  method: "GET",
  path: "/pix",
  resource: "pix",
  invalid: "PixConsultaInvalida",
  handle(request, context) {
    const parsed = listWindow(request.query);
    if ("violacoes" in parsed)
      return problemAnswer(problemOf("PixConsultaInvalida", { violacoes: parsed.violacoes }));
    const { window } = parsed;
    const txid = request.query.get("txid");
    const txIdPresente = request.query.get("txIdPresente");
    const devolucaoPresente = request.query.get("devolucaoPresente");
    const pix = [...context.books.pix.values()].filter((entry) => {
      if (!inWindow(window, entry.horario)) return false;
      // The mock's payers carry no document, so a payer CPF or CNPJ filter matches none.
      if (request.query.has("cpf") || request.query.has("cnpj")) return false;
      if (txid !== null && entry.txid !== txid) return false;
      if (txIdPresente !== null && (entry.txid !== null) !== (txIdPresente === "true")) return false;
      const refunded = (context.books.devolucoes.get(entry.endToEndId)?.size ?? 0) > 0;
      return devolucaoPresente === null || refunded === (devolucaoPresente === "true");
    });
    const filters = {
      ...(txid === null ? {} : { txid }),
      ...(txIdPresente === null ? {} : { txIdPresente: txIdPresente === "true" }),
      ...(devolucaoPresente === null ? {} : { devolucaoPresente: devolucaoPresente === "true" }),
    };
    const { parametros, page } = pageOf(window, pix, filters);
    return jsonAnswer(200, { parametros, pix: page.map((entry) => pixView(entry, context.books)) });
  },
};

export const listRoutes: readonly PspRoute[] = [listCobs, listPix];
