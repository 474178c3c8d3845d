import type { z } from "zod";
import { type FieldError, fieldErrorsAnswer, type PagoLivreAnswer } from "./pagolivre-answers";
import type { PagoLivreContext } from "./pagolivre-context";

/**
 * One operation of the API under `/api/v2`, as the mock serves it: its method, its path
 * template (from `pagolivreProtocol.paths`) and, for one that takes a body, the protocol
 * module's schema every body is checked against before it is served.
 */
export interface PagoLivreRoute {
  method: "GET" | "POST";
  path: string;
  /** The order create, which `timeoutNextCreate` applies to. */
  creates: boolean;
  takesBody: boolean;
  serve(params: Record<string, string>, json: unknown, context: PagoLivreContext): PagoLivreAnswer;
}

/** The schema's complaints as PagoLivre's (assumed) `{ field, message }` list. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? "body" : issue.path.map(String).join("."),
    message: issue.message,
  }));
}

export function bodyRoute<Schema extends z.ZodType>(definition: {
  method: "POST";
  path: string;
  creates?: boolean;
  schema: Schema;
  handle(params: Record<string, string>, body: z.output<Schema>, context: PagoLivreContext): PagoLivreAnswer;
}): PagoLivreRoute {
  return {
    method: definition.method,
    path: definition.path,
    creates: definition.creates ?? false,
    takesBody: true,
    serve(params, json, context) {
      const parsed = definition.schema.safeParse(json);
      if (!parsed.success) return fieldErrorsAnswer(fieldErrorsOf(parsed.error));
      return definition.handle(params, parsed.data, context);
    },
  };
}

export function plainRoute(definition: {
  method: "GET";
  path: string;
  handle(params: Record<string, string>, context: PagoLivreContext): PagoLivreAnswer;
}): PagoLivreRoute {
  return {
    method: definition.method,
    path: definition.path,
    creates: false,
    takesBody: false,
    serve: (params, _json, context) => definition.handle(params, context),
  };
}

/** `params` when `pathname` fits `template` (`/orders/{id}/cancel`), else null. */
export function matchPath(template: string, pathname: string): Record<string, string> | null {
  const expected = template.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const given = actual[index] ?? "";
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name === undefined) {
      if (segment !== given) return null;
    } else {
      if (given === "") return null;
      try {
        params[name] = decodeURIComponent(given);
      } catch {
        return null;
      }
    }
  }
  return params;
}
