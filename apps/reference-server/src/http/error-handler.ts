import { isTesseraError, type SupportedLocale } from "@tessera/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { createTranslator } from "../i18n/translator";
import type { Logger } from "../logging/logger";
import type { ViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { errorResponseFor } from "./error-responses";
import { pageData } from "./page-data";

function wantsJson(c: Context): boolean {
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/**
 * Answers a thrown error: the status from core's error catalog, a message from the i18n
 * catalog (never the exception's own text, which is written for developers), as an HTML
 * page or, for clients that ask for JSON, `{ error: { code, message, issues? } }`.
 * Server-side failures (5xx) are logged with their stack; the visitor sees only the code.
 */
export function errorHandler(deps: { logger: Logger; views: ViewRenderer; defaultLocale: SupportedLocale }) {
  return (error: Error, c: Context<AppEnv>) => {
    const { status, code, messageKey } = errorResponseFor(error);
    if (status >= 500) {
      deps.logger.error("request failed", {
        method: c.req.method,
        path: c.req.path,
        status,
        code,
        err: error,
      });
    }
    if (!c.get("t")) {
      c.set("locale", deps.defaultLocale);
      c.set("t", createTranslator(deps.defaultLocale));
    }
    const message = c.get("t")(messageKey);
    const httpStatus = status as ContentfulStatusCode;
    if (wantsJson(c)) {
      const issues = isTesseraError(error, "validation_failed") ? error.details.issues : undefined;
      return c.json({ error: { code, message, ...(issues ? { issues } : {}) } }, httpStatus);
    }
    return c.html(
      deps.views.render("error", { ...pageData(c, c.get("t")("error.title")), message, code }),
      httpStatus,
    );
  };
}
