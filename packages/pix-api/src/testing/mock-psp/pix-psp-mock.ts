import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type Clock, systemClock } from "@tessera/core";
import { startMtlsServer } from "../mtls/mtls-server";
import { createTestPki, type TestCertificate, type TestPki } from "../test-pki";
import { chargeRoutes } from "./charge-routes";
import { devolucaoRoutes } from "./devolucao-routes";
import { settleDevolucao } from "./devolucao-settlement";
import { listRoutes } from "./list-routes";
import { type PixPspMockOptions, pixPspMockOptionsSchema } from "./pix-psp-mock-options";
import { pixRoutes } from "./pix-routes";
import { createPspBooks, type PspRecords } from "./psp-books";
import type { PspContext } from "./psp-context";
import { createPspFaults } from "./psp-faults";
import { newRandomPixKey } from "./psp-ids";
import { createPspNotifier, type PspDelivery } from "./psp-notifier";
import { createPspOAuth } from "./psp-oauth";
import { chargeOutside, type PayOptions, payCharges, payStaticCode } from "./psp-payer";
import { type CompletePixKeyHolder, completeHolder } from "./psp-receiver";
import { createPspRequestHandler } from "./psp-request-handler";
import { webhookRoutes } from "./webhook-routes";

/** A running mock PSP: its addresses and credentials, the payer and fault controls, and its books. */
export interface PixPspMock {
  /** `https://127.0.0.1:<port>`. */
  url: string;
  /** Where the API Pix lives: `url` + `basePath` (`https://127.0.0.1:<port>/v2`). */
  baseUrl: string;
  /** The OAuth token endpoint: `url` + `tokenPath`. */
  tokenUrl: string;
  pki: TestPki;
  /** A client certificate and key the mock accepts, for the gateway under test. */
  clientCertificate: TestCertificate;
  /** The certificate the mock presents to webhook receivers (CN `psp-webhook`, issued by the PKI's CA). */
  webhookCertificate: TestCertificate;
  clientId: string;
  clientSecret: string;
  /** The receiver's Pix key. */
  chave: string;
  pixKeyHolder: CompletePixKeyHolder;
  /** Stops the server, ends open connections and held answers, and stops retrying callbacks (an attempt under way finishes). */
  close(): Promise<void>;

  /** A payer pays the charge (status `CONCLUIDA`, a Pix with a fresh endToEndId) and the webhook is told. Answers the endToEndId. */
  pay(txid: string, options?: PayOptions): string;
  /** Several payers pay these charges at once; one callback body carries all their Pix. */
  payTogether(txids: readonly string[]): string[];
  /** A payer pays a static code of the key (amount in centavos): seen by `GET /pix`, never by the webhook. */
  payStatic(amount: number, options?: { txid?: string }): string;
  /** Someone else makes a cob on this account and it is paid (default R$ 10,00): news of no payment of ours. */
  chargeOutsideUs(amount?: number): { txid: string; endToEndId: string };

  /**
   * The next create (`PUT /cob`, `POST /cob`, `PUT /cobv`) times out: `before_receipt` drops
   * the connection before reading the request (nothing is made); `after_charge` makes the
   * charge and then drops the connection, or with `answer: "hold"` never answers.
   */
  timeoutNextCreate(kind: "after_charge" | "before_receipt", options?: { answer?: "reset" | "hold" }): void;
  /** The next `times` API requests (default 1, the token endpoint aside) answer 429 with `Retry-After: 1`. */
  rateLimitNext(times?: number): void;
  /** Every access token issued so far answers 401 from now on. */
  expireAccessToken(): void;
  /** How many token requests the mock has had. */
  tokenRequests(): number;
  /** Every access token it issued, for tests that prove none leaked into a log or a row. */
  issuedAccessTokens(): string[];
  /**
   * The next devolução is refused: answered `EM_PROCESSAMENTO` and `NAO_REALIZADO` right
   * after, or with `atOnce` answered `NAO_REALIZADO`. The webhook is told either way.
   */
  refuseNextRefund(options?: { atOnce?: boolean }): void;
  /** The next devolução stays `EM_PROCESSAMENTO` until `settleRefund`. */
  holdNextRefund(): void;
  /** A devolução held `EM_PROCESSAMENTO` becomes final, and the webhook is told. */
  settleRefund(endToEndId: string, id: string, status: "DEVOLVIDO" | "NAO_REALIZADO"): void;
  /** The PSP removes a charge itself (`REMOVIDA_PELO_PSP`). */
  removeByPsp(txid: string): void;

  /** The books, read without the API. */
  records(): PspRecords;
  /** Every callback attempt so far. */
  deliveries(): PspDelivery[];
  /** Resolves once every callback sent so far was delivered or ran out of retries. */
  notificationsSettled(): Promise<void>;
}

const generatedSecret = () => randomBytes(18).toString("base64url");

