import { generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import forge from "node-forge";

/** A certificate and its private key, both PEM. */
export interface TestCertificate {
  certificate: string;
  privateKey: string;
}

/** A throwaway certificate authority for tests of mutual TLS: it issues server and client certificates. */
export interface TestPki {
  /** The CA certificate (PEM) to trust. */
  caCertificate: string;
  /** The CA's distinguished name as Node prints an issuer (`new X509Certificate(pem).issuer`). */
  caName: string;
  /** A server certificate for these hosts (DNS names and IPs; default `localhost` and `127.0.0.1`). */
  issueServer(hosts?: readonly string[]): TestCertificate;
  /** A client certificate with this common name. */
  issueClient(commonName: string): TestCertificate;
}

const dayMs = 86_400_000;
const ipAddress = /^(\d{1,3}\.){3}\d{1,3}$|:/;

/**
 * An RSA key pair from Node's native generator — node-forge's own, in JavaScript, takes
 * seconds for 2048 bits — in the shape forge signs with.
 */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    pem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

/** A positive serial of 16 random bytes, as RFC 5280 §4.1.2.2 asks (the top bit clear). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString("hex");
}

/** Valid from yesterday (a clock a little behind still accepts it) for thirty days. */
function setValidity(certificate: forge.pki.Certificate): void {
  const now = Date.now();
  certificate.validity.notBefore = new Date(now - dayMs);
  certificate.validity.notAfter = new Date(now + 30 * dayMs);
}

/**
 * A certificate authority that lives as long as the test: its key never leaves the process
 * and nothing is written to disk. Certificates are RSA 2048 / SHA-256 — what PSPs and Banco
 * Inter issue — with the key usages and extended key usages TLS checks, so Node's `tls`
 * verifies them as it verifies a real chain (`requestCert`, `rejectUnauthorized`).
 *
 * @example
 * ```ts
 * const pki = createTestPki({ name: "Mock PSP CA" });
 * const server = https.createServer({ ...asTls(pki.issueServer()), ca: pki.caCertificate, requestCert: true, rejectUnauthorized: true });
 * const client = pki.issueClient("tessera-gateway"); // { certificate, privateKey }
 * ```
 */
export function createTestPki(options: { name?: string } = {}): TestPki {
  const caKeys = keyPair();
  const caSubject = [
    { name: "countryName", value: "BR" },
    { name: "organizationName", value: "Tessera Tests" },
    { name: "commonName", value: options.name ?? "Tessera Test CA" },
  ];
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  setValidity(ca);
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const caCertificate = forge.pki.certificateToPem(ca);

  function issue(commonName: string, extensions: object[]): TestCertificate {
    const keys = keyPair();
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = keys.publicKey;
    certificate.serialNumber = serialNumber();
    setValidity(certificate);
    certificate.setSubject([
      { name: "countryName", value: "BR" },
      { name: "organizationName", value: "Tessera Tests" },
      { name: "commonName", value: commonName },
    ]);
    certificate.setIssuer(ca.subject.attributes);
    certificate.setExtensions([
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "authorityKeyIdentifier", keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
      ...extensions,
    ]);
    certificate.sign(caKeys.privateKey, forge.md.sha256.create());
    return { certificate: forge.pki.certificateToPem(certificate), privateKey: keys.pem };
  }

  return {
    caCertificate,
    caName: new X509Certificate(caCertificate).subject,
    issueServer(hosts = ["localhost", "127.0.0.1"]) {
      const altNames = hosts.map((host) =>
        ipAddress.test(host) ? { type: 7, ip: host } : { type: 2, value: host },
      );
      return issue(hosts[0] ?? "localhost", [
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames },
      ]);
    },
    issueClient(commonName) {
      return issue(commonName, [{ name: "extKeyUsage", clientAuth: true }]);
    },
  };
}
