import { decimalString, type InterCharge } from "./inter-books";

/**
 * A charge as the API shows it: `GET /cobrancas/{codigoSolicitacao}` (recuperar,
 * `CobrancaDetalhadaResponseBody`: `valorNominal` a NUMBER) and an item of `GET /cobrancas`
 * (listar, `CobrancaResponse`: `valorNominal` a STRING, a short payer). `boleto` and `pix`
 * appear only once the charge is issued; `valorTotalRecebido` (a string) only once received.
 */

function received(charge: InterCharge): Record<string, unknown> {
  return {
    ...(charge.situacao === "RECEBIDO" || charge.situacao === "MARCADO_RECEBIDO"
      ? { valorTotalRecebido: decimalString(charge.collected) }
      : {}),
    ...(charge.origemRecebimento === undefined ? {} : { origemRecebimento: charge.origemRecebimento }),
  };
}

function codes(charge: InterCharge): Record<string, unknown> {
  return {
    ...(charge.boleto === undefined ? {} : { boleto: { ...charge.boleto } }),
    ...(charge.pix === undefined ? {} : { pix: { ...charge.pix } }),
  };
}

export function recuperarView(charge: InterCharge): Record<string, unknown> {
  const { desconto, multa, mora, notaFiscal } = charge.terms;
  return {
    cobranca: {
      codigoSolicitacao: charge.codigoSolicitacao,
      seuNumero: charge.seuNumero,
      dataEmissao: charge.dataEmissao,
      dataVencimento: charge.dataVencimento,
      valorNominal: charge.amount / 100,
      tipoCobranca: "SIMPLES",
      situacao: charge.situacao,
      dataSituacao: charge.dataSituacao,
      ...received(charge),
      ...(charge.motivoCancelamento === undefined ? {} : { motivoCancelamento: charge.motivoCancelamento }),
      arquivada: false,
      ...(desconto === undefined ? {} : { descontos: [desconto] }),
      ...(multa === undefined ? {} : { multa }),
      ...(mora === undefined ? {} : { mora }),
      pagador: { ...charge.pagador },
    },
    ...codes(charge),
    ...(notaFiscal === undefined ? {} : { notaFiscal }),
  };
}

export function listItemView(charge: InterCharge): Record<string, unknown> {
  return {
    cobranca: {
      codigoSolicitacao: charge.codigoSolicitacao,
      seuNumero: charge.seuNumero,
      situacao: charge.situacao,
      dataSituacao: charge.dataSituacao,
      dataEmissao: charge.dataEmissao,
      dataVencimento: charge.dataVencimento,
      valorNominal: decimalString(charge.amount),
      ...received(charge),
      tipoCobranca: "SIMPLES",
      pagador: { nome: charge.pagador["nome"], cpfCnpj: charge.pagador["cpfCnpj"] },
    },
    ...codes(charge),
  };
}
