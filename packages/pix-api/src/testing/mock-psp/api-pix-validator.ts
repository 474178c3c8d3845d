import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { propertyErrors, schemaErrorLines } from "../ajv-property-errors";
import { apiPixSpec, resolveSpecRef, specOperation, specParameters } from "./api-pix-spec";

/**
 * Requests and answers checked against the API Pix schemas themselves (the spec slice, with
 * its errata), so the mock refuses exactly what the schema refuses and a test can hold the
 * mock's own answers to the response schemas.
 */

/** One entry of a problem's `violacoes` (schema `Violacao`). */
export interface Violacao {
  razao: string;
  propriedade: string;
  valor?: string;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(apiPixSpec);

const compiled = new Map<string, ValidateFunction>();

/** A validator for the spec's schema object `schema`, its local references read in the spec. */
function validatorFor(key: string, schema: unknown): ValidateFunction {
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const validate = ajv.compile(anchoredRefs(schema) as object);
  compiled.set(key, validate);
  return validate;
}

/** Local `#/…` references made absolute against the spec's `$id`, so a fragment compiles alone. */
function anchoredRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchoredRefs);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? [key, `${apiPixSpec.$id}${value}`]
        : [key, anchoredRefs(value)],
    ),
  );
}

function describe(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Ajv's errors as the PSP words them: one violation per property, named from the resource
 * (`cob.valor.original`). Inside a `oneOf`/`anyOf` that failed (a `devedor` that is neither
 * a person nor a company), the branch errors are folded into the one for the whole object,
 * as the spec's own example does ("O objeto cobv.devedor não respeita o _schema_.").
 */
function violationsOf(errors: readonly ErrorObject[], resource: string, root: unknown): Violacao[] {
  const found = propertyErrors(errors, root, {
    alternatives: ["oneOf", "anyOf"],
    propertyName: (segments) => [resource, ...segments].join("."),
  });
  return found.map(({ error, property: propriedade, value }) => {
    const kind = typeof value === "object" && value !== null ? "O objeto" : "O campo";
    const razao =
      error.keyword === "required"
        ? `O campo ${propriedade} é obrigatório.`
        : `${kind} ${propriedade} não respeita o _schema_.`;
    const valor = error.keyword === "required" ? undefined : describe(value);
    return valor === undefined ? { razao, propriedade } : { razao, propriedade, valor };
  });
}

/** A query or path value read as the parameter's schema types it (query strings are text). */
function typedParameter(raw: string, schema: unknown): unknown {
  const { $ref, type } = schema as { $ref?: string; type?: string };
  if ($ref !== undefined) return typedParameter(raw, resolveSpecRef($ref));
  if (type === "integer" || type === "number") return raw.trim() === "" ? raw : Number(raw);
  if (type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/** What a request carries, as the router read it. */
export interface RequestParts {
  pathParameters: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the operation takes none. */
  body?: unknown;
}

/**
 * The violations of a request to `method pathTemplate` (a path of the spec, `/cob/{txid}`):
 * its path and query parameters (named as the spec names them, `paginacao.paginaAtual`) and
 * its body against the operation's request schema, named under `resource` (`cob`).
 */
export function requestViolations(
  pathTemplate: string,
  method: string,
  resource: string,
  request: RequestParts,
): Violacao[] {
  const violations: Violacao[] = [];
  for (const parameter of specParameters(pathTemplate, method)) {
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    const raw =
      parameter.in === "path" ? request.pathParameters[parameter.name] : request.query.get(parameter.name);
    if (raw === undefined || raw === null) {
      if (parameter.required === true) {
        violations.push({
          razao: `O parâmetro ${parameter.name} é obrigatório.`,
          propriedade: parameter.name,
        });
      }
      continue;
    }
    const validate = validatorFor(`${pathTemplate} ${method} ${parameter.name}`, parameter.schema);
    if (!validate(typedParameter(raw, parameter.schema))) {
      violations.push({
        razao: `O parâmetro ${parameter.name} não respeita o _schema_.`,
        propriedade: parameter.name,
        valor: raw,
      });
    }
  }
  const requestBody = specOperation(pathTemplate, method).requestBody;
  if (requestBody !== undefined) {
    const validate = validatorFor(
      `${pathTemplate} ${method} body`,
      (resolveSpecRef(requestBody.$ref) as { content: Record<string, { schema: unknown }> }).content[
        "application/json"
      ]?.schema,
    );
    if (request.body === undefined) {
      violations.push({ razao: `O corpo da requisição é obrigatório.`, propriedade: resource });
    } else if (!validate(request.body)) {
      violations.push(...violationsOf(validate.errors ?? [], resource, request.body));
    }
  }
  return violations;
}

/**
 * Why an answer breaks the response schema the spec gives for `status` (empty when it
 * conforms, or when the spec gives that status no body): what the mock's tests hold the
 * mock's own answers to.
 */
export function responseSchemaErrors(
  pathTemplate: string,
  method: string,
  status: number,
  contentType: string,
  body: unknown,
): string[] {
  const declared = specOperation(pathTemplate, method).responses[String(status)];
  if (declared === undefined) return [`the spec declares no ${status} answer to ${method} ${pathTemplate}`];
  const response = ("$ref" in declared ? resolveSpecRef(String(declared.$ref)) : declared) as {
    content?: Record<string, { schema: unknown }>;
  };
  const media = response.content?.[contentType];
  if (media === undefined) return response.content === undefined ? [] : [`no ${contentType} answer declared`];
  const validate = validatorFor(`${pathTemplate} ${method} ${status} ${contentType}`, media.schema);
  if (validate(body)) return [];
  return schemaErrorLines(validate.errors);
}

/** The callback body a PSP posts to `{webhookUrl}/pix` (`WebhookPixBody`), checked against its schema. */
export function webhookBodyErrors(body: unknown): string[] {
  const schema = (
    resolveSpecRef("#/components/requestBodies/WebhookPixBody") as {
      content: Record<string, { schema: unknown }>;
    }
  ).content["application/json"]?.schema;
  const validate = validatorFor("webhook callback", schema);
  if (validate(body)) return [];
  return schemaErrorLines(validate.errors);
}
