import { z } from "zod";
import { type Pix, pixSchema } from "./schemas";

/** What a callback body said, or why it is not one. */
export type PixCallbackParse = { ok: true; pix: Pix[] } | { ok: false; reason: string };

const callbackSchema = z.union([
  z.looseObject({ pix: z.array(pixSchema) }),
  // Banco Inter posts a bare array, or one object, as well as the spec's `{ pix: [...] }`.
  z.array(pixSchema),
  pixSchema,
]);

/**
 * A callback the PSP posts to `{webhookUrl}/pix` (API Pix `listaPix`): several Pix at once
 * possibly, only of charges with a txid, and again when a refund of one reaches
 * `DEVOLVIDO` or `NAO_REALIZADO` (with `devolucoes`). Its content proves nothing — the
 * adapter confirms each Pix by looking its charge up — so a malformed body is a value,
 * never a throw.
 */
export function parsePixCallback(rawBody: string): PixCallbackParse {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not an API Pix callback (${issue?.path.join(".") || "body"}: ${issue?.message})`,
    };
  }
  const data = parsed.data;
  if (Array.isArray(data)) return { ok: true, pix: data };
  if ("pix" in data && Array.isArray(data.pix)) return { ok: true, pix: data.pix as Pix[] };
  return { ok: true, pix: [data as Pix] };
}
