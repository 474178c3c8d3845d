import { json, type MockAnswer } from "./loopback-server";

/** Cielo's 400 body: an array of `{Code, Message}` (manual "Erros de integração"). */
export function cieloError(code: number, message: string, status = 400): MockAnswer {
  return json(status, [{ Code: code, Message: message }]);
}

/** Cielo answers a refused MerchantId/MerchantKey with a bare 401 (check: the manual shows no body). */
export const unauthorized: MockAnswer = { status: 401 };
