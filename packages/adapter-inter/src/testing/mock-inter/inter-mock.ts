import { randomBytes, randomUUID } from "node:crypto";
import { addDays, type Clock, systemClock } from "@tessera/core";
import { createTestPki, startMtlsServer, type TestCertificate, type TestPki } from "@tessera/pix-api/testing";
import { chargeRoutes } from "./charge-routes";
import { emitRoute } from "./emit-route";
import { createInterBooks, type InterCharge, type InterRecords } from "./inter-books";
import type { InterContext } from "./inter-context";
import {
  chargeOf,
  completeCancel,
  failIssue,
  issueCharge,
  notify,
  payCharge,
  payRefusal,
  refreshDueDates,
} from "./inter-lifecycle";
import { type InterMockOptions, interMockOptionsSchema } from "./inter-mock-options";
import { createInterNotifier, type InterDelivery } from "./inter-notifier";
import { createInterOAuth } from "./inter-oauth";
import { createInterRequestHandler, tokenPath } from "./inter-request-handler";
import { saoPauloNow } from "./sao-paulo-time";
import { webhookRoutes } from "./webhook-routes";

/** A running mock Banco Inter: addresses, credentials, the bank's and payer's controls, its books. */
export interface InterMock {
  /** `https://127.0.0.1:<port>` (no path; the API is under `/cobranca/v3`). */
  baseUrl: string;
  /** `${baseUrl}/oauth/v2/token`. */
  tokenUrl: string;
  /** The PKI of the server certificate and of `clientCertificate`; the receiver's server certificate must come from it too. */
  pki: TestPki;
  /** The integração's certificate and key ("Minhas integrações"). */
  clientCertificate: TestCertificate;
  clientId: string;
  clientSecret: string;
  /** The client certificate the mock presents when it posts callbacks (from the separate webhook CA). */
  webhookCertificate: TestCertificate;
  /** The "Certificado Webhook" CA (PEM) a receiver trusts. */
  webhookCaCertificate: string;
  /** That CA's distinguished name, as Node prints an issuer. */
  webhookCaName: string;

  /** EM_PROCESSAMENTO → A_RECEBER with boleto and Pix, and a callback. */
  issue(codigoSolicitacao: string): void;
  /** EM_PROCESSAMENTO → FALHA_EMISSAO, and a callback. */
  failIssue(codigoSolicitacao: string): void;
  /** The payer pays in full (RECEBIDO), and a callback. Throws for a charge that cannot be paid (EM_PROCESSAMENTO…). */
  pay(codigoSolicitacao: string, via: "BOLETO" | "PIX"): void;
  /** Several charges paid at once: ONE callback array holds them all. */
  payTogether(codigoSolicitacoes: readonly string[], via?: "BOLETO" | "PIX"): void;
  /** Someone else makes a charge on the account and it is paid (default R$ 10,00), with its callback. */
  chargeOutsideUs(amount?: number): { codigoSolicitacao: string; seuNumero: string };
  /** Every cancel accepted (202) and not yet completed becomes CANCELADO now, each with its callback. */
  settleCancels(): void;
  /** The next `POST /cobrancas`: `after_charge` makes it and drops the connection; `before_receipt` drops it unread. */
  timeoutNextCreate(kind: "after_charge" | "before_receipt"): void;
  /** The next `times` API requests (default 1; the token endpoint aside) answer 429 with `Retry-After: 1`. */
  rateLimitNext(times?: number): void;
  /** Every token issued so far answers 401 from now on. */
  expireAccessToken(): void;
  /** How many tokens were granted. */
  tokenRequests(): number;
  /** Every access token issued so far, for tests that prove none leaked into a log or a row. */
  issuedAccessTokens(): string[];

  records(): InterRecords;
  /** Every callback attempt so far, oldest first. */
  deliveries(): InterDelivery[];
  /** Resolves once no callback is in flight or waiting for a retry. */
  notificationsSettled(): Promise<void>;
  /** Stops the server, ends open connections, stops retrying callbacks. */
  close(): Promise<void>;
}

const generated = () => randomBytes(18).toString("base64url");

/**
 * Starts a loopback Banco Inter that speaks Cobrança v3 (boleto with Pix) over mutual TLS:
 * OAuth2 client credentials at `/oauth/v2/token`, charges and the webhook under
 * `/cobranca/v3`, bodies checked against Inter's own schemas and refused in Inter's error
 * shape. Issue is asynchronous as at Inter: a charge is `EM_PROCESSAMENTO` until `issue`
 * (or at once with `issue: "immediate"`). Callbacks go to the registered URL as JSON arrays,
 * presenting `webhookCertificate`, loopback addresses only.
 *
 * @example
 * ```ts
 * const inter = await startInterMock({ clock });
 * const receiver = await startLoopbackWebhookReceiver({
 *   serverCertificate: inter.pki.issueServer(["127.0.0.1"]),
 *   clientCa: inter.webhookCaCertificate,
 * });
 * // the gateway registers receiver.webhookUrl and emits a charge, then:
 * inter.issue(codigoSolicitacao);
 * inter.pay(codigoSolicitacao, "PIX");
 * await inter.notificationsSettled();
 * ```
 */
