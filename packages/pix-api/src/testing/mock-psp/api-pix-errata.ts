/**
 * Where the published API Pix 2.9.0 schemas contradict the specification's own prose and
 * examples, so that validating against them verbatim would refuse what every PSP accepts
 * (or accept what every PSP refuses). The fixture stays a faithful copy of the spec; these
 * corrections are applied to a copy when the mock loads it, each one named here.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * 1. Patterns are whole-value rules in the spec's prose ("txid … entre 26 e 35 caracteres"),
 *    but JSON Schema patterns are unanchored: `[a-zA-Z0-9]{26,35}` alone accepts a
 *    40-character txid and `\d{1,10}\.\d{2}` accepts `"1.234"`. Each is anchored.
 * 2. The CPF pattern is written `/^\d{11}$/`, slashes included, which no CPF matches.
 * 3. An array's `maximum` (`infoAdicionais`: "maximum": 50) means `maxItems`.
 */
function correctPatterns(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) correctPatterns(item);
    return;
  }
  if (!isObject(node)) return;
  const pattern = node["pattern"];
  if (typeof pattern === "string") {
    const unslashed = /^\/.*\/$/.test(pattern) ? pattern.slice(1, -1) : pattern;
    node["pattern"] = unslashed.startsWith("^") ? unslashed : `^(?:${unslashed})$`;
  }
  if (node["type"] === "array" && typeof node["maximum"] === "number") {
    node["maxItems"] = node["maximum"];
    delete node["maximum"];
  }
  for (const value of Object.values(node)) correctPatterns(value);
}

/**
 * 4. A received Pix's txid is 1–35 characters (a static code's is at most 25), but the
 *    schema writes it `allOf: [TxId (26–35), {pattern {1,35}}]`, which only 26–35 meets.
 * 5. A payload location is written without a scheme (BR Code field 26-25, Manual §2.5.2,
 *    and every example in the spec: `pix.example.com/qr/…`), yet typed `format: uri`.
 */
function correctTxidsAndLocations(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) correctTxidsAndLocations(item);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (isObject(value) && Array.isArray(value["allOf"])) {
      const parts = value["allOf"];
      const shortTxid = parts.some(
        (part) => isObject(part) && typeof part["pattern"] === "string" && part["pattern"].includes("{1,35}"),
      );
      const txidRef = parts.some((part) => isObject(part) && part["$ref"] === "#/components/schemas/TxId");
      if (shortTxid && txidRef) node[key] = { type: "string", pattern: "^[a-zA-Z0-9]{1,35}$" };
    }
    if (key === "location" && isObject(value) && value["format"] === "uri") delete value["format"];
  }
  for (const value of Object.values(node)) correctTxidsAndLocations(value);
}

/**
 * 6. `DadosRecebedor` lists `logradouro, cidade, uf, cep` as required beside `recebedor`
 *    instead of inside it (its inner `allOf` already requires them of the `recebedor`).
 * 7. `PixConsultados` requires `cobs`, a property it does not have: it answers `pix`.
 * 8. `CobsConsultadas` requires `idCob` of each cob: no schema defines it and no example
 *    carries it.
 */
function correctRequiredLists(schemas: JsonObject): void {
  const recebedor = schemas["DadosRecebedor"];
  if (isObject(recebedor)) delete recebedor["required"];
  const pixList = schemas["PixConsultados"];
  if (isObject(pixList)) pixList["required"] = ["parametros", "pix"];
  const cobList = schemas["CobsConsultadas"];
  const cobItems =
    isObject(cobList) && isObject(cobList["properties"]) ? cobList["properties"]["cobs"] : null;
  if (isObject(cobItems) && isObject(cobItems["items"]) && Array.isArray(cobItems["items"]["allOf"])) {
    for (const part of cobItems["items"]["allOf"]) {
      if (isObject(part) && Array.isArray(part["required"])) {
        part["required"] = part["required"].filter((name) => name !== "idCob");
      }
    }
  }
}

/** A corrected deep copy of the spec slice (the argument is left as it is). */
export function correctedApiPixSpec<T>(spec: T): T {
  const copy = structuredClone(spec) as Json;
  correctPatterns(copy);
  correctTxidsAndLocations(copy);
  if (isObject(copy) && isObject(copy["components"]) && isObject(copy["components"]["schemas"])) {
    correctRequiredLists(copy["components"]["schemas"]);
  }
  return copy as T;
}
