import type { TrustedCertificateIssuer } from "../ports/gateway";

/**
 * A distinguished name's attributes, each `TYPE=value` with the type upper-cased and the
 * value unescaped, trimmed, its inner spaces collapsed and lower-cased (X.520's
 * caseIgnoreMatch, which the name attributes of a CA use), sorted; null when `name` is not
 * a DN. Reads the three forms a listener reports an issuer in:
 * - RFC 4514, most specific first: `CN=Inter CA,O=Banco Inter,C=BR` (nginx `$ssl_client_i_dn`),
 *   with `\,` and `\2C` escapes and `+` between the parts of one RDN;
 * - OpenSSL's one-line form, most general first: `/C=BR/O=Banco Inter/CN=Inter CA`;
 * - Node's `X509Certificate.issuer`: one attribute a line, most general first.
 * The forms list the attributes in opposite orders, hence the sort.
 */
export function distinguishedNameAttributes(name: string): string[] | null {
  const text = name.trim();
  if (text === "") return null;
  const parts = text.includes("\n")
    ? text.split("\n")
    : text.startsWith("/")
      ? text.slice(1).split("/")
      : splitUnescaped(text);
  const attributes: string[] = [];
  for (const part of parts) {
    const equals = part.indexOf("=");
    if (equals <= 0) return null;
    const type = part.slice(0, equals).trim().toUpperCase();
    if (!/^(?:[A-Z][A-Z0-9-]*|\d+(?:\.\d+)+)$/.test(type)) return null;
    const value = unescapeValue(part.slice(equals + 1));
    if (value === null) return null;
    attributes.push(`${type}=${value.trim().replace(/\s+/g, " ").toLowerCase()}`);
  }
  return attributes.sort();
}

/** True when `a` and `b` are one distinguished name in any of the forms above; false when either is not one. */
export function sameDistinguishedName(a: string, b: string): boolean {
  const left = distinguishedNameAttributes(a);
  const right = distinguishedNameAttributes(b);
  return left !== null && right !== null && left.join("\n") === right.join("\n");
}

/** True when a certificate whose issuer is `issuer` was issued by one of `trusted`, by name. */
export function isTrustedIssuer(issuer: string, trusted: readonly TrustedCertificateIssuer[]): boolean {
  return trusted.some((ca) => sameDistinguishedName(issuer, ca.name));
}

/** Splits an RFC 4514 name at its unescaped `,` and `+`, leaving escapes for `unescapeValue`. */
function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\") {
      current += char + (text[i + 1] ?? "");
      i++;
    } else if (char === "," || char === "+") {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** `\,` → `,` and `\C3\A7` → `ç` (escaped UTF-8 bytes); null for a dangling backslash or bad UTF-8. */
function unescapeValue(value: string): string | null {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char !== "\\") {
      const code = value.codePointAt(i)!;
      const whole = String.fromCodePoint(code);
      bytes.push(...encoder.encode(whole));
      i += whole.length - 1;
      continue;
    }
    const hex = value.slice(i + 1, i + 3);
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (i + 1 < value.length) {
      bytes.push(...encoder.encode(value[i + 1]!));
      i++;
    } else {
      return null;
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