export async function startInterMock(options: InterMockOptions = {}): Promise<InterMock> {
  const checked = interMockOptionsSchema.parse(options);
  const pki = options.pki ?? createTestPki({ name: "Tessera mock Inter" });
  // Inter's webhook client certificate comes from its own CA, not the API's.
  const webhookPki = createTestPki({ name: "Inter webhook CA" });
  const webhookCertificate = webhookPki.issueClient("Certificado Webhook");
  const clock: Clock = options.clock ?? systemClock;
  const clientId = checked.clientId ?? `mock-${generated()}`;
  const clientSecret = checked.clientSecret ?? generated();
  const notifier = createInterNotifier({
    certificate: webhookCertificate,
    ca: pki.caCertificate,
    retryDelaysMs: checked.retryDelaysMs ?? [50, 200, 1000],
    post: checked.notify ?? true,
  });
  let host = "127.0.0.1";
  const context: InterContext = {
    books: createInterBooks(),
    clock,
    notifier,
    faults: { rateLimited: 0, nextCreate: null },
    issueMode: checked.issue ?? "manual",
    beneficiary: {
      cpfCnpj: checked.beneficiaryCnpj ?? "11222333000181",
      nome: "Estudio Tessera Ltda",
      cidade: "Belo Horizonte",
      accountNumber: "50607169",
    },
    locationHost: () => host,
  };
  const oauth = createInterOAuth({
    clientId,
    clientSecret,
    clock,
    tokenLimitPerMinute: checked.tokenLimitPerMinute ?? null,
  });
  const server = await startMtlsServer({
    serverCertificate: pki.issueServer(["127.0.0.1", "localhost"]),
    clientCa: pki.caCertificate,
    handler: createInterRequestHandler({
      context,
      oauth,
      routes: [...webhookRoutes, emitRoute, ...chargeRoutes],
    }),
  });
  host = `127.0.0.1:${server.port}`;
  const baseUrl = `https://${host}`;

  /** Controls read due dates as the clock now stands, like a request does. */
  function current(codigoSolicitacao: string): InterCharge {
    refreshDueDates(context);
    return chargeOf(context, codigoSolicitacao);
  }

  function payAll(ids: readonly string[], via: "BOLETO" | "PIX"): void {
    const charges = ids.map(current);
    // All or none: a charge that cannot be paid throws before any is paid.
    for (const charge of charges) {
      const refusal = payRefusal(charge);
      if (refusal !== null) throw new Error(`charge ${charge.codigoSolicitacao}: ${refusal}`);
    }
    for (const charge of charges) payCharge(context, charge, via);
    notify(context, charges);
  }

  return {
    baseUrl,
    tokenUrl: `${baseUrl}${tokenPath}`,
    pki,
    clientCertificate: pki.issueClient("tessera-inter-integracao"),
    clientId,
    clientSecret,
    webhookCertificate,
    webhookCaCertificate: webhookPki.caCertificate,
    webhookCaName: webhookPki.caName,

    issue(codigoSolicitacao) {
      const charge = current(codigoSolicitacao);
      issueCharge(context, charge);
      notify(context, [charge]);
    },
    failIssue(codigoSolicitacao) {
      const charge = current(codigoSolicitacao);
      failIssue(context, charge);
      notify(context, [charge]);
    },
    pay: (codigoSolicitacao, via) => payAll([codigoSolicitacao], via),
    payTogether: (ids, via = "PIX") => payAll(ids, via),
    chargeOutsideUs(amount = 1000) {
      const today = saoPauloNow(clock).date;
      const charge: InterCharge = {
        codigoSolicitacao: randomUUID(),
        seuNumero: `EXT${randomBytes(4).toString("hex").toUpperCase()}`,
        amount,
        dataEmissao: today,
        dataVencimento: addDays(today, 5),
        numDiasAgenda: 30,
        situacao: "EM_PROCESSAMENTO",
        dataSituacao: today,
        dataHoraSituacao: clock.now(),
        pagador: {
          cpfCnpj: "12345678909",
          tipoPessoa: "FISICA",
          nome: "Cliente de Outro Sistema",
          endereco: "Rua da Bahia, 1000",
          cidade: "Belo Horizonte",
          uf: "MG",
          cep: "30160011",
        },
        terms: {},
        collected: 0,
        cancelPending: false,
        outside: true,
      };
      context.books.charges.set(charge.codigoSolicitacao, charge);
      issueCharge(context, charge);
      payCharge(context, charge, "PIX");
      notify(context, [charge]);
      return { codigoSolicitacao: charge.codigoSolicitacao, seuNumero: charge.seuNumero };
    },
    settleCancels() {
      for (const charge of context.books.charges.values()) completeCancel(context, charge);
    },
    timeoutNextCreate(kind) {
      context.faults.nextCreate = kind;
    },
    rateLimitNext(times = 1) {
      context.faults.rateLimited += times;
    },
    expireAccessToken: () => oauth.expireAccessTokens(),
    tokenRequests: () => oauth.tokenRequests(),
    issuedAccessTokens: () => oauth.issuedTokens(),

    records: () => {
      refreshDueDates(context);
      return context.books.records();
    },
    deliveries: () => notifier.deliveries(),
    notificationsSettled: () => notifier.settled(),
    async close() {
      await Promise.all([server.close(), notifier.stop()]);
    },
  };
}
