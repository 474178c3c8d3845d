import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import type { ViewRenderer } from "../views/view-renderer";

/** Any address no route answers: a 404 page in the visitor's language. */
export function notFoundPage(views: ViewRenderer) {
  return (c: Context<AppEnv>) =>
    c.html(
      views.render("not-found", { ...pageData(c, c.get("t")("notFound.title")), path: c.req.path }),
      404,
    );
}
