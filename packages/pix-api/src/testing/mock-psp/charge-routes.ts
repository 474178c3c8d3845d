import type { RouteRequest } from "../mtls/route-match";
import { problemOf } from "./api-pix-problem";
import { canonicalJson, chargeTermViolations, createCharge, termsOf } from "./charge-creation";
import { jsonAnswer, problemAnswer } from "./psp-answer";
import { type ChargeKind, currentTerms } from "./psp-books";
import type { PspContext } from "./psp-context";
import { newPspTxid } from "./psp-ids";
import type { PspRoute, RouteAnswer } from "./psp-route";
import { chargeView } from "./psp-views";

/**
 * `PUT`, `PATCH` and `GET /cob/{txid}`, `POST /cob`, and the same for `/cobv/{txid}`: the two
 * kinds differ in their schemas (checked before these run) and error types only.
 */

const errors = {
  cob: { invalid: "CobOperacaoInvalida", notFound: "CobNaoEncontrado", query: "CobConsultaInvalida" },
  cobv: { invalid: "CobVOperacaoInvalida", notFound: "CobVNaoEncontrada", query: "CobVConsultaInvalida" },
} as const;

/**
 * `PUT /{kind}/{txid}`: creates the charge; repeated with the same body it answers the same
 * charge (the spec's idempotent create); with another body it revises a charge still `ATIVA`
 * and refuses one that is not ("A cobrança já existe, não está no status ATIVA, e a presente
 * requisição busca alterá-la"). A txid is unique across cob and cobv.
 */
function put(kind: ChargeKind, txid: string, body: unknown, context: PspContext): RouteAnswer {
  const terms = termsOf(body);
  const violations = chargeTermViolations(context, kind, terms, kind, locOf(body));
  if (violations.length > 0) return problemAnswer(problemOf(errors[kind].invalid, { violacoes: violations }));
  const existing = context.books.charges.get(txid);
  if (existing === undefined) {
    const charge = createCharge(context, { txid, kind, terms, origin: "put" });
    return jsonAnswer(201, chargeView(charge, context.books, context.holder, "created"));
  }
  if (existing.kind !== kind) {
    return problemAnswer(
      problemOf(errors[kind].invalid, {
        violacoes: [
          {
            razao: `O txid já identifica uma cobrança do tipo ${existing.kind} deste usuário recebedor.`,
            propriedade: "txid",
            valor: txid,
          },
        ],
      }),
    );
  }
  if (canonicalJson(currentTerms(existing)) === canonicalJson(terms)) {
    return jsonAnswer(201, chargeView(existing, context.books, context.holder, "created"));
  }
  if (existing.status !== "ATIVA") {
    return problemAnswer(
      problemOf(errors[kind].invalid, {
        detail: `A cobrança já existe, não está no status ATIVA (${existing.status}), e a presente requisição busca alterá-la.`,
      }),
    );
  }
  existing.revisions.push(terms);
  return jsonAnswer(201, chargeView(existing, context.books, context.holder, "created"));
}

/** `PATCH /{kind}/{txid}`: revises a charge still `ATIVA`, or removes it — never both at once. */
function patch(kind: ChargeKind, txid: string, body: unknown, context: PspContext): RouteAnswer {
  const charge = context.books.charges.get(txid);
  if (charge === undefined || charge.kind !== kind) return problemAnswer(problemOf(errors[kind].notFound));
  if (charge.status !== "ATIVA") {
    return problemAnswer(
      problemOf(errors[kind].invalid, {
        detail: `A cobrança não está ATIVA (${charge.status}), e a presente requisição busca alterá-la.`,
      }),
    );
  }
  const { status, ...changes } = body as { status?: "REMOVIDA_PELO_USUARIO_RECEBEDOR" } & Record<
    string,
    unknown
  >;
  if (status !== undefined) {
    if (Object.keys(changes).length > 0) {
      return problemAnswer(
        problemOf(errors[kind].invalid, {
          detail:
            "A cobrança está ATIVA, e a presente requisição propõe alterar seu status para REMOVIDA_PELO_USUARIO_RECEBEDOR juntamente com outras alterações.",
        }),
      );
    }
    charge.status = status;
    return jsonAnswer(200, chargeView(charge, context.books, context.holder, "created"));
  }
  const current = currentTerms(charge);
  const revised = termsOf({
    ...current,
    ...changes,
    calendario: { ...current.calendario, ...((changes["calendario"] as object | undefined) ?? {}) },
    valor: { ...current.valor, ...((changes["valor"] as object | undefined) ?? {}) },
  });
  const violations = chargeTermViolations(context, kind, revised, kind, changes["loc"]);
  if (violations.length > 0) return problemAnswer(problemOf(errors[kind].invalid, { violacoes: violations }));
  charge.revisions.push(revised);
  return jsonAnswer(200, chargeView(charge, context.books, context.holder, "created"));
}

/** `GET /{kind}/{txid}[?revisao=]`: the charge with the Pix that paid it. */
function get(kind: ChargeKind, txid: string, query: URLSearchParams, context: PspContext): RouteAnswer {
  const charge = context.books.charges.get(txid);
  if (charge === undefined || charge.kind !== kind) return problemAnswer(problemOf(errors[kind].notFound));
  const asked = query.get("revisao");
  const revisao = asked === null ? charge.revisions.length - 1 : Number(asked);
  if (charge.revisions[revisao] === undefined) {
    return problemAnswer(
      problemOf(errors[kind].query, {
        violacoes: [
          {
            razao: "O parâmetro revisao corresponde a uma revisão inexistente para a cobrança.",
            propriedade: "revisao",
            valor: String(asked),
          },
        ],
      }),
    );
  }
  return jsonAnswer(200, chargeView(charge, context.books, context.holder, "complete", revisao));
}

function locOf(body: unknown): unknown {
  return (body as { loc?: unknown }).loc;
}

function kindRoutes(kind: ChargeKind): PspRoute[] {
  const path = `/${kind}/{txid}`;
  return [
    {
      method: "PUT",
      path,
      resource: kind,
      invalid: errors[kind].invalid,
      creates: true,
      handle: (request: RouteRequest, context) => put(kind, request.params["txid"]!, request.body, context),
    },
    {
      method: "PATCH",
      path,
      resource: kind,
      invalid: errors[kind].invalid,
      handle: (request, context) => patch(kind, request.params["txid"]!, request.body, context),
    },
    {
      method: "GET",
      path,
      resource: kind,
      invalid: errors[kind].query,
      handle: (request, context) => get(kind, request.params["txid"]!, request.query, context),
    },
  ];
}

/** `POST /cob`: a new charge under a txid the PSP makes, every time (not idempotent). */
const postCob: PspRoute = {
  method: "POST",
  path: "/cob",
  resource: "cob",
  invalid: "CobOperacaoInvalida",
  creates: true,
  handle(request, context) {
    const terms = termsOf(request.body);
    const violations = chargeTermViolations(context, "cob", terms, "cob", locOf(request.body));
    if (violations.length > 0)
      return problemAnswer(problemOf("CobOperacaoInvalida", { violacoes: violations }));
    const charge = createCharge(context, { txid: newPspTxid(), kind: "cob", terms, origin: "post" });
    return jsonAnswer(201, chargeView(charge, context.books, context.holder, "created"));
  },
};

export const chargeRoutes: readonly PspRoute[] = [...kindRoutes("cob"), postCob, ...kindRoutes("cobv")];
