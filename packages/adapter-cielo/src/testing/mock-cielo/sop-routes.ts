import { randomBytes, randomUUID } from "node:crypto";
import { addMilliseconds } from "@tessera/core";
import { cieloBrandOfNumber } from "../../card-token";
import type { CieloContext } from "./cielo-context";
import { json, type MockAnswer, type MockRequest } from "./loopback-server";
import { cieloDateTime } from "./sale-view";
import { sopScript } from "./sop-script";

/** SOP access tokens live 20 minutes and save one card (the docs' `ExpiresIn`). */
export const sopAccessTokenMs = 20 * 60_000;

/** The page posts from another origin: the card endpoint answers CORS as a public API does. */
const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type" };

function oauthToken(context: CieloContext, request: MockRequest): MockAnswer {
  const expected = `Basic ${Buffer.from(`${context.sopClientId}:${context.sopClientSecret}`).toString("base64")}`;
  if (request.headers.authorization !== expected) return json(401, { error: "invalid_client" });
  if (new URLSearchParams(request.body).get("grant_type") !== "client_credentials")
    return json(400, { error: "unsupported_grant_type" });
  const token = randomBytes(24).toString("base64url");
  context.books.oauthTokens.add(token);
  return json(201, { access_token: token, token_type: "bearer", expires_in: 1199 });
}

function sopAccessToken(context: CieloContext, request: MockRequest): MockAnswer {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (bearer === undefined || !context.books.oauthTokens.has(bearer)) return { status: 401 };
  if (request.headers.merchantid?.toLowerCase() !== context.merchantId.toLowerCase()) return { status: 401 };
  const now = context.clock.now();
  const expiresAt = addMilliseconds(now, sopAccessTokenMs);
  const token = Buffer.from(`${randomUUID()}${randomBytes(6).toString("hex")}`).toString("base64");
  context.books.sopAccessTokens.set(token, { expiresAt, used: false });
  return json(201, {
    MerchantId: context.merchantId,
    AccessToken: token,
    Issued: cieloDateTime(now).replace(" ", "T"),
    ExpiresIn: cieloDateTime(expiresAt).replace(" ", "T"),
  });
}

function postCard(context: CieloContext, request: MockRequest): MockAnswer {
  const form = new URLSearchParams(request.body);
  const access = context.books.sopAccessTokens.get(form.get("AccessToken") ?? "");
  if (access === undefined || access.used || access.expiresAt < context.clock.now())
    return json(401, { Message: "AccessToken inválido ou expirado" }, cors);
  const number = (form.get("RawNumber") ?? "").replace(/\D/g, "");
  const holder = (form.get("HolderName") ?? "").trim();
  const expiration = form.get("Expiration") ?? "";
  const modelState: Record<string, string[]> = {};
  if (!/^\d{12,19}$/.test(number)) modelState.RawNumber = ["Número do cartão inválido"];
  if (holder === "" || holder.length > 25) modelState.HolderName = ["Nome do portador inválido"];
  if (!/^(0[1-9]|1[0-2])\/\d{4}$/.test(expiration)) modelState.Expiration = ["Validade inválida"];
  if (!/^\d{3,4}$/.test(form.get("SecurityCode") ?? ""))
    modelState.SecurityCode = ["Código de segurança inválido"];
  if (Object.keys(modelState).length > 0)
    return json(400, { Message: "The request is invalid.", ModelState: modelState }, cors);
  access.used = true;
  const brand = cieloBrandOfNumber(number);
  const card = { number, holder, expirationDate: expiration, brand };
  const paymentToken = randomUUID();
  context.books.paymentTokens.set(paymentToken, { card, expiresAt: access.expiresAt, used: false });
  const answer: Record<string, unknown> = { PaymentToken: paymentToken };
  if (form.get("EnableBinQuery") === "true") {
    answer.brand = brand;
    answer.CardBin = number.slice(0, 6);
    answer.CardLast4Digits = number.slice(-4);
  }
  if (form.get("EnableTokenize") === "true") {
    const cardToken = randomUUID();
    context.books.cards.set(cardToken, card);
    answer.CardToken = cardToken;
  }
  return json(201, answer, cors);
}

/** Braspag's OAuth, the SOP access token, the SOP script and the card post, on one loopback host. */
export function handleSop(context: CieloContext, request: MockRequest): MockAnswer {
  const path = request.url.pathname;
  if (request.method === "OPTIONS")
    return { status: 204, headers: { ...cors, "access-control-allow-methods": "POST" } };
  if (request.method === "POST" && path === "/oauth2/token") return oauthToken(context, request);
  if (request.method === "POST" && path === "/post/api/public/v2/accesstoken")
    return sopAccessToken(context, request);
  if (request.method === "POST" && path === "/post/api/public/v2/card") return postCard(context, request);
  if (request.method === "GET" && path === "/post/scripts/silentorderpost-1.0.min.js")
    return {
      status: 200,
      headers: { "content-type": "application/javascript; charset=utf-8" },
      body: sopScript,
    };
  return { status: 404 };
}
