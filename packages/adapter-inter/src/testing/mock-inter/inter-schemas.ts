import { propertyErrors, schemaErrorLines } from "@tessera/pix-api/testing";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import published from "./fixtures/inter-cobranca-schemas.json" with { type: "json" };

/**
 * Inter's Cobrança v3 schemas (`fixtures/inter-cobranca-schemas.json`, a slice of the
 * published OpenAPI) compiled with ajv, so the mock refuses what the schema refuses and the
 * mock's tests hold its own answers to the response schemas.
 */

/** One entry of an Inter error's `violacoes` (schema `Violacao`). */
export interface Violacao {
  razao: string;
  propriedade?: string;
  valor?: string;
}

interface SchemaDocument {
  $id: string;
  components: {
    parameters: Record<string, { name: string; schema: object }>;
    schemas: Record<string, object>;
  };
}

/**
 * The spec's slips, corrected in memory (the fixture stays as published): some patterns were
 * written with doubled backslashes (`^\\d{1,10}\\.\\d{2}$` matches a backslash, never an amount),
 * and the list item `cobranca` requires `id` and `identificador`, which it never defines.
 */
function corrected(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) {
    return key === "required"
      ? node.filter((name) => name !== "id" && name !== "identificador")
      : node.map((item) => corrected(item));
  }
  if (typeof node === "string" && key === "pattern") return node.replace(/\\\\/g, "\\");
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, corrected(value, name)]));
}

const spec = corrected(published) as SchemaDocument;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI's own formats, which ajv-formats does not define: the type already says enough.
ajv.addFormat("int32", true);
ajv.addFormat("UUID", true);
ajv.addSchema(spec);

const compiled = new Map<string, ValidateFunction>();

function validator(ref: string): ValidateFunction {
  const known = compiled.get(ref);
  if (known !== undefined) return known;
  const validate = ajv.compile({ $ref: `${spec.$id}${ref}` });
  compiled.set(ref, validate);
  return validate;
}

/** The schemas the mock reads or answers with, by their name in `components.schemas`. */
export type InterSchemaName =
  | "EmitirCobrancaRequestBody"
  | "CancelarCobrancaRequestBody"
  | "WebhookSolicitado"
  | "PagamentoCobrancaRequestBody"
  | "CobrancaDetalhadaResponseBody"
  | "CobrancasResponse"
  | "CallbackCobranca"
  | "WebhookCompleto"
  | "PdfResponse"
  | "EmitirCobrancaAsyncResponse"
  | "Problema";

function reasonOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return "não deve ser nulo";
    case "minimum":
      return `deve ser maior ou igual a ${String(params["limit"])}`;
    case "maximum":
      return `deve ser menor ou igual a ${String(params["limit"])}`;
    case "maxLength":
      return `tamanho deve ser no máximo ${String(params["limit"])}`;
    case "minLength":
      return `tamanho deve ser no mínimo ${String(params["limit"])}`;
    case "enum":
      return `deve ser um de: ${(params["allowedValues"] as unknown[]).join(", ")}`;
    case "format":
      return "Não foi possível converter o valor.";
    case "type":
      return `deve ser do tipo ${String(params["type"])}`;
    case "oneOf":
      return "não corresponde a nenhuma das formas aceitas (confira codigo e taxa/valor)";
    case "pattern":
      return `deve corresponder a ${String(params["pattern"])}`;
    case "uniqueItems":
      return "não deve ter itens repetidos";
    default:
      return "valor inválido";
  }
}

/**
 * Ajv's errors as Inter's `violacoes`: one per property, named by its dotted path from the
 * body (`pagador.endereco`, as Inter's own example names `dataInicial`). The failed branches
 * of a `oneOf` (a `mora` that is neither a rate nor a value) fold into one for the object.
 */
function violationsOf(errors: readonly ErrorObject[], root: unknown): Violacao[] {
  const found = propertyErrors(errors, root, {
    alternatives: ["oneOf"],
    propertyName: (segments) => segments.join(".") || "body",
  });
  return found.map(({ error, property: propriedade, value }) => {
    const violacao: Violacao = { razao: reasonOf(error), propriedade };
    if (value !== undefined && value !== null) {
      violacao.valor = typeof value === "object" ? JSON.stringify(value) : String(value);
    }
    return violacao;
  });
}

/** The violations of a request body against the named schema (empty when it conforms). */
export function bodyViolations(schema: InterSchemaName, body: unknown): Violacao[] {
  const validate = validator(`#/components/schemas/${schema}`);
  if (body === undefined) return [{ razao: "Required Body [body] not specified." }];
  return validate(body) ? [] : violationsOf(validate.errors ?? [], body);
}

/** Why a value breaks the named schema: what the mock's tests hold its answers to. */
export function schemaErrors(schema: InterSchemaName, value: unknown): string[] {
  const validate = validator(`#/components/schemas/${schema}`);
  if (validate(value)) return [];
  return schemaErrorLines(validate.errors);
}

/**
 * The violations of the list operation's query: each parameter the spec names, read as its
 * schema types it (query strings are text), `dataInicial` and `dataFinal` required.
 */
export function queryViolations(query: URLSearchParams): Violacao[] {
  const violations: Violacao[] = [];
  for (const [key, parameter] of Object.entries(spec.components.parameters)) {
    if (key === "codigoSolicitacao") continue;
    const raw = query.get(parameter.name);
    if (raw === null) {
      if ((parameter as { required?: boolean }).required === true) {
        violations.push({ razao: "Parâmetro obrigatório não informado.", propriedade: parameter.name });
      }
      continue;
    }
    const schema = parameter.schema as { type?: string };
    const typed = schema.type === "integer" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    const validate = validator(`#/components/parameters/${key}/schema`);
    if (!validate(typed)) {
      violations.push({
        razao: "Não foi possível converter o valor.",
        propriedade: parameter.name,
        valor: raw,
      });
    }
  }
  return violations;
}
