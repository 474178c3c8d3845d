import type { backOfficeApiPtBR } from "./back-office-api.pt-BR";
import type { Message } from "./message-catalog";

/** The JSON API's problem titles in Russian. */
export const backOfficeApiRu: Record<keyof typeof backOfficeApiPtBR, Message> = {
  "api.problem.forbidden":
    "Роль этого ключа API не позволяет это действие; нужен ключ владельца или менеджера.",
  "api.problem.unauthenticated": "Передайте действующий ключ API в заголовке Authorization (Bearer tsk_…).",
  "api.problem.bad_request": "Запрос составлен неверно. Исправьте указанные поля и повторите.",
  "api.problem.idempotency_key_required":
    "Для этой операции нужен заголовок Idempotency-Key (от 8 до 255 символов ASCII без пробелов).",
};