/**
 * Starts a loopback PSP that speaks BACEN's API Pix 2.9.0 over mutual TLS: OAuth2 client
 * credentials at `tokenPath`, `cob`, `cobv`, received Pix, devoluções and webhooks under
 * `basePath`, every request checked against the spec's own schemas and refused as a PSP
 * refuses it (`application/problem+json`, `violacoes` naming the property). Charges carry a
 * real dynamic BR Code whose location is under the mock's host. Callbacks go to the registered
 * webhook over HTTPS with the mock's own client certificate, loopback addresses only.
 *
 * The mock's books (`records()`) are the independent path a gateway's tests check against;
 * the payer (`pay`, `payTogether`, `payStatic`, `chargeOutsideUs`) and the faults
 * (`timeoutNextCreate`, `rateLimitNext`, `expireAccessToken`, `refuseNextRefund`,
 * `holdNextRefund`/`settleRefund`, `removeByPsp`) play what a PSP's sandbox offers.
 *
 * @example
 * ```ts
 * const pki = createTestPki();
 * const psp = await startPixPspMock({ pki, clock });
 * const receiver = await startLoopbackWebhookReceiver({
 *   serverCertificate: pki.issueServer(["127.0.0.1"]),
 *   clientCa: pki.caCertificate,
 * });
 * // The gateway under test gets psp.baseUrl, psp.tokenUrl, psp.clientId, psp.clientSecret,
 * // psp.chave, psp.clientCertificate and pki.caCertificate; it registers receiver.webhookUrl
 * // and creates a cob under our txid. Then the payer pays:
 * psp.pay(txid);
 * await psp.notificationsSettled();
 * receiver.received(); // each one a WebhookInput for the gateway's parseWebhook
 * expect(psp.records().charges).toContainEqual(expect.objectContaining({ txid, status: "CONCLUIDA" }));
 * await Promise.all([psp.close(), receiver.close()]);
 * ```
 */
export async function startPixPspMock(options: PixPspMockOptions = {}): Promise<PixPspMock> {
  const checked = pixPspMockOptionsSchema.parse(options);
  const pki = options.pki ?? createTestPki({ name: "Tessera mock PSP" });
  const clock: Clock = options.clock ?? systemClock;
  const basePath = checked.basePath ?? "/v2";
  const tokenPath = checked.tokenPath ?? "/oauth/token";
  const clientId = checked.clientId ?? `mock-${generatedSecret()}`;
  const clientSecret = checked.clientSecret ?? generatedSecret();
  const chave = checked.chave ?? newRandomPixKey();
  const holder = completeHolder(checked.pixKeyHolder);
  const webhookCertificate = pki.issueClient("psp-webhook");
  const faults = createPspFaults();
  const books = createPspBooks();
  const notifier = createPspNotifier({
    certificate: webhookCertificate,
    ca: options.webhookCa ?? pki.caCertificate,
    retryDelaysMs: checked.retryDelaysMs ?? [50, 200, 1000],
    post: checked.notify ?? true,
    ...(options.onNotification === undefined ? {} : { onNotification: options.onNotification }),
  });
  let host = "127.0.0.1";
  const context: PspContext = { books, clock, chave, holder, locationHost: () => host, notifier, faults };
  const oauth = createPspOAuth({
    clientId,
    clientSecret,
    clock,
    clientAuthentication: checked.clientAuthentication ?? "either",
  });
  const held = new Set<ServerResponse>();
  const server = await startMtlsServer({
    serverCertificate: pki.issueServer(["127.0.0.1", "localhost"]),
    clientCa: pki.caCertificate,
    handler: createPspRequestHandler({
      context,
      oauth,
      routes: [...chargeRoutes, ...listRoutes, ...pixRoutes, ...devolucaoRoutes, ...webhookRoutes],
      basePath,
      tokenPath,
      held,
    }),
  });
  host = `127.0.0.1:${server.port}`;
  const url = `https://${host}`;

  function devolucao(endToEndId: string, id: string) {
    const entry = books.devolucoes.get(endToEndId)?.get(id);
    if (entry === undefined) throw new Error(`no devolução ${id} of ${endToEndId} at the mock PSP`);
    return entry;
  }

  return {
    url,
    baseUrl: `${url}${basePath}`,
    tokenUrl: `${url}${tokenPath}`,
    pki,
    clientCertificate: pki.issueClient("tessera-gateway"),
    webhookCertificate,
    clientId,
    clientSecret,
    chave,
    pixKeyHolder: holder,
    async close() {
      for (const response of held) response.destroy();
      await Promise.all([server.close(), notifier.stop()]);
    },

    pay: (txid, payOptions) => payCharges(context, [txid], payOptions)[0]!,
    payTogether: (txids) => payCharges(context, txids),
    payStatic: (amount, staticOptions) => payStaticCode(context, amount, staticOptions),
    chargeOutsideUs: (amount = 1000) => chargeOutside(context, amount),

    timeoutNextCreate(kind, timeoutOptions) {
      faults.nextCreate =
        kind === "before_receipt" ? { kind } : { kind, answer: timeoutOptions?.answer ?? "reset" };
    },
    rateLimitNext(times = 1) {
      faults.rateLimited += times;
    },
    expireAccessToken: () => oauth.expireAccessTokens(),
    tokenRequests: () => oauth.tokenRequests(),
    issuedAccessTokens: () => oauth.issuedTokens(),
    refuseNextRefund(refuseOptions) {
      faults.nextRefund = refuseOptions?.atOnce === true ? "refuse_at_once" : "refuse";
    },
    holdNextRefund() {
      faults.nextRefund = "hold";
    },
    settleRefund: (endToEndId, id, status) => settleDevolucao(context, devolucao(endToEndId, id), status),
    removeByPsp(txid) {
      const charge = books.charges.get(txid);
      if (charge === undefined) throw new Error(`no charge with txid ${txid} at the mock PSP`);
      charge.status = "REMOVIDA_PELO_PSP";
    },

    records: () => books.records(),
    deliveries: () => notifier.deliveries(),
    notificationsSettled: () => notifier.settled(),
  };
}
