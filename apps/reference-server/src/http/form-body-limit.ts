import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { ViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { pageData } from "./page-data";

/**
 * The largest form accepted: room for a few attachments (core refuses any one over its own
 * limit, 5 MiB by default) and never an unbounded upload held in memory.
 */
export const maxFormBytes = 16 * 1024 * 1024;

/** Refuses a larger form before it is read, with a page in the visitor's language (413). */
export function formBodyLimit(deps: { views: ViewRenderer }) {
  return createMiddleware<AppEnv>((c, next) =>
    bodyLimit({
      maxSize: maxFormBytes,
      onError: () => {
        const t = c.get("t");
        return c.html(
          deps.views.render("error", {
            ...pageData(c, t("error.title")),
            message: t("form.error.tooLarge"),
            code: "payload_too_large",
          }),
          413,
        );
      },
    })(c, next),
  );
}
