import type { backOfficeApiPtBR } from "./back-office-api.pt-BR";
import type { Message } from "./message-catalog";

/** The JSON API's problem titles in English. */
export const backOfficeApiEn: Record<keyof typeof backOfficeApiPtBR, Message> = {
  "api.problem.forbidden": "This API key’s role may not do this; an owner’s or a manager’s key may.",
  "api.problem.unauthenticated": "Send a valid API key in the Authorization header (Bearer tsk_…).",
  "api.problem.bad_request": "The request is malformed. Correct the fields listed and try again.",
  "api.problem.idempotency_key_required":
    "This operation needs an Idempotency-Key header (8 to 255 ASCII characters, no spaces).",
};
