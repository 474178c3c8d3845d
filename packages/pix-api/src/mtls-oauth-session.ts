import type { Clock, ProviderLog } from "@tessera/core";
import { createMtlsTransport, type PixTransport } from "./mtls-transport";
import {
  type ClientAuthentication,
  createOAuthTokenSource,
  type OAuthTokenSource,
} from "./oauth-token-source";

/** What a provider account's mutual-TLS identity and OAuth client are. */
export interface MtlsOAuthSessionOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** HTTP Basic (most PSPs) or the form body (Banco Inter). */
  clientAuthentication: ClientAuthentication;
  /** The client certificate and key the provider issued (PEM). */
  certificate: string;
  privateKey: string;
  /** The CA of the provider's server certificate, only where it is not a public one (a test server). */
  ca?: string;
  /** Per request, connect to answer (default 20 s). */
  timeoutMs?: number;
  /** Replaces HTTPS, for tests of what the provider answers on the wire. */
  transport?: PixTransport;
  clock: Clock;
  /** Errors name it (the gateway id). */
  origin: string;
}

/**
 * One TLS identity for the token and the API, as API Pix and Inter require: the mutual-TLS
 * transport (the identity checked at once, a `gateway_configuration` error when the
 * certificate or key does not parse or do not match) and the token source over it.
 */
export function createMtlsOAuthSession(options: MtlsOAuthSessionOptions): {
  transport: PixTransport;
  tokens: OAuthTokenSource;
} {
  const transport =
    options.transport ??
    createMtlsTransport({
      identity: {
        certificate: options.certificate,
        privateKey: options.privateKey,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
      },
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      origin: options.origin,
    });
  const tokens = createOAuthTokenSource({
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuthentication: options.clientAuthentication,
    transport,
    clock: options.clock,
    origin: options.origin,
  });
  return { transport, tokens };
}

/** What a gateway over a mutual-TLS provider (API Pix, Banco Inter) takes besides its account's settings. */
export interface MtlsGatewayDeps extends Pick<MtlsOAuthSessionOptions, "timeoutMs" | "transport"> {
  /** The gateway's id (`pix`, `inter`, or a provider account's `inter-centro`). */
  id: string;
  clock: Clock;
  /** Where this installation receives the provider's callbacks; registered on the first sale. Null: none. */
  webhookUrl: string | null;
  /** Gets ids and statuses — never a credential, a token or a key. */
  log?: ProviderLog;
}
