import { z } from "zod";

/**
 * API Pix 2.9.0 answers, as the client reads them. Lenient by design (STYLE 14, Active
 * Merchant's lesson): every field the client uses is checked, every other field is kept as
 * sent and never refused, since PSPs add fields of their own and the spec's examples break
 * its own schemas. Amounts stay the spec's decimal text; `pix-amount.ts` reads them.
 */

const valorText = z.string().regex(/^\d{1,13}\.\d{2}$/, "an amount with two decimals");

export const cobStatusSchema = z.enum([
  "ATIVA",
  "CONCLUIDA",
  "REMOVIDA_PELO_USUARIO_RECEBEDOR",
  "REMOVIDA_PELO_PSP",
]);
export type CobStatus = z.infer<typeof cobStatusSchema>;

export const devolucaoStatusSchema = z.enum(["EM_PROCESSAMENTO", "DEVOLVIDO", "NAO_REALIZADO"]);
export type DevolucaoStatus = z.infer<typeof devolucaoStatusSchema>;

/** `Devolucao`: one refund of one Pix. */
export const devolucaoSchema = z.looseObject({
  id: z.string(),
  rtrId: z.string().optional(),
  valor: valorText,
  natureza: z.string().optional(),
  descricao: z.string().optional(),
  horario: z
    .looseObject({ solicitacao: z.string().optional(), liquidacao: z.string().optional() })
    .optional(),
  status: devolucaoStatusSchema,
  motivo: z.string().optional(),
});
export type Devolucao = z.infer<typeof devolucaoSchema>;

/** `Pix`: one payment received, with its refunds. */
export const pixSchema = z.looseObject({
  endToEndId: z.string().min(1),
  txid: z.string().optional(),
  valor: valorText,
  chave: z.string().optional(),
  horario: z.string(),
  infoPagador: z.string().optional(),
  devolucoes: z.array(devolucaoSchema).optional(),
});
export type Pix = z.infer<typeof pixSchema>;

const payerSchema = z.looseObject({
  cpf: z.string().optional(),
  cnpj: z.string().optional(),
  nome: z.string().optional(),
});

/** `CobCompleta` / `CobGerada`: an immediate charge. */
export const cobSchema = z.looseObject({
  txid: z.string(),
  revisao: z.number().optional(),
  calendario: z.looseObject({ criacao: z.string(), expiracao: z.number().optional() }),
  status: cobStatusSchema,
  devedor: payerSchema.optional(),
  valor: z.looseObject({ original: valorText }),
  chave: z.string().optional(),
  loc: z.looseObject({ location: z.string().optional() }).optional(),
  location: z.string().optional(),
  pixCopiaECola: z.string().optional(),
  solicitacaoPagador: z.string().optional(),
  pix: z.array(pixSchema).optional(),
});
export type Cob = z.infer<typeof cobSchema>;

/** `CobVCompleta` / `CobVGerada`: a charge with a due date. */
export const cobvSchema = z.looseObject({
  txid: z.string(),
  revisao: z.number().optional(),
  calendario: z.looseObject({
    criacao: z.string(),
    dataDeVencimento: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validadeAposVencimento: z.number().optional(),
  }),
  status: cobStatusSchema,
  devedor: payerSchema.optional(),
  valor: z.looseObject({ original: valorText }),
  chave: z.string().optional(),
  loc: z.looseObject({ location: z.string().optional() }).optional(),
  location: z.string().optional(),
  pixCopiaECola: z.string().optional(),
  pix: z.array(pixSchema).optional(),
});
export type Cobv = z.infer<typeof cobvSchema>;

/** `GET /pix`: received Pix in a window, paged. */
export const pixListSchema = z.looseObject({
  parametros: z.looseObject({}).optional(),
  pix: z.array(pixSchema),
});
export type PixList = z.infer<typeof pixListSchema>;

/** `GET /webhook/{chave}`. */
export const webhookSchema = z.looseObject({
  webhookUrl: z.string(),
  chave: z.string().optional(),
  criacao: z.string().optional(),
});
export type PixWebhook = z.infer<typeof webhookSchema>;

/** The spec's `application/problem+json` (`type`, `title`, `status` required). */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  correlationId: z.string().optional(),
  violacoes: z
    .array(z.looseObject({ razao: z.string(), propriedade: z.string(), valor: z.string().optional() }))
    .optional(),
});
export type PixProblem = z.infer<typeof problemSchema>;
