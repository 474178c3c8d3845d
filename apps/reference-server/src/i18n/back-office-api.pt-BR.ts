import type { Message } from "./message-catalog";

/** The JSON API's problem titles in Portuguese (Brazil): what `/api/v1` answers when a request is refused. */
export const backOfficeApiPtBR = {
  "api.problem.forbidden":
    "O papel desta chave de API não permite esta operação; use a chave de um proprietário ou gerente.",
  "api.problem.unauthenticated": "Envie uma chave de API válida no cabeçalho Authorization (Bearer tsk_…).",
  "api.problem.bad_request": "A requisição está malformada. Corrija os campos indicados e tente de novo.",
  "api.problem.idempotency_key_required":
    "Esta operação exige o cabeçalho Idempotency-Key (8 a 255 caracteres ASCII, sem espaços).",
} satisfies Record<string, Message>;
