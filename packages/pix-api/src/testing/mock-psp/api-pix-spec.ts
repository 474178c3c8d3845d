import { correctedApiPixSpec } from "./api-pix-errata";
import spec from "./fixtures/api-pix-schemas.json" with { type: "json" };

/**
 * The slice of BACEN's API Pix 2.9.0 the mock serves (`fixtures/api-pix-schemas.json`, see
 * the README beside it), with the errata of `api-pix-errata.ts` applied: the operations'
 * parameters, request bodies, responses and security scopes, and every schema they refer to.
 */

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: object;
}

export interface SpecOperation {
  parameters?: (SpecParameter | { $ref: string })[];
  requestBody?: { $ref: string };
  responses: Record<string, object>;
  security?: { OAuth2: string[] }[];
}

export interface ApiPixSpec {
  $id: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, SpecOperation | SpecParameter[]>>;
  components: Record<string, Record<string, object>>;
}

/** The fixture as JSON data: its shape is the spec's, read through `ApiPixSpec`. */
const published: unknown = spec;

export const apiPixSpec: ApiPixSpec = correctedApiPixSpec(published as ApiPixSpec);

/** The object a local `#/components/…` reference points at. */
export function resolveSpecRef(ref: string): unknown {
  const [, ...segments] = ref.replace(/^#\//, "#/").split("/");
  let node: unknown = apiPixSpec;
  for (const segment of segments) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined) throw new Error(`API Pix spec slice has nothing at ${ref}`);
  return node;
}

/** One operation of the slice; throws on an operation the mock does not carry (a bug in the mock). */
export function specOperation(pathTemplate: string, method: string): SpecOperation {
  const operation = apiPixSpec.paths[pathTemplate]?.[method.toLowerCase()];
  if (operation === undefined || Array.isArray(operation)) {
    throw new Error(`API Pix spec slice has no ${method} ${pathTemplate}`);
  }
  return operation;
}

/** The path-level and operation-level parameters of an operation, references resolved. */
export function specParameters(pathTemplate: string, method: string): SpecParameter[] {
  const shared = apiPixSpec.paths[pathTemplate]?.["parameters"];
  const own = specOperation(pathTemplate, method).parameters ?? [];
  return [...(Array.isArray(shared) ? shared : []), ...own].map((parameter) =>
    "$ref" in parameter ? (resolveSpecRef(parameter.$ref) as SpecParameter) : parameter,
  );
}

/** The scopes the spec's `security` asks of an operation (`cob.write`…). */
export function specScopes(pathTemplate: string, method: string): string[] {
  return specOperation(pathTemplate, method).security?.flatMap((entry) => entry.OAuth2) ?? [];
}
