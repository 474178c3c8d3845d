import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/** A form body as Hono's `parseBody()` gives it: text fields, and uploaded files. */
export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * One text input of a form, trimmed and cut at `maxLength`: the first value when the input
 * came twice, empty when it is missing or a file.
 */
export function formText(body: FormBody, name: string, maxLength = 2_000): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim().slice(0, maxLength) : "";
}

const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * A posted form's fields, as `parseBody({ all: true })` reads them. A body that is not a
 * form, or a malformed multipart one, is the sender's error: 400, never a 500 (the area's
 * error page says it in the visitor's language).
 */
export async function readFormBody(c: Context): Promise<FormBody> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!formTypes.some((form) => type.startsWith(form))) {
    throw new HTTPException(415, { message: "send the form as a form" });
  }
  try {
    return await c.req.parseBody({ all: true });
  } catch (error) {
    throw new HTTPException(400, { message: "the form could not be read", cause: error });
  }
}
