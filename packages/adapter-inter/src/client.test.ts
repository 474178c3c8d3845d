import { type PixHttpRequest, type PixHttpResponse, PixTransportError } from "@tessera/pix-api";
import { describe, expect, it } from "vitest";
import { createInterClient, interAnswerError } from "./client";

const clock = { now: () => "2026-12-02T12:00:00.000Z" } as never;

function harness(answers: PixHttpResponse[]) {
  const sent: PixHttpRequest[] = [];
  const tokens: string[] = [];
  const invalidated: string[][] = [];
  let issued = 0;
  const client = createInterClient({
    baseUrl: "https://cdpj.partners.bancointer.com.br",
    origin: "inter",
    clock,
    contaCorrente: "12345678",
    tokens: {
      accessToken: async (scopes) => {
        issued += 1;
        const token = `token-${issued}-${scopes.join(",")}`;
        tokens.push(token);
        return token;
      },
      invalidate: (scopes) => invalidated.push([...scopes]),
    },
    transport: async (request) => {
      sent.push(request);
      const answer = answers.shift();
      if (answer === undefined) throw new Error("no more answers");
      return answer;
    },
  });
  return { client, sent, tokens, invalidated };
}

const ok: PixHttpResponse = { status: 200, headers: {}, body: '{"codigoSolicitacao":"abc"}' };

describe("Inter Cobrança v3 client", () => {
  it("sends the bearer token for the operation's scope, the account header and a JSON body", async () => {
    const h = harness([ok]);
    await h.client.send({
      method: "POST",
      path: "/cobranca/v3/cobrancas",
      body: { seuNumero: "A1" },
      access: "write",
    });
    expect(h.sent[0]).toMatchObject({
      method: "POST",
      url: "https://cdpj.partners.bancointer.com.br/cobranca/v3/cobrancas",
      headers: {
        authorization: "Bearer token-1-boleto-cobranca.read,boleto-cobranca.write",
        "x-conta-corrente": "12345678",
        "content-type": "application/json",
      },
      body: '{"seuNumero":"A1"}',
    });
  });

  it("forgets a refused token and retries once with a new one", async () => {
    const h = harness([{ status: 401, headers: {}, body: "" }, ok]);
    const answer = await h.client.send({ method: "GET", path: "/cobranca/v3/cobrancas/abc", access: "read" });
    expect(answer.status).toBe(200);
    expect(h.invalidated).toEqual([["boleto-cobranca.read", "boleto-cobranca.write"]]);
    expect(h.sent[1]?.headers.authorization).toBe(
      "Bearer token-2-boleto-cobranca.read,boleto-cobranca.write",
    );
  });

  it("throws gateway_authentication when a fresh token is refused too", async () => {
    const h = harness([
      { status: 401, headers: {}, body: "" },
      { status: 401, headers: {}, body: "" },
    ]);
    await expect(h.client.send({ method: "GET", path: "/x", access: "read" })).rejects.toMatchObject({
      code: "gateway_authentication",
    });
    expect(h.sent).toHaveLength(2);
  });

  it("answers a 429 as gateway_unavailable with the wait Inter asked for, sending nothing again", async () => {
    const h = harness([{ status: 429, headers: { "retry-after": "30" }, body: "" }, ok]);
    await expect(
      h.client.send({ method: "POST", path: "/cobranca/v3/cobrancas", body: {}, access: "write" }),
    ).rejects.toMatchObject({ code: "gateway_unavailable", details: { retryAfterSeconds: 30 } });
    expect(h.sent).toHaveLength(1);
  });

  it("answers a request that never left as gateway_unavailable", async () => {
    const client = createInterClient({
      baseUrl: "https://cdpj.partners.bancointer.com.br",
      origin: "inter",
      clock,
      tokens: { accessToken: async () => "t", invalidate: () => {} },
      transport: async () => {
        throw new PixTransportError("not_sent", "connect ECONNREFUSED");
      },
    });
    await expect(client.send({ method: "GET", path: "/x", access: "read" })).rejects.toMatchObject({
      code: "gateway_unavailable",
    });
  });

  it("maps Inter's violacoes onto field issues of an invalid request", () => {
    const error = interAnswerError("inter", {
      status: 400,
      headers: {},
      body: JSON.stringify({
        title: "Dados inválidos.",
        detail: "Verifique os dados.",
        violacoes: [{ razao: "não pode ser vazio", propriedade: "pagador.cep" }],
      }),
    });
    expect(error).toMatchObject({
      code: "gateway_invalid_request",
      details: { status: 400, issues: [{ path: ["pagador", "cep"], message: "não pode ser vazio" }] },
    });
  });

  it("never puts the access token in an error it throws", async () => {
    const h = harness([
      { status: 429, headers: { "retry-after": "1" }, body: "" },
      { status: 429, headers: { "retry-after": "1" }, body: "" },
    ]);
    const error = await h.client.send({ method: "GET", path: "/x", access: "read" }).catch((e: unknown) => e);
    const text = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify((error as { details?: unknown }).details)}`;
    for (const token of h.tokens) expect(text).not.toContain(token);
  });
});
