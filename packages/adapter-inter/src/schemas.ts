import { z } from "zod";

/**
 * Banco Inter Cobrança v3 payloads, parsed leniently: the sandbox answers numbers as strings
 * (`"valorTotalRecebido": "2.5"`, cobranca-webhook-callback-recebido-boleto-sandbox-observed.json)
 * and words outside the published enums (`"origemRecebimento": "RECEBIDO_BOLETO"`, where the
 * OpenAPI lists `BOLETO | PIX`), so those fields are kept as given and read where they are used.
 */

/** A decimal amount that Inter sends as a JSON number or as a string. */
export const interDecimalSchema = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform(Number);

/** The situations of a cobrança (OpenAPI `situacao`); unknown words are kept and mapped to `unknown`. */
export const interSituacoes = [
  "EM_PROCESSAMENTO",
  "A_RECEBER",
  "ATRASADO",
  "RECEBIDO",
  "MARCADO_RECEBIDO",
  "CANCELADO",
  "EXPIRADO",
  "FALHA_EMISSAO",
  "PROTESTO",
] as const;
export type InterSituacao = (typeof interSituacoes)[number];

/** `POST /cobranca/v3/cobrancas` → 200: only the request id; the boleto is issued later. */
export const interEmitResponseSchema = z.looseObject({ codigoSolicitacao: z.string().min(1) });

/** `cobranca` of `GET /cobranca/v3/cobrancas/{codigoSolicitacao}`. */
export const interCobrancaSchema = z.looseObject({
  codigoSolicitacao: z.string().min(1),
  seuNumero: z.string(),
  situacao: z.string(),
  dataEmissao: z.string().optional(),
  dataVencimento: z.string(),
  dataSituacao: z.string().optional(),
  valorNominal: interDecimalSchema,
  valorTotalRecebido: interDecimalSchema.optional(),
  origemRecebimento: z.string().optional(),
});

/** `GET /cobranca/v3/cobrancas/{codigoSolicitacao}` → 200 (cobranca-recuperar-response.json). */
export const interRecuperarResponseSchema = z.looseObject({
  cobranca: interCobrancaSchema,
  boleto: z
    .looseObject({
      nossoNumero: z.string().optional(),
      codigoBarras: z.string(),
      linhaDigitavel: z.string(),
    })
    .optional(),
  pix: z.looseObject({ txid: z.string().optional(), pixCopiaECola: z.string() }).optional(),
});
export type InterRecuperarResponse = z.infer<typeof interRecuperarResponseSchema>;

/** `GET /cobranca/v3/cobrancas` → 200, one page (cobranca-listar-response.json). */
export const interListarResponseSchema = z.looseObject({
  totalPaginas: z.number().int().optional(),
  totalElementos: z.number().int().optional(),
  ultimaPagina: z.boolean().optional(),
  primeiraPagina: z.boolean().optional(),
  cobrancas: z.array(interRecuperarResponseSchema),
});

/** One item of a webhook callback, which Inter posts as a JSON array (also accepted alone). */
export const interWebhookItemSchema = z.looseObject({
  codigoSolicitacao: z.string().min(1),
  seuNumero: z.string().optional(),
  situacao: z.string(),
  dataHoraSituacao: z.string(),
  valorTotalRecebido: interDecimalSchema.optional(),
  origemRecebimento: z.string().optional(),
});
export const interWebhookBodySchema = z.union([z.array(interWebhookItemSchema), interWebhookItemSchema]);

/** Inter's error body: RFC 7807-like but without `type` (cobranca-error-400-dados-invalidos.json). */
export const interErrorSchema = z.looseObject({
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  violacoes: z
    .array(
      z.looseObject({
        razao: z.string().optional(),
        propriedade: z.string().optional(),
        valor: z.unknown().optional(),
      }),
    )
    .optional(),
});
export type InterError = z.infer<typeof interErrorSchema>;
