import type { Hono } from "hono";

/**
 * A test's browser for the back office: a cookie jar and a signed-in member's `get`/`post`.
 * One place for every back-office test (and the route-table walk) to sign in the way a
 * browser does — the log-in page's CSRF cookie and field, then the session cookie.
 */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [name, ...value] = pair!.split("=");
        cookies.set(name!, value.join("="));
      }
    },
  };
}

/** The value of the hidden input named `name` in a page (the CSRF token, an idempotency key). */
export const hiddenField = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

/** The hidden fields `names` of the form posting to `action` on a page (its CSRF token, its idempotency key…). */
export function hiddenFieldsOf<Name extends string>(
  html: string,
  action: string,
  names: readonly Name[],
): Record<Name, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`the page has no form posting to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  return Object.fromEntries(names.map((name) => [name, hiddenField(form, name)])) as Record<Name, string>;
}

type RequestingApp = Pick<Hono, "request">;

/** Signs in through the log-in form; `response` is the log-in's answer (303 when it worked). */
export async function signInAs(app: RequestingApp, email: string, password: string) {
  const jar = cookieJar();
  const page = await app.request("/admin/login");
  jar.take(page);
  const response = await app.request("/admin/login", {
    method: "POST",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email,
      password,
      _csrf: hiddenField(await page.text(), "_csrf"),
      next: "/admin",
    }),
  });
  jar.take(response);
  const get = async (path: string) => {
    const answer = await app.request(path, { headers: { cookie: jar.header() } });
    jar.take(answer);
    return answer;
  };
  const post = async (path: string, fields: Record<string, string>) => {
    const answer = await app.request(path, {
      method: "POST",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    jar.take(answer);
    return answer;
  };
  /** A page's CSRF token, read from the page at `path` (any back-office page carries it). */
  const csrfFrom = async (path = "/admin") => hiddenField(await (await get(path)).text(), "_csrf");
  return { response, get, post, csrfFrom, jar };
}
