import type { TestCertificate } from "../test-pki";
import { type MtlsAnswer, mtlsCall } from "./mtls-caller";

/**
 * A caller of a loopback mock as the system under test would be, on plain `node:https` with
 * a client certificate: one token, then API calls with it. Each mock's tests get the token
 * their provider's way (HTTP Basic, form fields) and open the session with its answer.
 */
export interface BearerSession {
  token: string;
  /** `method {api.url}{path}` with the session's bearer token. */
  call(method: string, path: string, body?: unknown): Promise<MtlsAnswer>;
}

/** The session the token endpoint's answer opens; anything but a 200 with an `access_token` throws. */
export function bearerSession(
  tokenAnswer: MtlsAnswer,
  api: {
    /** Where the API's paths start (`https://127.0.0.1:<port>/v2`). */
    url: string;
    certificate: TestCertificate;
    ca: string;
  },
): BearerSession {
  const token = (tokenAnswer.json as { access_token?: string } | undefined)?.access_token;
  if (tokenAnswer.status !== 200 || token === undefined)
    throw new Error(`token refused: ${tokenAnswer.status} ${tokenAnswer.text}`);
  return {
    token,
    call: (method, path, body) =>
      mtlsCall({
        method,
        url: `${api.url}${path}`,
        certificate: api.certificate,
        ca: api.ca,
        headers: { authorization: `Bearer ${token}` },
        body,
      }),
  };
}
