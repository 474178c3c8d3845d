import { problemOf } from "./api-pix-problem";
import { jsonAnswer, problemAnswer } from "./psp-answer";
import type { PspRoute } from "./psp-route";
import { pixView } from "./psp-views";

/** `GET /pix/{e2eid}`: one Pix received, with its devoluções. */
const getPix: PspRoute = {
  method: "GET",
  path: "/pix/{e2eid}",
  resource: "pix",
  invalid: "PixNaoEncontrado",
  handle(request, context) {
    const entry = context.books.pix.get(request.params["e2eid"]!);
    if (entry === undefined) return problemAnswer(problemOf("PixNaoEncontrado"));
    return jsonAnswer(200, pixView(entry, context.books));
  },
};

export const pixRoutes: readonly PspRoute[] = [getPix];
