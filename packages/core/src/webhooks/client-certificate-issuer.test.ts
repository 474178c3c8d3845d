import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  distinguishedNameAttributes,
  isTrustedIssuer,
  sameDistinguishedName,
} from "./client-certificate-issuer";

// A self-signed test CA (`openssl req -x509 -subj "/C=BR/O=Banco Exemplo S.A./CN=Exemplo Webhook CA"
// -addext basicConstraints=critical,CA:TRUE`): what an adapter would put in `pem`.
const exampleCaPem = `-----BEGIN CERTIFICATE-----
MIIB5TCCAYugAwIBAgIUYVUiI7Z6sumhN3CyPnjEgVjQ8C0wCgYIKoZIzj0EAwIw
RzELMAkGA1UEBhMCQlIxGzAZBgNVBAoMEkJhbmNvIEV4ZW1wbG8gUy5BLjEbMBkG
A1UEAwwSRXhlbXBsbyBXZWJob29rIENBMCAXDTI2MTIwMjAwNTgxM1oYDzIxMjYx
MTA4MDA1ODEzWjBHMQswCQYDVQQGEwJCUjEbMBkGA1UECgwSQmFuY28gRXhlbXBs
byBTLkEuMRswGQYDVQQDDBJFeGVtcGxvIFdlYmhvb2sgQ0EwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAARAEu/J5ClPqKU/CLcFGtXcc5g2+lbaBuxasr3kTzJzsfLP
0Wjg/fhosnNHe87cAlGbou+W+F94AhJxDAvXmkyXo1MwUTAdBgNVHQ4EFgQU3gLj
nzlRNih4MUDFJgW51QAzbXAwHwYDVR0jBBgwFoAU3gLjnzlRNih4MUDFJgW51QAz
bXAwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiArelLfF38AH5Kt
vvFw9OGyz0bQXcTkaFiZEcHDmz8g3wIhAPO4S9HRKzVDCQ9zcPw4mGLz16e1NmGs
YUd42FEhI+Uc
-----END CERTIFICATE-----
`;
const rfc4514 = "CN=Exemplo Webhook CA,O=Banco Exemplo S.A.,C=BR";

describe("distinguished names of client-certificate issuers", () => {
  it("reads RFC 4514, OpenSSL's one-line form and Node's as one name", () => {
    const node = new X509Certificate(exampleCaPem).issuer;
    expect(node).toBe("C=BR\nO=Banco Exemplo S.A.\nCN=Exemplo Webhook CA");
    for (const form of [node, "/C=BR/O=Banco Exemplo S.A./CN=Exemplo Webhook CA", rfc4514]) {
      expect(sameDistinguishedName(form, rfc4514), form).toBe(true);
    }
  });

  it("ignores the case of types and values and the spaces around and inside values", () => {
    expect(sameDistinguishedName("cn = exemplo  webhook ca , o=BANCO EXEMPLO S.A.,c=br", rfc4514)).toBe(true);
  });

  it("reads escaped commas, plus signs and UTF-8 bytes as part of a value", () => {
    expect(distinguishedNameAttributes("CN=Pagamentos\\, Ltda.,O=Associa\\C3\\A7\\C3\\A3o,C=BR")).toEqual([
      "C=br",
      "CN=pagamentos, ltda.",
      "O=associação",
    ]);
    expect(sameDistinguishedName("CN=A\\+B,C=BR", "CN=A,C=BR")).toBe(false);
    expect(distinguishedNameAttributes("CN=A+OU=B,C=BR")).toEqual(["C=br", "CN=a", "OU=b"]);
  });

  it("tells apart a name with another value, a missing attribute or an extra one", () => {
    expect(sameDistinguishedName("CN=Outra CA,O=Banco Exemplo S.A.,C=BR", rfc4514)).toBe(false);
    expect(sameDistinguishedName("CN=Exemplo Webhook CA,C=BR", rfc4514)).toBe(false);
    expect(sameDistinguishedName(`${rfc4514},OU=Webhooks`, rfc4514)).toBe(false);
  });

  it("is no name at all for text that is not a DN, which matches nothing, itself included", () => {
    for (const text of ["", "   ", "Exemplo Webhook CA", "=BR", "CN=A,\\", "C N=A", "CN=\\FF"]) {
      expect(distinguishedNameAttributes(text), JSON.stringify(text)).toBeNull();
      expect(sameDistinguishedName(text, text)).toBe(false);
    }
  });

  it("trusts an issuer only when one of the declared CAs has its name", () => {
    const trusted = [
      { name: "CN=ICP-Brasil AC,O=ICP-Brasil,C=BR", pem: null },
      { name: rfc4514, pem: exampleCaPem },
    ];
    expect(isTrustedIssuer("/C=BR/O=Banco Exemplo S.A./CN=Exemplo Webhook CA", trusted)).toBe(true);
    expect(isTrustedIssuer("CN=Let's Encrypt R3,O=Let's Encrypt,C=US", trusted)).toBe(false);
    expect(isTrustedIssuer("", trusted)).toBe(false);
    expect(isTrustedIssuer(rfc4514, [])).toBe(false);
  });
});
